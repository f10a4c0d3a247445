import type { z } from 'zod';
import { knownOnly, markOverCap, parseBoundedJson, RESPONSE_LIMITS, type OverCap } from './bounds';
import { OndatoError } from './errors';

/** Structured log sink. `meta` never carries secrets, tokens, customer data or bodies. */
export interface Logger {
  debug(message: string, meta?: Record<string, unknown>): void;
  warn(message: string, meta?: Record<string, unknown>): void;
  error(message: string, meta?: Record<string, unknown>): void;
}

export const silentLogger: Logger = { debug() {}, warn() {}, error() {} };

/** What a body reader knows about the request, for errors and logs. */
export interface ReadContext {
  operation: string;
  /** Route template, e.g. `GET /v1/identity-verifications/{id}` (no ids, no query). */
  route: string;
  logger: Logger;
}

export const MAX_JSON_BYTES = 10 * 1024 * 1024;
export const MAX_ERROR_BODY_BYTES = 64 * 1024;

export class BodyTooLargeError extends Error {
  constructor(readonly limit: number) {
    super(`body larger than ${limit} bytes`);
    this.name = 'BodyTooLargeError';
  }
}

async function cancelQuietly(response: Response): Promise<void> {
  try {
    await response.body?.cancel();
  } catch {
    // the connection is going away anyway
  }
}

/** Discards a body we do not need, so the connection can be reused. */
export async function discardBody(response: Response): Promise<void> {
  await cancelQuietly(response);
}

/**
 * Reads the body into memory, refusing more than `maxBytes` (by Content-Length up front and by
 * counting while streaming). Throws BodyTooLargeError beyond the limit.
 */
export async function readLimited(response: Response, maxBytes: number): Promise<Buffer> {
  const declared = Number(response.headers.get('content-length') ?? Number.NaN);
  if (Number.isFinite(declared) && declared > maxBytes) {
    await cancelQuietly(response);
    throw new BodyTooLargeError(maxBytes);
  }
  if (!response.body) return Buffer.alloc(0);
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw new BodyTooLargeError(maxBytes);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks, total);
}

function badResponse(ctx: ReadContext, status: number, reason: string, meta: Record<string, unknown> = {}) {
  ctx.logger.warn('ondato: unexpected response body', {
    operation: ctx.operation,
    route: ctx.route,
    status,
    reason,
    ...meta,
  });
  return new OndatoError('bad_response', { operation: ctx.operation, status });
}

/**
 * Parses a JSON body against `schema`. Empty, non-JSON (an HTML page, truncated JSON), oversized or
 * schema-invalid bodies are `bad_response`; only the zod issue paths and codes are logged, never values.
 */
export async function readJson<S extends z.ZodType>(
  response: Response,
  schema: S,
  ctx: ReadContext,
): Promise<z.output<S>> {
  let bytes: Buffer;
  try {
    bytes = await readLimited(response, MAX_JSON_BYTES);
  } catch (error) {
    if (error instanceof BodyTooLargeError) throw badResponse(ctx, response.status, 'too large');
    throw error;
  }
  const contentType = (response.headers.get('content-type') ?? '').split(';')[0]?.trim().slice(0, 100);
  const text = bytes.toString('utf8');
  if (text.trim() === '') throw badResponse(ctx, response.status, 'empty', { contentType });
  let json: unknown;
  let pruned: boolean;
  try {
    ({ value: json, pruned } = parseBoundedJson(text, RESPONSE_LIMITS.maxDepth));
  } catch {
    throw badResponse(ctx, response.status, 'not json', { contentType, bytes: bytes.length });
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const issues = parsed.error.issues.slice(0, 20).map((issue) => ({
      path: issue.path.map((p) => (typeof p === 'symbol' ? '?' : String(p))).join('.'),
      code: issue.code,
    }));
    throw badResponse(ctx, response.status, 'schema', { issues });
  }
  const over: OverCap[] = [];
  if (pruned) over.push('depth');
  if (bytes.length > RESPONSE_LIMITS.maxStoredBytes) over.push('size');
  if (over.length === 0) return parsed.data;
  // Beyond what KYC Desk keeps: only the fields the schema names survive, and the caller can tell.
  ctx.logger.debug('ondato: response over the kept limits', {
    operation: ctx.operation,
    route: ctx.route,
    over,
    bytes: bytes.length,
  });
  const kept = knownOnly(schema, parsed.data) as z.output<S>;
  return kept !== null && typeof kept === 'object' ? markOverCap(kept, over) : kept;
}

/** Best-effort JSON of an error body (bounded); undefined when it is not JSON. Never throws. */
export async function readErrorBody(response: Response): Promise<unknown> {
  try {
    const bytes = await readLimited(response, MAX_ERROR_BODY_BYTES);
    const text = bytes.toString('utf8');
    if (text.trim() === '') return undefined;
    const value: unknown = JSON.parse(text);
    return value;
  } catch {
    return undefined;
  }
}
