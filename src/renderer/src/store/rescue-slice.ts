import type { CacheRescueProblem, RescueOutcome } from '../../../shared/domain/views';
import { call } from '../api';
import { attempt, type ActionResult } from './action-result';
import type { SliceCreator } from './types';

/** The start-up failures main serves the rescue screen for (src/main/app/rescue.ts). */
export const RESCUE_CODES: ReadonlySet<string> = new Set([
  'cache_key_missing',
  'cache_missing',
  'cache_damaged',
]);

/** The cache could not be opened at start-up: what happened and the ways out. */
export interface RescueSlice {
  rescue: CacheRescueProblem | null;
  /** Asks main what went wrong; false when main is not serving the rescue screen. */
  loadRescue(): Promise<boolean>;
  rescueRecover(code: string): Promise<ActionResult<RescueOutcome>>;
  rescueRestoreLatest(): Promise<ActionResult<RescueOutcome>>;
  rescueDiscard(): Promise<ActionResult<RescueOutcome>>;
  rescueRestart(): Promise<ActionResult<RescueOutcome>>;
}

export const createRescueSlice: SliceCreator<RescueSlice> = (set) => ({
  rescue: null,
  async loadRescue() {
    const result = await attempt(() => call('rescue:problem', undefined));
    if (result.ok) set({ rescue: result.value });
    return result.ok;
  },
  rescueRecover: (code) => attempt(() => call('rescue:recover', { code })),
  rescueRestoreLatest: () => attempt(() => call('rescue:restore-latest', undefined)),
  rescueDiscard: () => attempt(() => call('rescue:discard', undefined)),
  rescueRestart: () => attempt(() => call('rescue:restart', undefined)),
});
