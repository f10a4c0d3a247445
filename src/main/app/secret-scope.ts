import { CACHE_KEY_ACCOUNT } from '../db/key';
import type { SecretStore } from '../secrets/secret-store';

/**
 * The secrets of the CLI's environment-variable workspace: the client secret lives in `memory` (it came
 * from ONDATO_CLIENT_SECRET and is never written anywhere), while the key of that workspace's own cache
 * goes to the keychain under a scoped account, so the cache survives from one command to the next.
 */
export function envSecretStore(keychain: SecretStore, scope: string, memory: SecretStore): SecretStore {
  const keyAccount = `${CACHE_KEY_ACCOUNT}:${scope}`;
  const isKey = (account: string): boolean => account === CACHE_KEY_ACCOUNT;
  return {
    get: (account) => (isKey(account) ? keychain.get(keyAccount) : memory.get(account)),
    set: (account, value) => (isKey(account) ? keychain.set(keyAccount, value) : memory.set(account, value)),
    delete: (account) => (isKey(account) ? keychain.delete(keyAccount) : memory.delete(account)),
    async accounts() {
      const own = await memory.accounts();
      return (await keychain.get(keyAccount)) === null ? own : [...own, CACHE_KEY_ACCOUNT];
    },
  };
}
