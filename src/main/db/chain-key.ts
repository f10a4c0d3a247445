import { randomBytes } from 'node:crypto';
import type { SecretStore } from '../secrets/secret-store';
import { chainError } from './audit-chain';

export const CHAIN_KEY_ACCOUNT = 'audit:chain-key';

/**
 * The audit chain key (256 random bits, hex) from the keychain, separate from the database key: a
 * copy of the database key (a leaked backup key, a recovery code) lets one read and edit the cache,
 * but not forge chain entries.
 *
 * A new key is made only when nothing was ever signed: no keyed entry and no anchor. Otherwise a
 * missing key is `audit_chain_key_missing`, never a silent new key (entries signed with a new key
 * would make every earlier one look forged, or let a forger start over).
 */
export async function loadOrCreateChainKey(
  store: SecretStore,
  state: { keyedRows: boolean; anchored: boolean },
): Promise<string> {
  const stored = await store.get(CHAIN_KEY_ACCOUNT);
  if (stored !== null) {
    if (!/^[0-9a-f]{64}$/i.test(stored)) throw chainError('audit_chain_key_invalid');
    return stored.toLowerCase();
  }
  if (state.keyedRows || state.anchored) throw chainError('audit_chain_key_missing');
  const key = randomBytes(32).toString('hex');
  await store.set(CHAIN_KEY_ACCOUNT, key);
  // Read it back: entries must never be signed with a key the keychain did not really keep.
  if ((await store.get(CHAIN_KEY_ACCOUNT)) !== key) throw chainError('audit_chain_key_store_failed');
  return key;
}
