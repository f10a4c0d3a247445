/**
 * Where secrets live: the OS keychain in the app (keytar), memory in some tests. Accounts are
 * `<workspaceId>:<purpose>` (e.g. `ws_abc:client-secret`) plus `cache:db-key` for the database key.
 * Implementations never log values.
 */
export interface SecretStore {
  get(account: string): Promise<string | null>;
  set(account: string, value: string): Promise<void>;
  /** Resolves true when something was deleted. */
  delete(account: string): Promise<boolean>;
  /** Accounts (not values) under this store's service. */
  accounts(): Promise<string[]>;
}

export const SECRET_SERVICE = 'kyc-desk';
