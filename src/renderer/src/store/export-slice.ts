import type { ExportOutcome, RegisterFilters } from '../../../shared/domain/views';
import { call } from '../api';
import { attempt, type ActionResult } from './action-result';
import { createdRange } from './case-list-slice';
import type { SliceCreator } from './types';

/*
 * Exports: main asks the officer where to save (its own native dialog) and writes the file; the renderer
 * only says what to export. The outcome names the path written, or that the dialog was cancelled.
 */
export interface ExportSlice {
  exportCasePdf(caseId: string): Promise<ActionResult<ExportOutcome>>;
  /** The register of every case matching the list's current queue and filters (all pages). */
  exportRegister(): Promise<ActionResult<ExportOutcome>>;
}

export const createExportSlice: SliceCreator<ExportSlice> = (_set, get) => ({
  exportCasePdf: (caseId) => attempt(() => call('export:case-pdf', { caseId })),
  exportRegister() {
    const f = get().caseList.filters;
    const search = f.search.trim();
    const filters: RegisterFilters = {
      ...(search ? { search } : {}),
      ...(f.idvStatus ? { idvStatus: [f.idvStatus] } : {}),
      ...(f.kycStatus ? { kycStatus: [f.kycStatus] } : {}),
      ...(f.decision ? { decision: [f.decision] } : {}),
      ...(f.queue === 'all' ? {} : { queue: f.queue }),
      ...createdRange(f),
      sort: f.sort,
      dir: f.dir,
    };
    return attempt(() => call('export:register-csv', filters));
  },
});
