import { afterEach, describe, expect, it } from 'vitest';
import * as audit from '../../../src/main/db/repos/audit';
import type { FaultRule } from '../../../src/simulator';
import {
  cachedState,
  createCase,
  DOCUMENT_ONLY_SETUP,
  FULL_KYC_SETUP,
  sleep,
  syncClient,
  upstreamState,
  waitFor,
  WS,
  type CaseState,
} from '../../support/sync-harness';
import { disposeAll, engineFixture } from '../../support/sync-fixture';

afterEach(disposeAll);

const FAULTS: FaultRule[] = [
  { route: '*', kind: 'status', status: 429, retryAfter: 2, probability: 0.04 },
  { route: '*', kind: 'status', status: 500, probability: 0.05 },
  { route: '*', kind: 'status', status: 503, probability: 0.05 },
  { route: '*', kind: 'drop', probability: 0.05 },
  { route: 'idv.get', kind: 'malformed', probability: 0.05 },
  { route: 'kyc.get', kind: 'malformed', probability: 0.05 },
  { route: 'kyc.file', kind: 'html', probability: 0.15 },
  { route: '*', kind: 'latency', latencyMs: 20, probability: 0.1 },
];

/** mulberry32: the test's own choices are reproducible too. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('sync engine under random faults', () => {
  it('converges to exactly the simulator state once the faults clear', { timeout: 90_000 }, async () => {
    const random = rng(2024);
    const { sim, db, client, engine, time } = await engineFixture({
      engine: { offlineAfterFailures: 3, probeBackoff: { min: 5_000, max: 60_000 } },
    });
    const ids: string[] = [];
    for (let i = 0; i < 30; i += 1) {
      // A few with document, back and selfie; most passport-only (one file: the simulator renders
      // every specimen, which costs real time).
      const full = i % 6 === 0;
      const id = await createCase(client, db, WS, i, full ? FULL_KYC_SETUP : DOCUMENT_ONLY_SETUP);
      if (!full) sim.control.setDocument(id, { type: 'Passport' });
      if (i % 3 === 1) sim.control.setOutcome(id, { status: 'Rejected', statusReason: 'DataMismatch' });
      ids.push(id);
    }
    engine.start();
    for (const id of ids) engine.track(id);
    for (const rule of FAULTS) sim.control.addFault(rule);

    // Walk the cases through the lifecycle in rounds, some lagging, some leaving by a side exit.
    const steps = ['open', 'kyc-start', 'submit', 'complete', 'decide'] as const;
    const done = new Set<string>();
    for (let round = 0; round < 8; round += 1) {
      for (const [i, id] of ids.entries()) {
        if (done.has(id) || random() < 0.3) continue;
        const step = steps[Math.min(round, steps.length - 1)]!;
        if (i % 10 === 9 && round === 1) {
          sim.control.advance(id, 'abort');
          done.add(id);
          continue;
        }
        if (i % 10 === 8 && round === 2) {
          sim.control.advance(id, 'suspend');
          continue;
        }
        sim.control.advance(id, step);
        if (step === 'decide') done.add(id);
      }
      if (round % 3 === 2) sim.control.revokeTokens();
      await sleep(250);
    }
    for (const id of ids) if (!done.has(id)) sim.control.advance(id, 'decide');
    sim.control.clearFaults();

    const verifier = syncClient(sim.url, time.clock);
    const truth = new Map<string, CaseState>();
    for (const id of ids) truth.set(id, await upstreamState(verifier, id));
    expect(new Set([...truth.values()].map((s) => s.kycStatus))).toEqual(
      new Set(['Approved', 'Rejected', null]),
    );
    const behind = (): string[] =>
      ids.filter((id) => JSON.stringify(cachedState(db, WS, id)) !== JSON.stringify(truth.get(id)));
    await waitFor('the cache to converge', () => behind().length === 0, 60_000).catch(() => {
      throw new Error(
        `not converged: ${JSON.stringify(behind().map((id) => [cachedState(db, WS, id), truth.get(id)]))}`,
      );
    });
    expect(engine.status().state).toBe('online');
    expect(audit.verifyChain(db, WS).ok).toBe(true);
    const counters = sim.control.counters();
    // The faults really fired (the simulator's fault stream is seeded, so this is stable).
    expect(counters.byStatus['0'] ?? 0).toBeGreaterThan(0);
    expect(counters.byStatus['429'] ?? 0).toBeGreaterThan(0);
    expect(counters.byStatus['401'] ?? 0).toBeGreaterThan(0);
  });
});
