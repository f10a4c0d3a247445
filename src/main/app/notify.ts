import type { CaseQueue } from '../../shared/domain/queues';
import type { TimerHandle, Timers } from '../sync/options';
import type { CaseChange } from '../sync/types';

export interface Notice {
  title: string;
  body: string;
  /** The work queue a click on the notification opens. */
  queue: CaseQueue;
}

/** What the officer is told about one case: Ondato decided it, or the customer finished. */
export type NoticeKind = 'approved' | 'rejected' | 'completed';

export interface CaseNotice {
  caseId: string;
  /** The case's reference (see caseLabel), never the customer's name. */
  label: string;
  kind: NoticeKind;
}

/**
 * Whether a change is one the officer waits for: the customer finished (IDV Completed) or Ondato
 * decided (KYC Approved/Rejected). A decision wins over completion when both happened.
 */
export function noticeKind(change: CaseChange): NoticeKind | null {
  let decided: NoticeKind | null = null;
  let completed = false;
  for (const t of change.transitions) {
    if (t.kind === 'kyc_status' && t.to === 'Approved') decided = 'approved';
    if (t.kind === 'kyc_status' && t.to === 'Rejected') decided = 'rejected';
    if (t.kind === 'idv_status' && t.to === 'Completed') completed = true;
  }
  return decided ?? (completed ? 'completed' : null);
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/**
 * One desktop notification for the cases that came to need the officer together. Only references are
 * named — never a customer — because notifications show on a lock screen and stay in the OS history.
 * One case keeps its specific wording; several become "3 cases need your decision".
 */
export function noticeFor(cases: readonly CaseNotice[]): Notice | null {
  const [only] = cases;
  if (!only) return null;
  if (cases.length === 1) {
    if (only.kind === 'completed') {
      return {
        title: `Case ${only.label} completed`,
        body: 'The customer finished the verification.',
        queue: 'needs-decision',
      };
    }
    return {
      title: `Ondato ${only.kind} case ${only.label}`,
      body: 'Review the case and record your decision in KYC Desk.',
      queue: 'needs-decision',
    };
  }
  const decided = cases.filter((c) => c.kind !== 'completed').length;
  const completed = cases.length - decided;
  const parts = [
    ...(decided > 0 ? [`Ondato decided ${plural(decided, 'case', 'cases')}`] : []),
    ...(completed > 0 ? [`${plural(completed, 'customer', 'customers')} finished`] : []),
  ];
  const shown = cases.slice(0, 3).map((c) => c.label);
  const refs = cases.length > 3 ? `${shown.join(', ')} and ${cases.length - 3} more` : shown.join(', ');
  return {
    title: `${cases.length} cases need your decision`,
    body: `${parts.join('; ')}: ${refs}.`,
    queue: 'needs-decision',
  };
}

/** The external reference when there is one, else the start of the IDV id. */
export function caseLabel(caseId: string, externalRef: string | null): string {
  return externalRef ?? caseId.slice(0, 8);
}

/**
 * How long notable changes are gathered before one notification goes out. A sync round's answers
 * arrive over a few seconds (four checks in flight, rate-limited), and the officer wants one
 * "3 cases need your decision", not three pop-ups in a row.
 */
export const NOTICE_GATHER_MS = 3_000;

/**
 * Gathers the notable changes of a sync round into one notification: the first one opens a window of
 * `gatherMs` on the injected timers; every case that comes in before it closes joins the same
 * notification (a case counted once, with its latest news).
 */
export class NoticeBatcher {
  private pending = new Map<string, CaseNotice>();
  private timer: TimerHandle | null = null;

  constructor(
    private readonly timers: Timers,
    private readonly deliver: (notice: Notice) => void,
    private readonly gatherMs: number = NOTICE_GATHER_MS,
  ) {}

  add(notices: readonly CaseNotice[]): void {
    for (const n of notices) {
      this.pending.delete(n.caseId);
      this.pending.set(n.caseId, n);
    }
    if (this.pending.size === 0 || this.timer !== null) return;
    this.timer = this.timers.setTimeout(() => {
      this.timer = null;
      this.flush();
    }, this.gatherMs);
  }

  /** Sends what is gathered now (also when the window has not closed yet). */
  flush(): void {
    if (this.timer !== null) this.timers.clearTimeout(this.timer);
    this.timer = null;
    const notice = noticeFor([...this.pending.values()]);
    this.pending = new Map();
    if (notice) this.deliver(notice);
  }

  /** Drops what is gathered (the app locked or is closing: nothing is shown). */
  cancel(): void {
    if (this.timer !== null) this.timers.clearTimeout(this.timer);
    this.timer = null;
    this.pending = new Map();
  }
}
