import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CHAIN_KEY_ACCOUNT } from '../../../src/main/db/chain-key';
import { CACHE_KEY_ACCOUNT } from '../../../src/main/db/key';
import { openCache } from '../../../src/main/db/open';
import { newRecoveryCode } from '../../../src/main/db/recovery';
import * as audit from '../../../src/main/db/repos/audit';
import { addWorkspace, newKey, openKeyedCache, testChainKey } from '../../unit/main/db/fixture';
import { tempDataDir, testKeychain } from '../services/support';
import { coreCli } from './core-cli';

const cleanup: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const f of cleanup.splice(0)) await f();
});

describe('the recovery code (real keyring)', () => {
  it('re-opens the cache after its keychain entry is lost; a typo and a wrong code are refused', async () => {
    const data = tempDataDir();
    const keychain = testKeychain();
    cleanup.push(
      () => data.remove(),
      () => keychain.cleanup(),
    );
    const path = join(data.dir, 'cache.db');
    const key = newKey();
    await keychain.store.set(CACHE_KEY_ACCOUNT, key);
    await keychain.store.set(CHAIN_KEY_ACCOUNT, testChainKey(key));
    const c = openKeyedCache(path, key);
    addWorkspace(c.db, 'ws1');
    audit.append(c.db, 'ws1', { action: 'test.write', at: 1, osUser: 't', officerName: null, details: {} });
    c.close();
    const run = (args: string[], stdin?: string) =>
      coreCli([...args, '--data-dir', data.dir], {
        secrets: keychain.store,
        ...(stdin === undefined ? {} : { stdin }),
      });

    const made = await run(['cache', 'recovery-code', '--json']);
    expect(made.code).toBe(0);
    const code = (JSON.parse(made.out) as { recoveryCode: string }).recoveryCode;
    expect(code).toMatch(/^([0-9A-HJKMNP-TV-Z]{4}-){6}[0-9A-HJKMNP-TV-Z]{4}$/);

    // The whole keychain is lost: the cache key and the audit chain key with it.
    await keychain.store.delete(CACHE_KEY_ACCOUNT);
    await keychain.store.delete(CHAIN_KEY_ACCOUNT);
    const lost = await run(['cases']);
    expect(lost.code).toBe(1);
    expect(lost.err).toMatch(/key is missing.*recovery code.*kyc-desk cache recover.*discard/s);

    // One wrong character: the check characters catch it before anything else happens.
    const typo = code.slice(0, 5) + (code[5] === 'A' ? 'B' : 'A') + code.slice(6);
    expect((await run(['cache', 'recover'], `${typo}\n`)).err).toMatch(/typo/);
    expect(await keychain.store.get(CACHE_KEY_ACCOUNT)).toBeNull();

    const wrong = await run(['cache', 'recover'], `${newRecoveryCode()}\n`);
    expect(wrong.err).toMatch(/does not open this cache/);

    // Typed in lower case with spaces instead of dashes: still the code.
    const typed = code.toLowerCase().replace(/-/g, ' ');
    const recovered = await run(['cache', 'recover'], `${typed}\n`);
    expect(recovered).toMatchObject({ code: 0, err: '' });
    expect(recovered.prompts).toEqual(['Recovery code: ']);
    expect(await keychain.store.get(CACHE_KEY_ACCOUNT)).toBe(key);
    expect(await keychain.store.get(CHAIN_KEY_ACCOUNT)).toBe(testChainKey(key));
    expect(await run(['cache', 'check'])).toMatchObject({ code: 0 });
    const again = openCache({ path, key: (await keychain.store.get(CACHE_KEY_ACCOUNT))! });
    expect(audit.listForWorkspace(again.db, 'ws1')).toHaveLength(1);
    again.close();
  });
});
