import { create } from 'zustand';
import { createAppSlice } from './app-slice';
import { createCacheSlice } from './cache-slice';
import { createCaseListSlice } from './case-list-slice';
import { createCounterSlice } from './counter-slice';
import { createExportSlice } from './export-slice';
import { createLinkSlice } from './link-slice';
import { createLockSlice } from './lock-slice';
import { createNewCaseSlice } from './new-case-slice';
import { createRecordsSlice } from './records-slice';
import { createRescueSlice } from './rescue-slice';
import { createReviewSlice } from './review-slice';
import { createTeamSlice } from './team-slice';
import type { AppState } from './types';
import { createWorkspaceSlice } from './workspace-slice';

/** Builds a store; the app uses one (`useStore`), tests build their own. */
export function createAppStore() {
  return create<AppState>()((...args) => ({
    ...createAppSlice(...args),
    ...createWorkspaceSlice(...args),
    ...createCaseListSlice(...args),
    ...createNewCaseSlice(...args),
    ...createLinkSlice(...args),
    ...createReviewSlice(...args),
    ...createLockSlice(...args),
    ...createExportSlice(...args),
    ...createRecordsSlice(...args),
    ...createCacheSlice(...args),
    ...createRescueSlice(...args),
    ...createCounterSlice(...args),
    ...createTeamSlice(...args),
  }));
}

/** One store made of slices; slice actions are the only callers of the API. */
export const useStore = createAppStore();
