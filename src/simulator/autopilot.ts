import type { KycStatusReason } from '../shared/wire/schemas';
import { HOUR, MINUTE, SECOND } from './dates';
import { derived, type Rng } from './random';
import type { AdvanceTarget, IdvRecord, Outcome } from './types';

const REJECTION_REASONS: readonly KycStatusReason[] = [
  'PoorPhotoQuality',
  'FacesDoNotMatch',
  'UnrelatedPhotoSubmit',
  'PossibleFraud',
];

function drawOutcome(rng: Rng): Outcome {
  return rng.chance(0.8)
    ? { status: 'Approved' }
    : { status: 'Rejected', statusReason: rng.pick(REJECTION_REASONS) };
}

/** Seconds between completion and decision: automatic checks or a person reviewing it. */
export function decisionDelayMs(record: IdvRecord): number {
  return derived(record.seed, 'decision-delay').int(5, 15 * 60) * SECOND;
}

/**
 * Timings of docs/simulator.md "Autopilot", drawn once at creation from the IDV's own seed. The plan
 * is just data; `settle` replays it lazily against the clock.
 */
export function planAutopilot(record: IdvRecord): void {
  const rng = derived(record.seed, 'autopilot');
  const plan: Array<{ at: number; step: AdvanceTarget }> = [];
  let t = record.createdAt;
  const at = (step: AdvanceTarget, minMs: number, maxMs: number): void => {
    t += rng.int(minMs, maxMs);
    plan.push({ at: t, step });
  };

  if (record.document.type === undefined) {
    const roll = rng.next();
    record.document.type = roll < 0.7 ? 'IdCard' : roll < 0.95 ? 'Passport' : 'DriverLicense';
  }
  record.plannedOutcome = drawOutcome(rng);

  // The customer who never opens the link is left to the lazy 7-day expiry.
  if (rng.chance(0.1)) return;
  at('open', 5 * SECOND, 120 * SECOND);
  at('kyc-start', 3 * SECOND, 10 * SECOND);
  const fate = rng.next();
  if (fate < 0.05) {
    at('abort', 20 * SECOND, 180 * SECOND);
  } else {
    if (fate < 0.1) {
      at('suspend', 20 * SECOND, 180 * SECOND);
      // Back well within the 7 days a suspended verification waits.
      at('resume', 10 * MINUTE, 72 * HOUR);
    }
    at('submit', 20 * SECOND, 180 * SECOND);
    at('complete', 1 * SECOND, 3 * SECOND);
    t += decisionDelayMs(record);
    plan.push({ at: t, step: 'decide' });
  }
  record.plan = plan;
}
