import { AppError } from '../errors';

/**
 * Every failure of the Ondato client is one of these codes. The message is written for an officer and
 * never holds a secret, a token, customer data or a response body: only the operation name (one of our
 * own constants, e.g. "get IDV"), the HTTP status and a wait time may appear in it.
 */
export const ONDATO_ERROR_CODES = [
  'auth_failed',
  'forbidden',
  'not_found',
  'validation',
  'rate_limited',
  'server',
  'network',
  'timeout',
  'bad_response',
] as const;
export type OndatoErrorCode = (typeof ONDATO_ERROR_CODES)[number];

/** Codes for which a later attempt of the same call may succeed (the sync engine may try again later). */
const TRANSIENT: ReadonlySet<OndatoErrorCode> = new Set(['rate_limited', 'server', 'network', 'timeout']);

export interface OndatoErrorOptions {
  /** Our operation name, e.g. "get IDV" (a constant, never data). */
  operation?: string;
  status?: number;
  retryAfterMs?: number;
  fields?: Record<string, string[]>;
  /** Overrides the default officer message (must obey the same rules). */
  message?: string;
  cause?: unknown;
}

export class OndatoError extends AppError {
  declare readonly code: OndatoErrorCode;
  readonly operation?: string;
  readonly status?: number;
  readonly retryAfterMs?: number;
  /** True when the failure is transient: trying the same call again later may succeed. */
  readonly retryable: boolean;

  constructor(code: OndatoErrorCode, options: OndatoErrorOptions = {}) {
    super(code, options.message ?? ondatoMessage(code, options), {
      ...(options.fields ? { fields: options.fields } : {}),
      ...(options.cause === undefined ? {} : { cause: options.cause }),
    });
    this.name = 'OndatoError';
    if (options.operation !== undefined) this.operation = options.operation;
    if (options.status !== undefined) this.status = options.status;
    if (options.retryAfterMs !== undefined) this.retryAfterMs = options.retryAfterMs;
    this.retryable = TRANSIENT.has(code);
  }
}

export function isOndatoError(error: unknown): error is OndatoError {
  return error instanceof OndatoError;
}

function waitText(ms: number): string {
  const seconds = Math.max(1, Math.ceil(ms / 1000));
  if (seconds < 120) return `${seconds} second${seconds === 1 ? '' : 's'}`;
  return `${Math.ceil(seconds / 60)} minutes`;
}

/** The officer-facing message for a code. Only the operation name, the status and a wait time go in. */
export function ondatoMessage(
  code: OndatoErrorCode,
  { operation, status, retryAfterMs }: Pick<OndatoErrorOptions, 'operation' | 'status' | 'retryAfterMs'> = {},
): string {
  const op = operation ?? 'complete the request';
  const http = status === undefined ? '' : ` (HTTP ${status})`;
  switch (code) {
    case 'auth_failed':
      return `Ondato did not accept the API client ID or secret${http}. Check the credentials in the workspace settings.`;
    case 'forbidden':
      return `Ondato refused to ${op}${http}: this API client does not have the permission (scope) for it.`;
    case 'not_found':
      return `Ondato could not find the record to ${op}${http}.`;
    case 'validation':
      return `The request to ${op} was not accepted${http}. Check the highlighted fields.`;
    case 'rate_limited':
      return retryAfterMs === undefined
        ? `Ondato is limiting requests${http}; could not ${op}. Try again shortly.`
        : `Ondato is limiting requests${http}; could not ${op}. Try again in ${waitText(retryAfterMs)}.`;
    case 'server':
      return `Ondato had a problem on its side${http} while trying to ${op}. Try again later.`;
    case 'network':
      return `Could not reach Ondato to ${op}. Check the internet connection, proxy or firewall.`;
    case 'timeout':
      return `Ondato did not answer in time${http}; could not ${op}. Try again later.`;
    case 'bad_response':
      return `Ondato sent an unexpected response${http}; could not ${op}.`;
  }
}

const MAX_FIELDS = 50;
const MAX_MESSAGES_PER_FIELD = 5;
const MAX_TEXT = 300;

function clip(text: string): string {
  return text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT - 1)}…` : text;
}

/**
 * Reads the `errors` map of an ASP.NET problem+json body (`{ errors: { field: [messages] } }`) into
 * field messages, bounded in size. Anything else yields undefined.
 */
export function problemFields(body: unknown): Record<string, string[]> | undefined {
  if (typeof body !== 'object' || body === null || !('errors' in body)) return undefined;
  const errors: unknown = body.errors;
  if (typeof errors !== 'object' || errors === null || Array.isArray(errors)) return undefined;
  const fields: Record<string, string[]> = {};
  let count = 0;
  for (const [key, value] of Object.entries(errors)) {
    if (count >= MAX_FIELDS) break;
    const list = Array.isArray(value) ? value : [value];
    const messages = list
      .filter((m): m is string => typeof m === 'string')
      .slice(0, MAX_MESSAGES_PER_FIELD)
      .map(clip);
    if (messages.length === 0) continue;
    fields[clip(key === '' ? '_' : normaliseFieldKey(key))] = messages;
    count += 1;
  }
  return count > 0 ? fields : undefined;
}

/** ASP.NET may send `$.registration.phoneNumber` or `Registration.PhoneNumber`; we use `registration.phoneNumber`. */
function normaliseFieldKey(key: string): string {
  return key
    .replace(/^\$\.?/, '')
    .split('.')
    .map((part) => (part.length > 0 ? part[0]!.toLowerCase() + part.slice(1) : part))
    .join('.');
}

/** Maps a non-2xx status of an API call to an error. 401 is handled by the caller (token refresh). */
export function errorForStatus(
  status: number,
  operation: string,
  extra: { fields?: Record<string, string[]>; retryAfterMs?: number } = {},
): OndatoError {
  const base = { operation, status };
  if (status === 401) return new OndatoError('auth_failed', base);
  if (status === 403) return new OndatoError('forbidden', base);
  if (status === 404 || status === 410) return new OndatoError('not_found', base);
  if (status === 408) return new OndatoError('timeout', base);
  if (status === 429) {
    return new OndatoError('rate_limited', {
      ...base,
      ...(extra.retryAfterMs === undefined ? {} : { retryAfterMs: extra.retryAfterMs }),
    });
  }
  if (status >= 500) {
    return new OndatoError('server', {
      ...base,
      ...(extra.retryAfterMs === undefined ? {} : { retryAfterMs: extra.retryAfterMs }),
    });
  }
  if (status >= 400) {
    return new OndatoError('validation', { ...base, ...(extra.fields ? { fields: extra.fields } : {}) });
  }
  // 1xx/3xx reaching us means a redirect we did not follow or something stranger.
  return new OndatoError('bad_response', base);
}
