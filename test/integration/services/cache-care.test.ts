import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CACHE_KEY_ACCOUNT } from '../../../src/main/db/key';
import { unwrapWithCode } from '../../../src/main/db/recovery';
import { dispatch } from '../../../src/main/ipc/handle';
import { createMemoryStore } from '../../../src/main/secrets/memory-store';
import { tempDataDir, testCore, type TestCore } from './support';

const cleanup: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const f of cleanup.splice(0)) await f();
});

describe('cache care over IPC', () => {
  it('reports status, creates a recovery code that unwraps the key, and takes a backup on demand', async () => {
    const data = tempDataDir();
    const secrets = createMemoryStore();
    const core: TestCore = await testCore(data.dir, secrets);
    cleanup.push(
      () => data.remove(),
      () => core.close(),
    );

    const before = await dispatch(core.handlers, 'cache:status', undefined);
    expect(before).toMatchObject({
      ok: true,
      value: { damaged: false, problem: null, recovery: { set: false }, backups: 0, backupKeep: 7 },
    });
    const made = await dispatch(core.handlers, 'cache:recovery-code', undefined);
    expect(made.ok).toBe(true);
    const code = (made as { ok: true; value: { code: string } }).value.code;
    expect(unwrapWithCode(join(data.dir, 'cache.db'), code)).toBe(await secrets.get(CACHE_KEY_ACCOUNT));

    const after = await dispatch(core.handlers, 'cache:backup-now', undefined);
    expect(after).toMatchObject({ ok: true, value: { recovery: { set: true }, backups: 1 } });
  });
});
