import { HEAD_ACCOUNT } from '../db/audit-anchor';
import { CHAIN_KEY_ACCOUNT } from '../db/chain-key';
import { CACHE_KEY_ACCOUNT } from '../db/key';
import type { SecretStore } from '../secrets/secret-store';

/**
 * The secrets of the CLI's environment-variable workspace: the client secret lives in `memory` (it came
 * from ONDATO_CLIENT_SECRET and is never written anywhere), while the key of that workspace's own cache
 * goes to the keychain under a scoped account, so the cache survives from one command to the next.
 */
/** Accounts that belong to the cache (not the workspace): kept in the keychain, scoped per cache. */
const CACHE_ACCOUNTS: readonly string[] = [CACHE_KEY_ACCOUNT, CHAIN_KEY_ACCOUNT, HEAD_ACCOUNT];

export function envSecretStore(keychain: SecretStore, scope: string, memory: SecretStore): SecretStore {
  const isKey = (account: string): boolean => CACHE_ACCOUNTS.includes(account);
  const scoped = (account: string): string => `${account}:${scope}`;
  return {
    get: (account) => (isKey(account) ? keychain.get(scoped(account)) : memory.get(account)),
    set: (account, value) =>
      isKey(account) ? keychain.set(scoped(account), value) : memory.set(account, value),
    delete: (account) => (isKey(account) ? keychain.delete(scoped(account)) : memory.delete(account)),
    async accounts() {
      const own = await memory.accounts();
      for (const account of CACHE_ACCOUNTS) {
        if ((await keychain.get(scoped(account))) !== null) own.push(account);
      }
      return own;
    },
  };
}
