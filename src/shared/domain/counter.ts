import type { ThemePreference } from './views';

/*
 * Counter mode: the customer-facing view of one case, on a second screen or a device turned to the
 * customer. What it may show is exactly `CounterView`: the link, its QR code, the branch's
 * instructions and the customer's progress. Never a name, a date of birth, document data, a decision
 * or anything of another case; main builds it and is the only one that can.
 */

/** The customer's way through Ondato's flow, as far as polling can see it. */
export type CounterStepKey = 'opened' | 'document' | 'selfie' | 'submitted' | 'done';

/** `skipped`: the flow had no such step (a setup without a selfie), known once the customer submitted. */
export type CounterStepState = 'done' | 'current' | 'waiting' | 'skipped';

/**
 * Where the customer is. `paused` (continue later), `stopped` (quit), `expired` are Ondato's side
 * exits; `unknown` is an IDV status this build does not know (kept in `rawStatus`, shown neutrally).
 */
export type CounterStage =
  'waiting' | 'opened' | 'document' | 'submitted' | 'done' | 'paused' | 'stopped' | 'expired' | 'unknown';

export interface CounterStep {
  key: CounterStepKey;
  state: CounterStepState;
}

export interface CounterProgress {
  stage: CounterStage;
  steps: CounterStep[];
  /** Ondato's IDV status as received; only for `unknown` does the view mention it. */
  rawStatus: string;
}

/** Everything the counter view's renderer ever receives. */
export interface CounterView {
  caseId: string;
  url: string;
  /** A self-contained SVG (no scripts, no external references) of `url`. */
  qrSvg: string;
  instructions: string;
  progress: CounterProgress;
  theme: ThemePreference;
  /** Leaving the view needs the officer's PIN (a PIN is set and auto-lock is on). */
  exitNeedsPin: boolean;
  /** When the case was last checked with Ondato (this machine's clock, ms); null before the first check. */
  checkedAt: number | null;
}

/** What `counter:open` did: main opened its own window, or (harness, no windows) the caller opens the page. */
export interface CounterOpened {
  caseId: string;
  shownIn: 'window' | 'page';
  /** The page to load relative to the app's root when `shownIn` is `page`. */
  path: string;
}

/** Pushed when a case shown in counter mode moves on (or the view's settings change). */
export interface CounterChanged {
  caseId: string;
  stage: CounterStage;
  /** False once counter mode for the case was closed. */
  active: boolean;
}

/** The page the counter view lives on; the case id follows in the fragment (never sent anywhere). */
export const COUNTER_PAGE = 'counter.html';

export function counterPagePath(caseId: string): string {
  return `${COUNTER_PAGE}#${encodeURIComponent(caseId)}`;
}

/** The most the instructions may hold: a few short paragraphs a customer reads at a glance. */
export const COUNTER_INSTRUCTIONS_MAX = 600;

export const DEFAULT_COUNTER_INSTRUCTIONS =
  'Have your identity card or passport ready: your phone will ask for photos of it and a short selfie.\n' +
  'The photos go securely to our verification partner, not to this screen.\n' +
  'If you need any help, just ask us.';

/** The parts of a cached case that progress is derived from (statuses stay open strings). */
export interface CounterProgressInput {
  idvStatus: string;
  kycStatus: string | null;
  kycStatusReason: string | null;
  /** The KYC identification carries a document (the customer submitted). */
  documentSubmitted: boolean;
  /** `part` / `fileType` of the submitted files; empty when unknown (redacted, not listed). */
  files: { part: string | null; fileType: string | null }[];
}

const STEP_KEYS: readonly CounterStepKey[] = ['opened', 'document', 'selfie', 'submitted', 'done'];

const FACE = /selfie|face|liveness|portrait/i;

function looksLikeSelfie(file: { part: string | null; fileType: string | null }): boolean {
  return FACE.test(file.part ?? '') || FACE.test(file.fileType ?? '');
}

/** How far the customer got, as the number of the first steps done (0 = not opened). */
function stepsDone(input: CounterProgressInput, submitted: boolean, completed: boolean): number {
  if (completed) return 5;
  if (submitted) return 4;
  if (input.kycStatus !== null || input.idvStatus !== 'Pending') return 1;
  return 0;
}

/**
 * Progress from what polling sees: IDV `Pending` (link not opened) → `InProgress` (opened; the KYC
 * step starts, the customer photographs the document) → the KYC carries a document / `Processing`
 * (submitted) → IDV `Completed` or a KYC decision (done). Ondato does not report the document and the
 * selfie separately while the customer is in the flow, so both are done at submission; a setup
 * without a selfie shows it as skipped once the files say so. Lenient: unknown statuses keep whatever
 * the KYC data proves, and `stage` says `unknown`.
 */
export function counterProgress(input: CounterProgressInput): CounterProgress {
  const kycDecided = input.kycStatus !== null && input.kycStatus !== 'Awaiting';
  const completed = input.idvStatus === 'Completed' || kycDecided;
  const submitted =
    completed ||
    input.documentSubmitted ||
    (input.kycStatus === 'Awaiting' &&
      input.kycStatusReason !== null &&
      input.kycStatusReason !== 'Unfinished');
  const done = stepsDone(input, submitted, completed);
  const noSelfie = submitted && input.files.length > 0 && !input.files.some(looksLikeSelfie);
  const blocked = ['Aborted', 'Expired', 'Suspended'].includes(input.idvStatus) && !completed;

  const steps = STEP_KEYS.map((key, index): CounterStep => {
    if (key === 'selfie' && noSelfie) return { key, state: 'skipped' };
    if (index < done) return { key, state: 'done' };
    // Document and selfie happen together on the phone: both are "current" until submission.
    const current = !blocked && (index === done || (done === 1 && key === 'selfie'));
    return { key, state: current ? 'current' : 'waiting' };
  });

  return { stage: stageOf(input, done, completed), steps, rawStatus: input.idvStatus };
}

function stageOf(input: CounterProgressInput, done: number, completed: boolean): CounterStage {
  if (completed) return 'done';
  switch (input.idvStatus) {
    case 'Suspended':
      return 'paused';
    case 'Aborted':
      return 'stopped';
    case 'Expired':
      return 'expired';
    case 'Pending':
    case 'InProgress':
      if (done === 0) return 'waiting';
      if (done >= 4) return 'submitted';
      // Opened but the KYC step has not started: the customer is still on the consent page.
      return input.kycStatus === null ? 'opened' : 'document';
    default:
      return done >= 4 ? 'submitted' : 'unknown';
  }
}
