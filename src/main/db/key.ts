import { randomBytes } from 'node:crypto';
import type { SecretStore } from '../secrets/secret-store';
import { databaseExists, isCacheKey } from './connection';
import { cacheError } from './errors';
import { cacheVanished } from './markers';

export const CACHE_KEY_ACCOUNT = 'cache:db-key';

/**
 * The cache key from the keychain, or a new random 256-bit key when there is no cache yet.
 *
 * A cache file without a key is `cache_key_missing`, never a fresh key: a new key would make the app
 * create a new database over (or beside) the officer's decisions and audit trail. What to do then
 * (restore the keychain entry, or explicitly discard the cache) is the officer's choice.
 */
export async function loadOrCreateCacheKey(store: SecretStore, options: { dbPath: string }): Promise<string> {
  const stored = await store.get(CACHE_KEY_ACCOUNT);
  if (stored !== null) {
    if (!isCacheKey(stored)) throw cacheError('cache_key_invalid');
    return stored.toLowerCase();
  }
  if (databaseExists(options.dbPath)) throw cacheError('cache_key_missing');
  // A new key now would lock the backups (and the recovery file) of the vanished cache out for good.
  if (cacheVanished(options.dbPath)) throw cacheError('cache_missing');

  const key = randomBytes(32).toString('hex');
  await store.set(CACHE_KEY_ACCOUNT, key);
  // Read it back: data must never be encrypted with a key the keychain did not really keep.
  if ((await store.get(CACHE_KEY_ACCOUNT)) !== key) throw cacheError('cache_key_store_failed');
  return key;
}
