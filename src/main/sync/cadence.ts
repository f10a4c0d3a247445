/*
 * When to poll a case next. A desktop cannot receive Ondato's webhooks, so it polls; the cadence
 * spends requests where a change is likely and soon, and backs off in proportion to how long a case
 * has been quiet:
 * - a customer in the flow (InProgress) finishes within minutes: checked every few seconds, so the
 *   officer sees "Completed" within seconds while the customer is still at the desk;
 * - a freshly created Pending case is usually opened within minutes (in a branch, at once): watched
 *   closely for a while, then backed off towards minutes (Pending expires after 7 days anyway);
 * - Completed with KYC Awaiting waits for Ondato's people (minutes to hours): from tens of seconds
 *   towards minutes;
 * - settled cases change rarely (document data edited upstream, redaction): re-checked a few times a day.
 */

export type CadenceClass =
  'viewing' | 'in_flow' | 'new' | 'pending' | 'suspended' | 'awaiting' | 'settled' | 'unknown';

export interface CadenceInput {
  idvStatus: string;
  kycStatus: string | null;
  /** When the case last changed upstream (or was created), ms. */
  lastChangeAt: number;
  /** Until when the case is watched closely (just created, or the officer asked), ms. */
  watchUntil: number | null;
  /** The officer has the case open on screen. */
  viewing: boolean;
  now: number;
}

export interface CadenceRule {
  min: number;
  max: number;
  /** The interval grows as quiet time divided by this, between min and max. */
  divisor: number;
}

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

// Tuned with `npm run bench -- sync` (bench/README.md): about 10 s between checks is what seeing
// InProgress -> Completed within 15 s at p95 needs; anything faster only spends Ondato's rate limit.
export const CADENCE: Record<CadenceClass, CadenceRule> = {
  viewing: { min: 3 * SECOND, max: 10 * SECOND, divisor: 20 },
  in_flow: { min: 8 * SECOND, max: 10 * SECOND, divisor: 30 },
  new: { min: 8 * SECOND, max: 10 * SECOND, divisor: 30 },
  pending: { min: 30 * SECOND, max: 10 * MINUTE, divisor: 10 },
  suspended: { min: MINUTE, max: 15 * MINUTE, divisor: 10 },
  awaiting: { min: 15 * SECOND, max: 5 * MINUTE, divisor: 2 },
  settled: { min: 6 * HOUR, max: 24 * HOUR, divisor: 4 },
  unknown: { min: MINUTE, max: 15 * MINUTE, divisor: 10 },
};

const SETTLED_KYC = new Set(['Approved', 'Rejected']);
const SETTLED_IDV = new Set(['Aborted', 'Expired']);

export function classify(input: CadenceInput): CadenceClass {
  if (input.viewing) return 'viewing';
  if (input.kycStatus !== null && SETTLED_KYC.has(input.kycStatus)) return 'settled';
  if (SETTLED_IDV.has(input.idvStatus)) return 'settled';
  switch (input.idvStatus) {
    case 'InProgress':
      return 'in_flow';
    case 'Pending':
      return input.watchUntil !== null && input.now < input.watchUntil ? 'new' : 'pending';
    case 'Suspended':
      return 'suspended';
    case 'Completed':
      return 'awaiting';
    default:
      // An IDV status Ondato adds later: neither hammered nor forgotten.
      return 'unknown';
  }
}

/** Milliseconds until the next check of a case that was just checked successfully. */
export function nextInterval(input: CadenceInput): { cls: CadenceClass; interval: number } {
  const cls = classify(input);
  const rule = CADENCE[cls];
  const quiet = Math.max(0, input.now - input.lastChangeAt);
  return { cls, interval: Math.round(Math.min(rule.max, Math.max(rule.min, quiet / rule.divisor))) };
}

/** Priority when requests are scarce (rate limit): lower runs first. */
export const PRIORITY: Record<CadenceClass, number> = {
  viewing: 0,
  in_flow: 1,
  new: 2,
  awaiting: 3,
  pending: 4,
  suspended: 5,
  unknown: 6,
  settled: 7,
};

/** Full-jitter exponential backoff for a case whose check failed (5xx, timeout, malformed body). */
export function failureBackoff(
  failures: number,
  random: () => number,
  base = 5 * SECOND,
  cap = 10 * MINUTE,
): number {
  const ceiling = Math.min(cap, base * 2 ** Math.max(0, failures - 1));
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}
