import { afterEach, describe, expect, it } from 'vitest';
import * as cases from '../../../../src/main/db/repos/cases';
import * as schedule from '../../../../src/main/db/repos/schedule';
import * as queue from '../../../../src/main/db/repos/sync-queue';
import type { Db } from '../../../../src/main/db/sql';
import { PRIORITY } from '../../../../src/main/sync/cadence';
import { RequestGate, SyncStopped } from '../../../../src/main/sync/gate';
import { priorityOf } from '../../../../src/main/sync/loop';
import { RateLimiter } from '../../../../src/main/sync/rate-limiter';
import { addWorkspace, tempCache, WS, type TempCache } from '../../../support/sync-harness';
import { manualTime } from '../../../support/sync-manual-time';

let cache: TempCache | null = null;
afterEach(() => {
  cache?.dispose();
  cache = null;
});

function addCase(db: Db, ws: string, id: string, nextAt: number, reason: string): void {
  cases.insertCreated(db, ws, {
    idvId: id,
    externalRef: null,
    setupId: null,
    registration: null,
    createdUtc: '2025-03-10T09:00:00.000Z',
  });
  schedule.upsert(db, {
    caseId: id,
    nextAt,
    intervalMs: 0,
    failures: 0,
    lastCheckedAt: null,
    lastChangeAt: null,
    watchUntil: null,
    reason,
  });
}

describe('prioritisation', () => {
  it('ranks schedule reasons by cadence class; anything else as unknown', () => {
    expect(priorityOf('viewing')).toBe(0);
    expect(priorityOf('in_flow')).toBeLessThan(priorityOf('awaiting'));
    expect(priorityOf('awaiting')).toBeLessThan(priorityOf('settled'));
    expect(priorityOf('not_found')).toBe(PRIORITY.unknown);
    expect(priorityOf('toString')).toBe(PRIORITY.unknown);
    expect(priorityOf(null)).toBe(PRIORITY.unknown);
  });

  it('takes due cases of this workspace by class, then most overdue first', () => {
    cache = tempCache();
    const { db } = cache;
    addWorkspace(db, 'other');
    const now = 10_000;
    addCase(db, WS, 'settled-old', 1_000, 'settled');
    addCase(db, WS, 'pending-late', 9_000, 'pending');
    addCase(db, WS, 'pending-early', 2_000, 'pending');
    addCase(db, WS, 'in-flow', 9_500, 'in_flow');
    addCase(db, WS, 'viewing', 9_999, 'viewing');
    addCase(db, WS, 'odd-reason', 500, 'not_found');
    addCase(db, WS, 'future', 20_000, 'in_flow');
    addCase(db, 'other', 'other-ws', 0, 'viewing');
    const order = queue.dueFor(db, WS, now, 10, PRIORITY).map((e) => e.caseId);
    expect(order).toEqual([
      'viewing',
      'in-flow',
      'pending-early',
      'pending-late',
      'settled-old',
      'odd-reason',
    ]);
    expect(queue.dueFor(db, WS, now, 2, PRIORITY, ['viewing']).map((e) => e.caseId)).toEqual([
      'in-flow',
      'pending-early',
    ]);
    expect(queue.countDue(db, WS, now)).toBe(6);
    expect(queue.countDue(db, WS, now, ['viewing', 'in-flow'])).toBe(4);
    // The other workspace's overdue row neither wakes nor feeds this workspace's loop.
    expect(queue.nextDueAtFor(db, WS)).toBe(500);
    expect(queue.nextDueAtFor(db, WS, ['odd-reason', 'settled-old', 'pending-early'])).toBe(9_000);
    expect(queue.nextDueAtFor(db, 'empty')).toBeNull();
  });

  it('hands out rate-limited tokens most urgent first, and cancels waiters on stop', async () => {
    const time = manualTime();
    const gate = new RequestGate(new RateLimiter(5, 1, time.clock.now), time.timers);
    const order: string[] = [];
    const take = (name: string, priority: number) =>
      gate.acquire(priority).then(
        () => order.push(name),
        (error: unknown) => order.push(`${name}:${error instanceof SyncStopped ? 'stopped' : 'error'}`),
      );
    const first = take('first', 7);
    const settled = take('settled', 7);
    const viewing = take('viewing', 0);
    const pending = take('pending', 4);
    const last = take('last', 7);
    await first;
    expect(order).toEqual(['first']);
    time.advance(200);
    await viewing;
    time.advance(200);
    await pending;
    expect(order).toEqual(['first', 'viewing', 'pending']);
    gate.pauseUntil(time.clock.now() + 3_000);
    time.advance(2_999);
    await Promise.resolve();
    expect(order).toHaveLength(3);
    time.advance(1);
    await settled;
    expect(order).toEqual(['first', 'viewing', 'pending', 'settled']);
    gate.cancelAll();
    await last;
    expect(order.at(-1)).toBe('last:stopped');
    expect(gate.waiting).toBe(0);
    expect(time.pending()).toBe(0);
  });
});
