import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CACHE_KEY_ACCOUNT, loadOrCreateCacheKey } from '../../../../src/main/db/key';
import { createMemoryStore } from '../../../../src/main/secrets/memory-store';
import type { SecretStore } from '../../../../src/main/secrets/secret-store';
import { tempDir } from './fixture';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
function dbPath(): string {
  const d = tempDir();
  dirs.push(d);
  return join(d, 'cache.db');
}

describe('loadOrCreateCacheKey', () => {
  it('creates a random 256-bit hex key once and then returns it', async () => {
    const store = createMemoryStore();
    const path = dbPath();
    const key = await loadOrCreateCacheKey(store, { dbPath: path });
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    expect(await store.get(CACHE_KEY_ACCOUNT)).toBe(key);
    expect(await loadOrCreateCacheKey(store, { dbPath: path })).toBe(key);
    expect(await loadOrCreateCacheKey(createMemoryStore(), { dbPath: dbPath() })).not.toBe(key);
  });

  it('refuses to invent a key for an existing database', async () => {
    const path = dbPath();
    writeFileSync(path, Buffer.alloc(4096, 1));
    const store = createMemoryStore();
    await expect(loadOrCreateCacheKey(store, { dbPath: path })).rejects.toMatchObject({
      code: 'cache_key_missing',
    });
    expect(await store.accounts()).toEqual([]);
  });

  it('refuses a malformed stored key', async () => {
    const store = createMemoryStore({ [CACHE_KEY_ACCOUNT]: 'not-hex' });
    await expect(loadOrCreateCacheKey(store, { dbPath: dbPath() })).rejects.toMatchObject({
      code: 'cache_key_invalid',
    });
  });

  it('fails when the keychain does not keep the key', async () => {
    const forgetful: SecretStore = { ...createMemoryStore(), set: async () => undefined };
    await expect(loadOrCreateCacheKey(forgetful, { dbPath: dbPath() })).rejects.toMatchObject({
      code: 'cache_key_store_failed',
    });
  });
});
