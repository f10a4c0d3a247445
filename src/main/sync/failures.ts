import { isOndatoError } from '../ondato';
import { SyncStopped } from './gate';

/**
 * What one failed check means for its case:
 * - `stopped`: the engine stopped while the check waited for a token; nothing is written;
 * - `rate_limited`: Ondato's limit, not the case's fault: retried when the Retry-After pause ends;
 * - `auth`: the credentials or scopes; the engine stops polling (every case would fail the same way);
 * - `network`: no answer at all; the case backs off a little, the engine counts towards offline;
 * - `not_found`: the IDV is gone upstream (or never existed): re-checked after hours, not seconds;
 * - `backoff`: 5xx, timeout, unexpected body or our own bug: exponential backoff, error recorded.
 */
export type FailureKind = 'stopped' | 'rate_limited' | 'auth' | 'network' | 'not_found' | 'backoff';

export interface Failure {
  kind: FailureKind;
  code: string;
  /** Officer-safe: an OndatoError's message (never customer data) or our own generic text. */
  message: string;
  /** Written to sync_errors for the case. */
  record: boolean;
  /** Not an OndatoError: a bug or the database; logged by kind. */
  unexpected: boolean;
}

export const INTERNAL_MESSAGE =
  'Something unexpected went wrong while syncing; the case will be tried again.';

export function classifyFailure(error: unknown): Failure {
  if (error instanceof SyncStopped) {
    return { kind: 'stopped', code: 'stopped', message: '', record: false, unexpected: false };
  }
  if (!isOndatoError(error)) {
    return { kind: 'backoff', code: 'internal', message: INTERNAL_MESSAGE, record: true, unexpected: true };
  }
  const base = { code: error.code, message: error.message, unexpected: false };
  switch (error.code) {
    case 'rate_limited':
      return { ...base, kind: 'rate_limited', record: false };
    case 'auth_failed':
    case 'forbidden':
      return { ...base, kind: 'auth', record: false };
    case 'network':
      return { ...base, kind: 'network', record: false };
    case 'not_found':
      return { ...base, kind: 'not_found', record: true };
    case 'server':
    case 'timeout':
    case 'bad_response':
    case 'validation':
      return { ...base, kind: 'backoff', record: true };
  }
}
