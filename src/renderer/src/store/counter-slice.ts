import type { CounterOpened, CounterStage } from '../../../shared/domain/counter';
import { call, subscribe } from '../api';
import { attempt, type ActionResult } from './action-result';
import type { SliceCreator } from './types';

/** The case the officer put on the counter screen, as far as the officer's window needs to know. */
export interface CounterSession {
  caseId: string;
  stage: CounterStage | null;
  /** The officer dismissed the "customer finished" offer. */
  offerDismissed: boolean;
}

export interface CounterSlice {
  counter: CounterSession | null;
  /** Main shows the counter view (its own window), or says which page to open (harness). */
  openCounter(caseId: string): Promise<ActionResult<CounterOpened>>;
  /** Leaves counter mode from the officer's screen; `pin` when auto-lock is on. */
  closeCounter(pin?: string): Promise<ActionResult<void>>;
  dismissCounterOffer(): void;
  /** Follows `counter:changed` from main; returns the unsubscribe function. */
  listenCounter(): () => void;
}

export const createCounterSlice: SliceCreator<CounterSlice> = (set, get) => ({
  counter: null,

  async openCounter(caseId) {
    const result = await attempt(() => call('counter:open', { caseId }));
    if (!result.ok) return result;
    set({ counter: { caseId, stage: null, offerDismissed: false } });
    if (result.value.shownIn === 'page') {
      // No window of main's own here (the harness): a separate page, never able to reach this one.
      window.open(result.value.path, '_blank', 'noopener,noreferrer');
    }
    return result;
  },

  async closeCounter(pin) {
    const session = get().counter;
    if (!session) return { ok: true, value: undefined };
    const result = await attempt(() =>
      call('counter:close', pin === undefined ? { caseId: session.caseId } : { caseId: session.caseId, pin }),
    );
    if (result.ok) set({ counter: null });
    return result;
  },

  dismissCounterOffer() {
    const session = get().counter;
    if (session) set({ counter: { ...session, offerDismissed: true } });
  },

  listenCounter() {
    return subscribe('counter:changed', ({ caseId, stage, active }) => {
      const session = get().counter;
      if (!session || session.caseId !== caseId) return;
      set({ counter: active ? { ...session, stage } : null });
    });
  },
});
