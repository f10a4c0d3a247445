import { existsSync, truncateSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createRescueCore, isRescuable, type RescueCore } from '../../../src/main/app/rescue';
import { CHAIN_KEY_ACCOUNT } from '../../../src/main/db/chain-key';
import { CACHE_KEY_ACCOUNT } from '../../../src/main/db/key';
import { newRecoveryCode } from '../../../src/main/db/recovery';
import { dispatch } from '../../../src/main/ipc/handle';
import { silentLogger } from '../../../src/main/logger';
import type { SecretStore } from '../../../src/main/secrets/secret-store';
import type { ConfirmRequest, Confirmer } from '../../../src/main/services/confirm';
import { tempDataDir, testCore, testKeychain } from './support';

const cleanup: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const f of cleanup.splice(0)) await f();
});

function setup() {
  const data = tempDataDir();
  const keychain = testKeychain();
  cleanup.push(
    () => data.remove(),
    () => keychain.cleanup(),
  );
  return { dir: data.dir, store: keychain.store, dbPath: join(data.dir, 'cache.db') };
}

/** A real core with a demo workspace (audited) and, optionally, a recovery code and a backup. */
async function populate(dir: string, store: SecretStore, options: { backup?: boolean } = {}) {
  const core = await testCore(dir, store);
  const ws = await core.services.workspaces.createDemo({ officerName: 'Ona' });
  const made = await core.services.cacheCare.createRecoveryCode();
  if (options.backup) core.services.cacheCare.backupNow();
  await core.close();
  return { wsId: ws.id, code: made.code };
}

/** What src/main/index.ts does: createCore, and on a rescuable failure the rescue core instead. */
async function startOrRescue(
  dir: string,
  store: SecretStore,
  confirmer?: Confirmer,
): Promise<{ rescue: RescueCore; restarts: () => number }> {
  let failure: unknown;
  try {
    const core = await testCore(dir, store);
    await core.close();
  } catch (error) {
    failure = error;
  }
  if (!isRescuable(failure)) throw new Error(`expected a rescuable start-up failure, got ${String(failure)}`);
  const rescue = createRescueCore({
    dataDir: dir,
    secrets: store,
    logger: silentLogger,
    problem: failure,
    ...(confirmer ? { confirmer } : {}),
  });
  let restarts = 0;
  rescue.onRestart(() => void (restarts += 1));
  return { rescue, restarts: () => restarts };
}

describe('the start-up rescue (real cache file, real keyring)', () => {
  it('a lost keychain entry: the recovery code puts both keys back and the normal core opens, trail intact', async () => {
    const { dir, store } = setup();
    const { wsId, code } = await populate(dir, store);
    await store.delete(CACHE_KEY_ACCOUNT);
    await store.delete(CHAIN_KEY_ACCOUNT);

    const { rescue, restarts } = await startOrRescue(dir, store);
    expect(await dispatch(rescue.handlers, 'rescue:problem', undefined)).toMatchObject({
      ok: true,
      value: { code: 'cache_key_missing', recoverySet: true, keyInKeychain: false, backups: [] },
    });
    // Every other channel answers with the problem itself: the renderer's signal to show the rescue screen.
    expect(await dispatch(rescue.handlers, 'settings:get', undefined)).toMatchObject({
      ok: false,
      error: { code: 'cache_key_missing' },
    });
    expect(await dispatch(rescue.handlers, 'rescue:recover', { code: newRecoveryCode() })).toMatchObject({
      ok: false,
      error: { code: 'recovery_code_wrong' },
    });
    expect(await store.get(CACHE_KEY_ACCOUNT)).toBeNull();
    expect(restarts()).toBe(0);

    expect(await dispatch(rescue.handlers, 'rescue:recover', { code: code.toLowerCase() })).toEqual({
      ok: true,
      value: { restart: true },
    });
    expect(restarts()).toBe(1);
    expect(await dispatch(rescue.handlers, 'rescue:restart', undefined)).toMatchObject({
      ok: false,
      error: { code: 'rescue_done' },
    });

    const core = await testCore(dir, store);
    cleanup.unshift(() => core.close());
    expect((await core.services.workspaces.list()).workspaces.map((w) => w.id)).toEqual([wsId]);
    expect(await core.services.audit.verify()).toMatchObject({ ok: true });
    expect(await dispatch(core.handlers, 'rescue:problem', undefined)).toMatchObject({
      ok: false,
      error: { code: 'rescue_not_needed' },
    });
  });

  it('a truncated cache: restoring the latest backup brings the data back', async () => {
    const { dir, store, dbPath } = setup();
    const { wsId } = await populate(dir, store, { backup: true });
    truncateSync(dbPath, 0);

    const { rescue, restarts } = await startOrRescue(dir, store);
    const problem = await dispatch(rescue.handlers, 'rescue:problem', undefined);
    expect(problem).toMatchObject({ ok: true, value: { code: 'cache_missing', keyInKeychain: true } });
    expect(problem.ok && (problem.value as { backups: unknown[] }).backups).toHaveLength(1);

    expect(await dispatch(rescue.handlers, 'rescue:restore-latest', undefined)).toEqual({
      ok: true,
      value: { restart: true },
    });
    expect(restarts()).toBe(1);
    const core = await testCore(dir, store);
    cleanup.unshift(() => core.close());
    expect((await core.services.workspaces.list()).workspaces.map((w) => w.id)).toEqual([wsId]);
    expect(await core.services.audit.verify()).toMatchObject({ ok: true });
  });

  it('discarding needs main’s own confirmation; then the app starts empty', async () => {
    const { dir, store, dbPath } = setup();
    await populate(dir, store, { backup: true });
    await store.delete(CACHE_KEY_ACCOUNT);

    const asked: ConfirmRequest[] = [];
    let agree = false;
    const { rescue, restarts } = await startOrRescue(dir, store, {
      confirm: (request) => {
        asked.push(request);
        return Promise.resolve(agree);
      },
    });
    expect(await dispatch(rescue.handlers, 'rescue:discard', undefined)).toMatchObject({
      ok: false,
      error: { code: 'not_confirmed' },
    });
    expect(asked.map((r) => r.kind)).toEqual(['cache-discard']);
    expect(existsSync(dbPath)).toBe(true);
    expect(existsSync(join(dir, 'backups'))).toBe(true);
    expect(restarts()).toBe(0);

    agree = true;
    expect(await dispatch(rescue.handlers, 'rescue:discard', undefined)).toEqual({
      ok: true,
      value: { restart: true },
    });
    expect(existsSync(dbPath)).toBe(false);
    expect(existsSync(`${dbPath}.recovery`)).toBe(false);
    expect(existsSync(join(dir, 'backups'))).toBe(false);
    expect(await store.get(CHAIN_KEY_ACCOUNT)).toBeNull();
    const core = await testCore(dir, store);
    cleanup.unshift(() => core.close());
    expect((await core.services.workspaces.list()).workspaces).toEqual([]);
  });
});
