import type { AdvanceTarget } from '../src/simulator';
import { mulberry32 } from './pollers';

/** Where a case ends: its IDV status and, once decided, its KYC status. */
export interface FinalState {
  idv: string;
  kyc: string | null;
}

const SECOND = 1000;
export type Plan = Array<{ afterMs: number; step: AdvanceTarget | 'reject' }>;

/** Shortened Ondato lifecycle (seconds): open 2–20, submit 5–30 later, Ondato decides 5–60 after completion. */
export function planFor(index: number): { plan: Plan; final: FinalState } {
  const rng = mulberry32(9_000 + index);
  const between = (min: number, max: number): number => Math.round((min + rng() * (max - min)) * SECOND);
  const fate = rng();
  // 5 % never open the link (they stay Pending), 5 % abort after starting.
  if (fate < 0.05) return { plan: [], final: { idv: 'Pending', kyc: null } };
  const plan: Plan = [
    { afterMs: between(2, 20), step: 'open' },
    { afterMs: between(1, 3), step: 'kyc-start' },
  ];
  if (fate < 0.1) {
    plan.push({ afterMs: between(5, 30), step: 'abort' });
    return { plan, final: { idv: 'Aborted', kyc: null } };
  }
  const rejected = rng() < 0.2;
  plan.push({ afterMs: between(5, 30), step: 'submit' }, { afterMs: between(1, 3), step: 'complete' });
  if (rejected) plan.push({ afterMs: 0, step: 'reject' });
  plan.push({ afterMs: between(5, 60), step: 'decide' });
  return { plan, final: { idv: 'Completed', kyc: rejected ? 'Rejected' : 'Approved' } };
}
