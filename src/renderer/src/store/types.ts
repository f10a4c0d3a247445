import type { StateCreator } from 'zustand';
import type { AppSlice } from './app-slice';
import type { CacheSlice } from './cache-slice';
import type { CaseListSlice } from './case-list-slice';
import type { CounterSlice } from './counter-slice';
import type { ExportSlice } from './export-slice';
import type { LinkSlice } from './link-slice';
import type { LockSlice } from './lock-slice';
import type { NewCaseSlice } from './new-case-slice';
import type { RecordsSlice } from './records-slice';
import type { RescueSlice } from './rescue-slice';
import type { ReviewSlice } from './review-slice';
import type { TeamSlice } from './team-slice';
import type { WorkspaceSlice } from './workspace-slice';

export type AppState = AppSlice &
  WorkspaceSlice &
  CaseListSlice &
  NewCaseSlice &
  LinkSlice &
  ReviewSlice &
  LockSlice &
  ExportSlice &
  RecordsSlice &
  CacheSlice &
  RescueSlice &
  CounterSlice &
  TeamSlice;

/** Each slice sees the whole state (to read other slices) but only sets its own part. */
export type SliceCreator<T> = StateCreator<AppState, [], [], T>;
