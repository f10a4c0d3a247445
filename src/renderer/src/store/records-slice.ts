import type { ImportReport, RetentionReport, RetentionView } from '../../../shared/domain/views';
import { call } from '../api';
import { attempt, type ActionResult } from './action-result';
import type { SliceCreator } from './types';

/** Retention, redaction and import: actions only, the screens keep their own dialog state. */
export interface RecordsSlice {
  loadRetention(): Promise<ActionResult<RetentionView>>;
  setRetention(days: number | null): Promise<ActionResult<RetentionView>>;
  runRetention(dryRun: boolean): Promise<ActionResult<RetentionReport>>;
  /** Asks Ondato to redact the case, then shows the case again (now without personal data). */
  redactCase(caseId: string): Promise<ActionResult<void>>;
  importCases(ids: string[]): Promise<ActionResult<ImportReport>>;
}

export const createRecordsSlice: SliceCreator<RecordsSlice> = (_set, get) => ({
  loadRetention: () => attempt(() => call('retention:get', undefined)),
  setRetention: (days) => attempt(() => call('retention:set', { days })),
  runRetention: (dryRun) => attempt(() => call('retention:run', { dryRun })),
  redactCase(caseId) {
    return attempt(async () => {
      await call('cases:redact', { caseId, confirm: true });
      await get().reviewLoad(caseId);
    });
  },
  importCases: (ids) => attempt(() => call('cases:import', { ids })),
});
