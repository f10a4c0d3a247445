import { existsSync, readdirSync, statSync, truncateSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CHAIN_KEY_ACCOUNT } from '../../../src/main/db/chain-key';
import { CACHE_KEY_ACCOUNT } from '../../../src/main/db/key';
import { openCache } from '../../../src/main/db/open';
import * as audit from '../../../src/main/db/repos/audit';
import { createMemoryStore } from '../../../src/main/secrets/memory-store';
import { addWorkspace, newKey, openKeyedCache, testChainKey } from '../../unit/main/db/fixture';
import { tempDataDir } from '../services/support';
import { coreCli } from './core-cli';

const cleanup: Array<() => void> = [];
afterEach(() => {
  for (const f of cleanup.splice(0)) f();
});

function append(path: string, key: string, n: number, from = 0): void {
  const c = openKeyedCache(path, key);
  if (from === 0) addWorkspace(c.db, 'ws1');
  for (let i = from; i < from + n; i++)
    audit.append(c.db, 'ws1', { action: 'test.write', at: i, osUser: 't', officerName: null, details: {} });
  c.close();
}

function count(path: string, key: string): number {
  const c = openCache({ path, key });
  try {
    return audit.listForWorkspace(c.db, 'ws1', { limit: 10_000 }).length;
  } finally {
    c.close();
  }
}

async function setup(): Promise<{
  dir: string;
  path: string;
  key: string;
  run: (args: string[]) => ReturnType<typeof coreCli>;
}> {
  const data = tempDataDir();
  cleanup.push(() => data.remove());
  const key = newKey();
  const secrets = createMemoryStore({ [CACHE_KEY_ACCOUNT]: key, [CHAIN_KEY_ACCOUNT]: testChainKey(key) });
  const path = join(data.dir, 'cache.db');
  return { dir: data.dir, path, key, run: (args) => coreCli([...args, '--data-dir', data.dir], { secrets }) };
}

describe('kyc-desk cache backup | restore | check', () => {
  it('round-trips: backup, more writes, check, restore brings the backup back and keeps the replaced file', async () => {
    const { dir, path, key, run } = await setup();
    append(path, key, 5);
    const out = join(dir, 'manual.bak');
    expect(await run(['cache', 'backup', '--out', out])).toMatchObject({ code: 0, err: '' });
    expect(existsSync(out)).toBe(true);
    const rotating = await run(['cache', 'backup']);
    expect(rotating.code).toBe(0);
    expect(readdirSync(join(dir, 'backups')).filter((n) => n.endsWith('.bak'))).toHaveLength(1);

    append(path, key, 3, 5);
    expect(count(path, key)).toBe(8);
    expect(await run(['cache', 'check'])).toMatchObject({ code: 0 });

    const restored = await run(['cache', 'restore', out]);
    expect(restored).toMatchObject({ code: 0, err: '' });
    expect(restored.out).toMatch(/replaced cache was kept/);
    expect(count(path, key)).toBe(5);
    const aside = readdirSync(join(dir, 'backups')).find((n) => n.startsWith('cache.db.replaced-'));
    expect(aside).toBeDefined();
    expect(count(join(dir, 'backups', aside!), key)).toBe(8);
  });

  it('restore refuses a file that is not a backup of this cache, and leaves the cache alone', async () => {
    const { dir, path, key, run } = await setup();
    append(path, key, 2);
    const foreign = join(dir, 'foreign.db');
    append(foreign, newKey(), 1);
    const res = await run(['cache', 'restore', foreign]);
    expect(res.code).toBe(1);
    expect(res.err).toMatch(/cannot be opened with this cache key/);
    expect(count(path, key)).toBe(2);
  });
});

describe('kyc-desk over a lost cache', () => {
  it('a truncated cache.db is reported with the latest backup, not as "choose a workspace"', async () => {
    const { path, key, run } = await setup();
    append(path, key, 4);
    expect((await run(['cache', 'backup'])).code).toBe(0);
    truncateSync(path, 0);
    const res = await run(['cases']);
    expect(res.code).toBe(1);
    expect(res.err).toMatch(/missing or empty although one existed/);
    expect(res.err).toMatch(/kyc-desk cache restore ".*\.bak"/);
    expect(res.err).not.toMatch(/Choose or add a workspace/);
    expect(statSync(path).size).toBe(0);
  });
});

describe('kyc-desk over a lost cache and a lost key', () => {
  it('does not mint a new key over a vanished cache (its backups would never open again)', async () => {
    const data = tempDataDir();
    cleanup.push(() => data.remove());
    const key = newKey();
    const secrets = createMemoryStore({ [CACHE_KEY_ACCOUNT]: key, [CHAIN_KEY_ACCOUNT]: testChainKey(key) });
    const path = join(data.dir, 'cache.db');
    append(path, key, 2);
    const run = (args: string[]) => coreCli([...args, '--data-dir', data.dir], { secrets });
    expect((await run(['cache', 'backup'])).code).toBe(0);
    truncateSync(path, 0);
    await secrets.delete(CACHE_KEY_ACCOUNT);
    const res = await run(['cases']);
    expect(res.code).toBe(1);
    expect(res.err).toMatch(/missing or empty although one existed/);
    expect(await secrets.get(CACHE_KEY_ACCOUNT)).toBeNull();
  });
});

describe('kyc-desk cache list | discard', () => {
  it('lists the app cache and the environment caches with their keychain entries; discard needs --yes', async () => {
    const data = tempDataDir();
    cleanup.push(() => data.remove());
    const appKey = newKey();
    const envKey = newKey();
    const envId = 'env-0123456789ab';
    const secrets = createMemoryStore({
      [CACHE_KEY_ACCOUNT]: appKey,
      [`${CACHE_KEY_ACCOUNT}:${envId}`]: envKey,
    });
    append(join(data.dir, 'cache.db'), appKey, 1);
    append(join(data.dir, envId, 'cache.db'), envKey, 1);
    // KYC_DESK_DATA_DIR relative to the working directory resolves like --data-dir.
    const run = (args: string[]) =>
      coreCli(args, { secrets, env: { KYC_DESK_DATA_DIR: relative(process.cwd(), data.dir) } });

    const list = await run(['cache', 'list', '--json']);
    expect(list.code).toBe(0);
    const rows = JSON.parse(list.out) as Array<{ cache: string; dataDir: string; keyInKeychain: boolean }>;
    expect(rows.map((r) => [r.cache, r.dataDir, r.keyInKeychain])).toEqual([
      ['app', data.dir, true],
      [envId, join(data.dir, envId), true],
    ]);

    const refused = await run(['cache', 'discard', '--cache', envId]);
    expect(refused.code).toBe(2);
    expect(existsSync(join(data.dir, envId, 'cache.db'))).toBe(true);

    expect((await run(['cache', 'discard', '--cache', envId, '--yes'])).code).toBe(0);
    expect(existsSync(join(data.dir, envId))).toBe(false);
    expect(await secrets.get(`${CACHE_KEY_ACCOUNT}:${envId}`)).toBeNull();
    expect(await secrets.get(CACHE_KEY_ACCOUNT)).toBe(appKey);
    expect(count(join(data.dir, 'cache.db'), appKey)).toBe(1);
  });
});
