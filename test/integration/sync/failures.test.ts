import { afterEach, describe, expect, it } from 'vitest';
import * as images from '../../../src/main/db/repos/images';
import * as schedule from '../../../src/main/db/repos/schedule';
import * as syncErrors from '../../../src/main/db/repos/sync-errors';
import { OndatoError } from '../../../src/main/ondato';
import { startSimulator } from '../../../src/simulator';
import { cachedState, createCase, syncClient, waitFor, WS } from '../../support/sync-harness';
import { disposeAll, engineFixture, requestsOf } from '../../support/sync-fixture';

afterEach(disposeAll);

const PROBE = { min: 5_000, max: 40_000 };

describe('sync engine: failures', () => {
  it('goes offline after consecutive network failures, probes with growing waits, comes back', async () => {
    const { sim, db, client, engine, statuses } = await engineFixture({
      engine: { offlineAfterFailures: 3, probeBackoff: PROBE },
    });
    const id = await createCase(client, db, WS, 1);
    sim.control.advance(id, 'open');
    engine.start();
    engine.track(id);
    await waitFor('first check', () => schedule.get(db, id)?.lastCheckedAt);
    sim.control.clearRequests();
    sim.control.addFault({ route: '*', kind: 'drop' });
    await waitFor('offline', () => engine.status().state === 'offline');
    const offlineSince = engine.status().offlineSince!;
    expect(offlineSince).toBeGreaterThan(0);
    // Three failures, then probes 5-6.25 s, 7.5-12.5 s, 15-25 s, 30-40 s apart (clock time).
    await waitFor('4 probes', () => requestsOf(sim).length >= 3 + 4, 10_000);
    const at = requestsOf(sim).map((r) => r.ms);
    const gaps = at.slice(3, 7).map((t, i) => t - at[2 + i]!);
    expect(gaps[0]).toBeGreaterThanOrEqual(PROBE.min);
    for (let i = 1; i < gaps.length; i += 1) expect(gaps[i]).toBeGreaterThan(gaps[i - 1]!);
    // Capped at max; the margin is for timers firing late on a busy machine (1 ms real = 50 ms clock).
    expect(Math.max(...gaps)).toBeLessThanOrEqual(PROBE.max * 1.2);

    sim.control.clearFaults();
    sim.control.advance(id, 'kyc-start');
    await waitFor('online', () => engine.status().state === 'online', 10_000);
    expect(engine.status().offlineSince).toBeNull();
    await waitFor('polling resumed', () => cachedState(db, WS, id)?.kycStatus === 'Awaiting');
    expect(statuses.map((s) => s.state)).toContain('offline');
  });

  it('goes offline when the simulator stops and online when it is back on the same port', async () => {
    const { sim, db, engine, time } = await engineFixture({
      engine: { offlineAfterFailures: 3, probeBackoff: PROBE },
    });
    const port = Number(new URL(sim.url).port);
    const creator = syncClient(sim.url, time.clock);
    const id = await createCase(creator, db, WS, 1);
    engine.start();
    engine.track(id);
    await waitFor('first check', () => schedule.get(db, id)?.lastCheckedAt);
    await sim.stop();
    await waitFor('offline', () => engine.status().state === 'offline');
    const again = await startSimulator({ port, seed: 11, clock: time.clock });
    // Until the test has re-created the IDV, the new simulator would answer the engine's probe with
    // a 404 (and the case would rightly back off for hours): answer 503 meanwhile (still "reachable").
    again.control.addFault({ route: 'idv.get', kind: 'status', status: 503 });
    try {
      // Same seed: the first IDV created gets the same id again.
      expect((await creator.createIdv({ setupId: '5e2d8c14-9f3a-4c6b-8d7e-2a1b0c9f8e72' })).id).toBe(id);
      again.control.advance(id, 'open');
      again.control.clearFaults();
      await waitFor('online', () => engine.status().state === 'online', 10_000);
      await waitFor('synced after the outage', () => cachedState(db, WS, id)?.idvStatus === 'InProgress');
    } finally {
      await engine.stop();
      await again.stop();
    }
  });

  it('stops polling when Ondato refuses the credentials, until re-enabled', async () => {
    const secret = { wrong: false };
    const { sim, db, engine, time } = await engineFixture({
      client: (url, clock) =>
        syncClient(url, clock, {
          // The officer's secret was rotated upstream: the token request now carries a refused one.
          fetch: (input, init) => {
            const body =
              typeof init.body === 'string' && secret.wrong
                ? init.body.replace('demo-secret', 'old')
                : init.body;
            return fetch(input, { ...init, ...(body === undefined ? {} : { body }) });
          },
        }),
    });
    const creator = syncClient(sim.url, { now: () => Date.now() });
    const id = await createCase(creator, db, WS, 1);
    sim.control.advance(id, 'open');
    engine.start();
    engine.track(id);
    await waitFor('first check', () => schedule.get(db, id)?.lastCheckedAt);
    secret.wrong = true;
    sim.control.revokeTokens();
    await waitFor('auth_failed', () => engine.status().state === 'auth_failed');
    expect(engine.status().lastError?.code).toBe('auth_failed');
    // Polling has stopped: the engine plans no check at all (no timer), so no request can follow.
    expect(time.pending()).toBe(0);
    const error = await engine.refresh(id).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OndatoError);
    expect((error as OndatoError).code).toBe('auth_failed');

    secret.wrong = false;
    sim.control.advance(id, 'kyc-start');
    engine.setEnabled(true);
    expect(engine.status().state).toBe('online');
    await waitFor('polling resumed', () => cachedState(db, WS, id)?.kycStatus === 'Awaiting');
  });

  it('refuses a file that is not an image, keeps the others, and backs off before retrying it', async () => {
    const { sim, db, client, engine } = await engineFixture();
    const id = await createCase(client, db, WS, 1);
    sim.control.advance(id, 'submit');
    sim.control.addFault({ route: 'kyc.file', kind: 'html', times: 1 });
    engine.start();
    engine.track(id);
    await waitFor('two images', () => cachedState(db, WS, id)?.files.length === 2);
    const errors = syncErrors.list(db, WS, { caseId: id });
    expect(errors).toHaveLength(1);
    const refused = errors[0]!;
    expect(refused).toMatchObject({ code: 'bad_file' });
    expect(refused.fileId).not.toBeNull();
    expect(images.has(db, refused.fileId!)).toBe(false);
    expect(refused.message).not.toMatch(/Ona|Petrait|<html/i);

    await waitFor('refused file retried and stored', () => images.has(db, refused.fileId!), 10_000);
    const log = requestsOf(sim);
    const fileHits = log.flatMap((r, i) => (r.path.endsWith(refused.fileId!) ? [i] : []));
    expect(fileHits).toHaveLength(2);
    // Not on the next check: the refused file waits out its backoff (at least 15 s of clock).
    const checksBetween = log.slice(fileHits[0], fileHits[1]).filter((r) => r.route === 'idv.get');
    expect(checksBetween.length).toBeGreaterThanOrEqual(1);
    expect(log[fileHits[1]!]!.ms - log[fileHits[0]!]!.ms).toBeGreaterThanOrEqual(15_000);
  });

  it('backs a case off on malformed JSON and recovers when the fault clears', async () => {
    const { sim, db, client, engine } = await engineFixture();
    const id = await createCase(client, db, WS, 1);
    engine.start();
    engine.track(id);
    await waitFor('first check', () => schedule.get(db, id)?.lastCheckedAt);
    sim.control.addFault({ route: 'idv.get', kind: 'malformed' });
    sim.control.advance(id, 'open');
    await waitFor('3 failures', () => (schedule.get(db, id)?.failures ?? 0) >= 3, 10_000);
    expect(engine.status().lastError?.code).toBe('bad_response');
    expect(syncErrors.list(db, WS, { caseId: id })[0]?.code).toBe('bad_response');
    const tries = requestsOf(sim, (route) => route === 'idv.get').filter((r) => r.faulted);
    const gaps = tries.slice(1).map((r, i) => r.ms - tries[i]!.ms);
    expect(gaps.every((g) => g >= 2_500)).toBe(true);
    expect(engine.status().state).toBe('online');

    sim.control.clearFaults();
    await waitFor('recovered', () => cachedState(db, WS, id)?.idvStatus === 'InProgress', 15_000);
    expect(schedule.get(db, id)?.failures).toBe(0);
    expect(syncErrors.list(db, WS, { caseId: id })).toEqual([]);
  });
});
