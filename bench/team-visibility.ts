import { randomUUID } from 'node:crypto';
import type { Client } from 'pg';
import type { Core } from '../src/main/app/core';
import { percentile } from './stats';

/*
 * A decision made on one desk until every other desk has it in its cache, split where the time goes:
 * the decider's push until the team database's NOTIFY (seen by an idle observer connection), then the
 * fan-out — each desk's LISTEN wake-up, its pull (changesSince, the case's snapshot) and the cache write.
 * Every sample starts from a quiet team: the case is created and mirrored on every desk first, so the
 * registration's own fan-out does not queue in front of the decision's.
 */
export interface VisibilityDesk {
  core: Core;
}

export interface Visibility {
  /** decide → visible on each other desk, all samples (ms). */
  latencies: number[];
  /** decide → the decision's NOTIFY at an idle observer, one per sample (ms). */
  push: number[];
  /** NOTIFY → first / median / last other desk holding the decision, one per sample (ms). */
  firstDesk: number[];
  medianDesk: number[];
  lastDesk: number[];
}

/** Resolves with the time `desk` first satisfies `ready` (checked now and on each cache change). */
function when(desk: VisibilityDesk, ready: () => boolean): Promise<number> {
  return new Promise((resolve) => {
    const check = (): boolean => {
      if (!ready()) return false;
      off();
      resolve(performance.now());
      return true;
    };
    const off = desk.core.events.on('cases:changed', () => void check());
    check();
  });
}

function hasCase(desk: VisibilityDesk, caseId: string): boolean {
  try {
    desk.core.services.cases.get(caseId);
    return true;
  } catch {
    return false;
  }
}

function hasDecision(desk: VisibilityDesk, caseId: string): boolean {
  const view = desk.core.services.team.caseView(caseId);
  return view !== null && view.decisions.length > 0;
}

export async function measureVisibility(
  desks: VisibilityDesk[],
  observer: Client,
  samples: number,
): Promise<Visibility> {
  const notified: number[] = [];
  observer.on('notification', () => notified.push(performance.now()));
  await observer.query('LISTEN kyc_team_changes');
  const out: Visibility = { latencies: [], push: [], firstDesk: [], medianDesk: [], lastDesk: [] };
  for (let s = 0; s < samples; s += 1) {
    const decider = desks[s % desks.length]!;
    const others = desks.filter((d) => d !== decider);
    const caseId = randomUUID();
    decider.core.services.cases.adopt({
      idvId: caseId,
      externalRef: `S-${s}`,
      setupId: 'c3a0f7a2-6b1e-4b7e-9a51-1d2f3e4a5b61',
      registration: null,
    });
    await decider.core.services.team.sync();
    await Promise.all(others.map((d) => when(d, () => hasCase(d, caseId))));
    const waits = others.map((d) => when(d, () => hasDecision(d, caseId)));
    const t0 = performance.now();
    decider.core.services.review.decide({
      caseId,
      decision: 'reject',
      reasonCode: 'customer_withdrew',
      note: '',
      overriddenFlags: [],
    });
    await decider.core.services.team.pushSoon();
    const seen = (await Promise.all(waits)).map((at) => at - t0).sort((a, b) => a - b);
    out.latencies.push(...seen);
    const notify = notified.find((at) => at >= t0);
    if (notify !== undefined) {
      const push = notify - t0;
      out.push.push(push);
      out.firstDesk.push(seen[0]! - push);
      out.medianDesk.push(percentile(seen, 50) - push);
      out.lastDesk.push(seen.at(-1)! - push);
    }
  }
  await observer.query('UNLISTEN kyc_team_changes');
  return out;
}
