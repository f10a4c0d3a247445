import type { Logger } from '../ondato';
import { logUnexpected, type TimerHandle, type Timers } from './options';
import type { CaseChange } from './types';

/**
 * Collects transitions and hands them to listeners in one batch per turn of the event loop (the UI
 * re-reads a list once for twenty cases that changed together, not twenty times).
 */
export class ChangeBatcher {
  private pending = new Map<string, CaseChange>();
  private timer: TimerHandle | null = null;
  private readonly listeners = new Set<(changes: CaseChange[]) => void>();

  constructor(
    private readonly timers: Timers,
    private readonly logger: Logger,
  ) {}

  add(change: CaseChange): void {
    if (change.transitions.length === 0) return;
    const existing = this.pending.get(change.caseId);
    if (existing) existing.transitions.push(...change.transitions);
    else this.pending.set(change.caseId, { caseId: change.caseId, transitions: [...change.transitions] });
    this.timer ??= this.timers.setTimeout(() => {
      this.timer = null;
      this.flush();
    }, 0);
  }

  flush(): void {
    if (this.timer !== null) this.timers.clearTimeout(this.timer);
    this.timer = null;
    if (this.pending.size === 0) return;
    const batch = [...this.pending.values()];
    this.pending = new Map();
    for (const listener of [...this.listeners]) {
      try {
        listener(batch.map((c) => ({ caseId: c.caseId, transitions: [...c.transitions] })));
      } catch (error) {
        logUnexpected(this.logger, 'change listener', error);
      }
    }
  }

  subscribe(listener: (changes: CaseChange[]) => void): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }
}
