import { performance } from 'node:perf_hooks';
import type { TokenProvider } from './auth';
import { discardBody, readErrorBody, silentLogger, type Logger, type ReadContext } from './body';
import { errorForStatus, OndatoError, problemFields } from './errors';
import { decideRetry, parseRetryAfter, resolveRetryPolicy, type RetryMode, type RetryPolicy } from './retry';

export type FetchLike = (url: string, init: RequestInit) => Promise<Response>;
export interface Clock {
  now(): number;
}
export type Sleep = (ms: number) => Promise<void>;

export const DEFAULT_TIMEOUT_MS = 15_000;

export interface HttpOptions {
  fetch?: FetchLike;
  sleep?: Sleep;
  /** [0, 1), for backoff jitter. */
  random?: () => number;
  logger?: Logger;
  /** Wall clock for token expiry and HTTP-date `Retry-After`. */
  clock?: Clock;
  /** Per attempt, covering the response headers and the whole body. */
  timeoutMs?: number;
  retry?: Partial<RetryPolicy>;
}

export interface HttpContext {
  fetch: FetchLike;
  sleep: Sleep;
  random: () => number;
  logger: Logger;
  clock: Clock;
  timeoutMs: number;
  retry: RetryPolicy;
}

const realSleep: Sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

export function createHttpContext(options: HttpOptions = {}): HttpContext {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  return {
    fetch: options.fetch ?? ((url, init) => fetch(url, init)),
    sleep: options.sleep ?? realSleep,
    random: options.random ?? Math.random,
    logger: options.logger ?? silentLogger,
    clock: options.clock ?? { now: () => Date.now() },
    timeoutMs: Number.isFinite(timeoutMs) && timeoutMs > 0 ? timeoutMs : DEFAULT_TIMEOUT_MS,
    retry: resolveRetryPolicy(options.retry),
  };
}

export interface RequestSpec<T> {
  /** Officer-facing operation name, e.g. "get IDV". */
  operation: string;
  method: 'GET' | 'POST' | 'PUT';
  url: string;
  /** Path template for logs, e.g. `/v1/identity-verifications/{id}`. */
  path: string;
  headers?: Record<string, string>;
  body?: string | URLSearchParams;
  retry: RetryMode;
  /** Bearer token source; absent for the token request itself. */
  auth?: TokenProvider;
  /** Reads a 2xx response. Runs inside the attempt's timeout. Throw OndatoError for a bad body. */
  read(response: Response, ctx: ReadContext): Promise<T>;
  /** Maps a non-2xx response before the default mapping (the token endpoint's OAuth errors). */
  mapError?(status: number, body: unknown): OndatoError | undefined;
}

/** Connection-level failures where nothing was sent: safe to repeat even a non-idempotent request. */
const UNSENT_CODES: ReadonlySet<string> = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN']);

function errorCodes(error: unknown, depth = 0): string[] {
  if (typeof error !== 'object' || error === null || depth > 3) return [];
  if (error instanceof AggregateError && error.errors.length > 0) {
    return error.errors.flatMap((e: unknown) => errorCodes(e, depth + 1));
  }
  if ('code' in error && typeof error.code === 'string') return [error.code];
  return 'cause' in error ? errorCodes(error.cause, depth + 1) : [];
}

export function isUnsentFailure(error: unknown): boolean {
  const codes = errorCodes(error instanceof Error && error.cause !== undefined ? error.cause : error);
  return codes.length > 0 && codes.every((code) => UNSENT_CODES.has(code));
}

async function errorFromResponse<T>(response: Response, spec: RequestSpec<T>, ctx: HttpContext) {
  const body = await readErrorBody(response);
  const mapped = spec.mapError?.(response.status, body);
  if (mapped) return mapped;
  const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'), ctx.clock.now());
  const fields = response.status >= 400 && response.status < 500 ? problemFields(body) : undefined;
  return errorForStatus(response.status, spec.operation, {
    ...(fields ? { fields } : {}),
    ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
  });
}

