import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { NOTICE_GATHER_MS } from '../../../src/main/app/notify';
import type { TimerHandle, Timers } from '../../../src/main/sync/options';
import type { Events } from '../../../src/shared/ipc/contract';
import { startSimulator, type Simulator } from '../../../src/simulator';
import {
  PERSON,
  simulatorWorkspace,
  tempDataDir,
  testCore,
  testKeychain,
  type TestCore,
  type TestKeychain,
} from './support';

/*
 * Desktop notifications through the real core: the real sync engine polls the simulator over HTTP
 * into a real encrypted cache; only Electron's Notification is replaced (a recorder that keeps the
 * click handler). The core's timers are the test's, so the gathering window closes when the test says
 * so — after the sync round's changes have all arrived — and nothing depends on machine speed.
 */

interface Shown {
  title: string;
  body: string;
  click?: () => void;
}

/** Timers that run only when the test fires them. */
function heldTimers() {
  const pending = new Map<TimerHandle, { ms: number; callback: () => void }>();
  const timers: Timers = {
    setTimeout(callback, ms) {
      const handle = setTimeout(() => undefined, 0);
      clearTimeout(handle);
      pending.set(handle, { ms, callback });
      return handle;
    },
    clearTimeout(handle) {
      pending.delete(handle);
    },
  };
  return {
    timers,
    /** Closes the notification window(s) now; returns how many there were. */
    closeNoticeWindow(): number {
      const due = [...pending].filter(([, t]) => t.ms === NOTICE_GATHER_MS);
      for (const [handle, t] of due) {
        pending.delete(handle);
        t.callback();
      }
      return due.length;
    },
  };
}

let sim: Simulator;
let keychain: TestKeychain;
let data: { dir: string; remove(): void };
let core: TestCore;
let shown: Shown[];
let held: ReturnType<typeof heldTimers>;

beforeEach(async () => {
  sim = await startSimulator({ port: 0, seed: 33 });
  keychain = testKeychain();
  data = tempDataDir();
  shown = [];
  held = heldTimers();
  core = await testCore(data.dir, keychain.store, {
    notifier: {
      notify: (title, body, click) => void shown.push({ title, body, ...(click ? { click } : {}) }),
    },
    noticeTimers: held.timers,
  });
  await core.start();
  await core.services.workspaces.add({ ...simulatorWorkspace(sim.url), clientSecret: 'demo-secret' });
});

afterEach(async () => {
  await core.close();
  await sim.stop();
  await keychain.cleanup();
  data.remove();
});

/** Resolves once `cases:changed` has named every id (over one or more events). */
function changedAll(ids: readonly string[]): Promise<void> {
  const waiting = new Set(ids);
  return new Promise((resolve) => {
    const off = core.events.on('cases:changed', (payload) => {
      for (const id of payload.ids) waiting.delete(id);
      if (waiting.size === 0) {
        off();
        resolve();
      }
    });
  });
}

describe('desktop notifications', () => {
  it('says "3 cases need your decision" once for a sync round, and a click opens that queue', async () => {
    const ids: string[] = [];
    for (const lastName of ['Alpha', 'Beta', 'Gamma']) {
      ids.push((await core.services.cases.create({ ...PERSON, lastName })).id);
    }
    // A fourth case the officer already decided is news to nobody.
    const decided = (await core.services.cases.create({ ...PERSON, lastName: 'Delta' })).id;
    sim.control.advance(decided, 'complete');
    await core.services.cases.refresh(decided);
    await core.services.review.decide({
      caseId: decided,
      decision: 'reject',
      reasonCode: 'suspected_fraud',
      note: 'Rejected before the customer came back.',
      overriddenFlags: [],
    });
    held.closeNoticeWindow();
    shown.length = 0;

    // The simulator moves the customers on; one sync round brings all of it in.
    for (const id of ids) sim.control.advance(id, 'complete');
    sim.control.advance(ids[0]!, 'decide');
    const arrived = changedAll(ids);
    await core.services.sync.now();
    await arrived;
    expect(shown).toEqual([]);

    expect(held.closeNoticeWindow()).toBe(1);
    expect(shown).toHaveLength(1);
    const [notice] = shown;
    expect(notice!.title).toBe('3 cases need your decision');
    expect(notice!.body).toMatch(/^Ondato decided 1 case; 2 customers finished: KD-/);
    // References only: the customer's name never reaches the OS notification history.
    expect(notice!.body).not.toContain(PERSON.firstName);
    expect(notice!.title).not.toContain(PERSON.firstName);

    const navigated = core.next('app:navigate');
    notice!.click?.();
    expect(await navigated).toEqual({
      to: 'cases',
      queue: 'needs-decision',
    } satisfies Events['app:navigate']);
    expect(core.services.cases.queueCounts()['needs-decision']).toBe(3);
  });

  it('keeps the case-specific wording for a single case', async () => {
    const id = (await core.services.cases.create({ ...PERSON })).id;
    sim.control.advance(id, 'complete');
    const arrived = changedAll([id]);
    await core.services.sync.now();
    await arrived;
    expect(held.closeNoticeWindow()).toBe(1);
    expect(shown.map((n) => n.title)).toEqual([expect.stringMatching(/^Case KD-\S+ completed$/)]);
  });
});
