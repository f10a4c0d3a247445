import { AppError } from '../errors';

/*
 * Cache errors the app reacts to by code. Messages are shown to the officer: they name no path, key
 * or customer data.
 */
export type CacheErrorCode =
  | 'cache_key_invalid'
  | 'cache_key_missing'
  | 'cache_missing'
  | 'cache_key_mismatch'
  | 'cache_key_store_failed'
  | 'cache_too_new'
  | 'cache_open_failed'
  | 'cache_migration_failed'
  | 'case_not_found'
  | 'case_conflict'
  | 'workspace_not_found'
  | 'invalid_cursor';

const MESSAGES: Record<CacheErrorCode, string> = {
  cache_key_invalid: 'The stored cache key is not in the expected format.',
  cache_key_missing:
    'The local case cache exists but its key is missing from the system keychain, so it cannot be read. Restore the keychain entry, use the recovery code (`kyc-desk cache recover`), or discard the cache explicitly (`kyc-desk cache discard --yes`).',
  cache_missing:
    'The local case cache is missing or empty although one existed here; nothing new was created over it. Restore the latest backup, or discard the cache explicitly (`kyc-desk cache discard --yes`).',
  cache_key_mismatch: 'The local case cache cannot be opened with the key in the system keychain.',
  cache_key_store_failed: 'The cache key could not be saved in the system keychain.',
  cache_too_new: 'The local case cache was written by a newer version of KYC Desk. Please update the app.',
  cache_open_failed: 'The local case cache could not be opened.',
  cache_migration_failed: 'The local case cache could not be upgraded; it was left as it was.',
  case_not_found: 'The case is not in this workspace.',
  case_conflict: 'The case belongs to another workspace.',
  workspace_not_found: 'The workspace does not exist.',
  invalid_cursor: 'The list position is no longer valid; reload the list.',
};

export function cacheError(code: CacheErrorCode, cause?: unknown): AppError {
  return new AppError(code, MESSAGES[code], cause === undefined ? undefined : { cause });
}