/** A redirect answer: a 3xx, or the opaque redirect a browser-style fetch returns for `manual`. */
function isRedirect(response: Response): boolean {
  return response.type === 'opaqueredirect' || (response.status >= 300 && response.status < 400);
}

function redirectError(operation: string, status: number): OndatoError {
  return new OndatoError('bad_response', {
    operation,
    ...(status === 0 ? {} : { status }),
    message: `Ondato answered with a redirect to another address${status === 0 ? '' : ` (HTTP ${status})`}; KYC Desk does not follow redirects, so nothing was sent there. Check the workspace's Ondato addresses.`,
  });
}

/**
 * Sends one logical request: bearer auth, a timeout per attempt, the retry policy of retry.ts, one
 * token refresh after a 401, and every failure mapped to an OndatoError.
 */
export async function request<T>(ctx: HttpContext, spec: RequestSpec<T>): Promise<T> {
  const route = `${spec.method} ${spec.path}`;
  const log = { operation: spec.operation, route };
  const readCtx: ReadContext = { operation: spec.operation, route, logger: ctx.logger };
  let attempt = 0;
  let spentMs = 0;
  let refreshedAfter401 = false;

  for (;;) {
    attempt += 1;
    // Token failures are final here: the token request has its own retries.
    const token = spec.auth ? await spec.auth.getToken() : undefined;
    const headers: Record<string, string> = { accept: 'application/json', ...spec.headers };
    if (token) headers.authorization = `Bearer ${token.value}`;

    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, ctx.timeoutMs);
    const started = performance.now();
    let error: OndatoError;
    let unsent = false;
    try {
      const response = await ctx.fetch(spec.url, {
        method: spec.method,
        headers,
        ...(spec.body === undefined ? {} : { body: spec.body }),
        signal: controller.signal,
        // Never follow: a 307 on /connect/token would re-send the client secret to wherever it points.
        redirect: 'manual',
      });
      if (isRedirect(response)) {
        await discardBody(response);
        throw redirectError(spec.operation, response.status);
      }
      if (response.status === 401 && token && spec.auth && !refreshedAfter401) {
        refreshedAfter401 = true;
        spec.auth.invalidate(token.value);
        await discardBody(response);
        ctx.logger.debug('ondato: token refused, refreshing once', { ...log, attempt });
        attempt -= 1;
        continue;
      }
      if (response.status >= 200 && response.status < 300) {
        const value = await spec.read(response, readCtx);
        ctx.logger.debug('ondato: request done', {
          ...log,
          attempt,
          status: response.status,
          ms: Math.round(performance.now() - started),
        });
        return value;
      }
      error = await errorFromResponse(response, spec, ctx);
    } catch (caught) {
      if (caught instanceof OndatoError) {
        error = caught;
      } else if (timedOut) {
        error = new OndatoError('timeout', { operation: spec.operation, cause: caught });
      } else {
        unsent = isUnsentFailure(caught);
        error = new OndatoError('network', { operation: spec.operation, cause: caught });
      }
    } finally {
      clearTimeout(timer);
    }

    const decision = decideRetry({
      error,
      mode: spec.retry,
      unsent,
      attempt,
      spentMs,
      policy: ctx.retry,
      random: ctx.random,
    });
    const meta = {
      ...log,
      attempt,
      code: error.code,
      ...(error.status === undefined ? {} : { status: error.status }),
      ...(error.retryAfterMs === undefined ? {} : { retryAfterMs: error.retryAfterMs }),
    };
    if (!decision.retry) {
      ctx.logger.warn('ondato: request failed', { ...meta, reason: decision.reason });
      throw error;
    }
    ctx.logger.debug('ondato: retrying', { ...meta, delayMs: decision.delayMs });
    spentMs += decision.delayMs;
    if (decision.delayMs > 0) await ctx.sleep(decision.delayMs);
  }
}
