import { afterEach, describe, expect, it } from 'vitest';
import * as audit from '../../../src/main/db/repos/audit';
import * as cases from '../../../src/main/db/repos/cases';
import * as images from '../../../src/main/db/repos/images';
import * as schedule from '../../../src/main/db/repos/schedule';
import { cachedState, createCase, waitFor, WS } from '../../support/sync-harness';
import { disposeAll, engineFixture, requestsOf, syncActions } from '../../support/sync-fixture';

afterEach(disposeAll);

const isIdvGet = (route: string): boolean => route === 'idv.get';

describe('sync engine: the lifecycle', () => {
  it('follows a case from Pending to Approved: statuses, KYC, images and the timeline', async () => {
    const { sim, db, client, engine, changes } = await engineFixture();
    const id = await createCase(client, db, WS, 1);
    engine.start();
    engine.track(id);
    const state = () => cachedState(db, WS, id);
    await waitFor('first check', () => schedule.get(db, id)?.lastCheckedAt);
    expect(state()).toEqual({ idvStatus: 'Pending', kycStatus: null, files: [] });

    sim.control.advance(id, 'open');
    await waitFor('InProgress', () => state()?.idvStatus === 'InProgress');
    sim.control.advance(id, 'kyc-start');
    await waitFor('KYC started', () => state()?.kycStatus === 'Awaiting');
    sim.control.advance(id, 'submit');
    await waitFor('3 images', () => state()?.files.length === 3);
    sim.control.advance(id, 'complete');
    await waitFor('Completed', () => state()?.idvStatus === 'Completed');
    sim.control.setOutcome(id, { status: 'Approved' });
    sim.control.advance(id, 'decide');
    await waitFor('Approved', () => state()?.kycStatus === 'Approved');

    const detail = cases.get(db, WS, id)!;
    expect(detail.kyc?.payload['document']).toBeTruthy();
    const mimes = detail.kyc!.files.map((f) => [f.part, images.get(db, WS, f.fileId)?.mime]);
    expect(mimes).toEqual([
      ['Front', 'image/jpeg'],
      ['Back', 'image/jpeg'],
      ['Selfie', 'image/png'],
    ]);
    const expected = [
      'idv_status',
      'kyc_started',
      'kyc_submitted',
      'files_cached',
      'idv_status',
      'kyc_status',
    ];
    expect(syncActions(db, id)).toEqual(expected.map((k) => `sync.${k}`));
    const rows = audit.listForCase(db, WS, id).reverse();
    expect(rows.filter((r) => r.action === 'sync.idv_status').map((r) => r.details)).toEqual([
      { from: 'Pending', to: 'InProgress' },
      { from: 'InProgress', to: 'Completed' },
    ]);
    expect(rows.find((r) => r.action === 'sync.kyc_status')?.details).toEqual({
      from: 'Awaiting',
      to: 'Approved',
      reason: null,
    });
    expect(rows.every((r) => r.officerName === null && r.osUser === 'tester')).toBe(true);
    expect(audit.verifyChain(db, WS).ok).toBe(true);
    await waitFor(
      'changes delivered',
      () => changes.length > 0 && changes.flatMap((c) => c.transitions).length === 6,
    );
    expect(changes.flatMap((c) => c.transitions.map((t) => t.kind))).toEqual(expected);
    expect(schedule.get(db, id)?.reason).toBe('settled');
    expect(engine.status().state).toBe('online');
  });

  it('ignores a late, older answer (two engines racing on one cache)', async () => {
    const { sim, db, client, engine, another } = await engineFixture();
    const id = await createCase(client, db, WS, 1);
    const second = another();
    // The first engine's GET is answered with the Pending state but delivered 400 ms later.
    sim.control.addFault({ route: 'idv.get', kind: 'latency', latencyMs: 400, times: 1 });
    const slow = engine.refresh(id);
    await waitFor('slow request sent', () => sim.control.faults().length === 0);
    sim.control.advance(id, 'open');
    await second.refresh(id);
    expect(cachedState(db, WS, id)?.idvStatus).toBe('InProgress');
    await slow;
    expect(cachedState(db, WS, id)?.idvStatus).toBe('InProgress');
    const moves = audit
      .listForCase(db, WS, id)
      .filter((r) => r.action === 'sync.idv_status')
      .map((r) => r.details);
    expect(moves).toEqual([{ from: 'Pending', to: 'InProgress' }]);
  });

  it('keeps one read chain per case: refreshes during a read share one follow-up read', async () => {
    const { sim, db, client, engine } = await engineFixture();
    const id = await createCase(client, db, WS, 1);
    sim.control.clearRequests();
    sim.control.addFault({ route: 'idv.get', kind: 'latency', latencyMs: 200, times: 1 });
    const first = engine.refresh(id);
    // Both arrive while the first read is in flight: the answer may predate what prompted them.
    const second = engine.refresh(id);
    const third = engine.refresh(id);
    expect(engine.status().inFlight).toBe(1);
    await Promise.all([first, second, third]);
    expect(requestsOf(sim, isIdvGet)).toHaveLength(2);
    expect(engine.status().inFlight).toBe(0);
  });

  it('schedules cases inserted elsewhere on start, and re-checks the viewed case at once', async () => {
    const { sim, db, client, engine } = await engineFixture();
    const a = await createCase(client, db, WS, 1);
    const b = await createCase(client, db, WS, 2);
    expect(schedule.get(db, a)).toBeNull();
    engine.start();
    expect(schedule.get(db, a)).not.toBeNull();
    expect(schedule.get(db, b)).not.toBeNull();
    await waitFor('b checked', () => schedule.get(db, b)?.lastCheckedAt);
    sim.control.advance(b, 'open');
    sim.control.clearRequests();
    engine.setViewing(b);
    await waitFor('viewed case re-checked', () => cachedState(db, WS, b)?.idvStatus === 'InProgress');
    expect(schedule.get(db, b)?.reason).toBe('viewing');
    expect(schedule.get(db, b)!.intervalMs).toBeLessThanOrEqual(10_000);
    engine.setViewing(null);
  });

  it('syncOnce checks every open case once and reports', async () => {
    const { sim, db, client, engine } = await engineFixture();
    const ids = [];
    for (let i = 0; i < 5; i += 1) ids.push(await createCase(client, db, WS, i));
    sim.control.advance(ids[0]!, 'submit');
    sim.control.advance(ids[1]!, 'open');
    const report = await engine.syncOnce();
    expect(report).toEqual({ checked: 5, changed: 5, failed: 0, imagesStored: 3 });
    expect(cachedState(db, WS, ids[0]!)?.files).toHaveLength(3);
    expect(cachedState(db, WS, ids[1]!)?.idvStatus).toBe('InProgress');
    expect(engine.status().state).toBe('idle');
  });

  it('stop() waits for the check in flight, and its answer is applied', async () => {
    const { sim, db, client, engine, time } = await engineFixture();
    const id = await createCase(client, db, WS, 1);
    sim.control.advance(id, 'open');
    sim.control.addFault({ route: 'idv.get', kind: 'latency', latencyMs: 200, times: 1 });
    engine.start();
    engine.track(id);
    await waitFor('request in flight', () => engine.status().inFlight === 1);
    await engine.stop();
    expect(engine.status()).toMatchObject({ state: 'idle', inFlight: 0 });
    expect(cachedState(db, WS, id)?.idvStatus).toBe('InProgress');
    // Nothing left planned: no timer means no later request, however long one waits.
    expect(time.pending()).toBe(0);
  });
});
