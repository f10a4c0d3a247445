import type { SecretStore } from './secret-store';

/**
 * Holds secrets for the life of the process only. Used for the environment-variable workspace of the
 * CLI, whose secret comes from ONDATO_CLIENT_SECRET and must never be written anywhere.
 */
export function createMemoryStore(initial: Record<string, string> = {}): SecretStore {
  const values = new Map(Object.entries(initial));
  return {
    get: async (account) => values.get(account) ?? null,
    set: async (account, value) => void values.set(account, value),
    delete: async (account) => values.delete(account),
    accounts: async () => [...values.keys()],
  };
}
