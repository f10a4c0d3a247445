import type { TeamCaseView, TeamQueue, TeamQueueRow, TeamStatusView } from '../../../shared/domain/team';
import { TEAM_QUEUES } from '../../../shared/domain/team';
import { call, subscribe } from '../api';
import { attempt, type ActionResult, type Loadable } from './action-result';
import type { SliceCreator } from './types';

/** How often the shell asks main for the team status when nothing else happened (ms). */
export const TEAM_STATUS_INTERVAL_MS = 30_000;
/** Rows per team queue; a queue longer than this says "500+" rather than pretend to count. */
export const TEAM_QUEUE_LIMIT = 500;

/*
 * Team mode (ADR 0023): the status of the active workspace's team session, the four team queues with
 * their counts, and each open case's team view. Main owns the session; the renderer asks again after
 * `cases:changed` (a pull applied something, a push came back), `sync:status`, or a modest interval.
 */
export interface TeamSlice {
  /** Null until main first answered; `joined: false` outside team mode. */
  teamStatus: TeamStatusView | null;
  /** The team queue the case list shows instead of a work queue; null: the work queues. */
  teamQueue: TeamQueue | null;
  teamRows: Loadable<TeamQueueRow[]>;
  teamCounts: Partial<Record<TeamQueue, number>>;
  /** The team view per case id, as last answered by main. */
  teamCases: Record<string, TeamCaseView | null>;
  teamRefresh(): Promise<void>;
  /** Keeps the status, counts and open queue current; returns the unsubscribe. */
  teamWatch(): () => void;
  teamJoin(workspaceId: string, url: string, password: string | null): Promise<ActionResult<TeamStatusView>>;
  teamSyncNow(): Promise<ActionResult<TeamStatusView>>;
  setTeamQueue(queue: TeamQueue | null): void;
  teamLoadCase(caseId: string): Promise<void>;
  teamApprove(caseId: string, note: string): Promise<ActionResult<TeamCaseView>>;
  teamSendBack(caseId: string, note: string): Promise<ActionResult<TeamCaseView>>;
  teamAssign(caseId: string, to: string | null): Promise<ActionResult<TeamCaseView>>;
  teamRelease(caseId: string): Promise<ActionResult<TeamCaseView>>;
}

export const createTeamSlice: SliceCreator<TeamSlice> = (set, get) => {
  let rowsAsked = 0;

  const loadCounts = async (): Promise<void> => {
    const counts: Partial<Record<TeamQueue, number>> = {};
    for (const queue of TEAM_QUEUES) {
      const rows = await attempt(() => call('team:queue', { queue, limit: TEAM_QUEUE_LIMIT }));
      if (rows.ok) counts[queue] = rows.value.length;
    }
    set({ teamCounts: counts });
  };

  const loadRows = async (): Promise<void> => {
    const queue = get().teamQueue;
    if (queue === null) return;
    const asked = ++rowsAsked;
    if (get().teamRows.status !== 'ready') set({ teamRows: { status: 'loading' } });
    const rows = await attempt(() => call('team:queue', { queue, limit: TEAM_QUEUE_LIMIT }));
    if (asked !== rowsAsked) return;
    set({
      teamRows: rows.ok
        ? { status: 'ready', value: rows.value }
        : { status: 'error', message: rows.error.message },
    });
  };

  const acted = (caseId: string, result: ActionResult<TeamCaseView>): ActionResult<TeamCaseView> => {
    if (result.ok) {
      set((s) => ({ teamCases: { ...s.teamCases, [caseId]: result.value } }));
      void get().teamRefresh();
      void get().reviewLoadDecisions(caseId);
    }
    return result;
  };

  return {
    teamStatus: null,
    teamQueue: null,
    teamRows: { status: 'idle' },
    teamCounts: {},
    teamCases: {},

    async teamRefresh() {
      const status = await attempt(() => call('team:status', undefined));
      if (!status.ok) return;
      set({ teamStatus: status.value });
      if (!status.value.joined) {
        if (get().teamQueue !== null) set({ teamQueue: null, teamRows: { status: 'idle' } });
        set({ teamCounts: {} });
        return;
      }
      await Promise.all([loadCounts(), loadRows()]);
    },

    teamWatch() {
      const refresh = (): void => {
        if (get().lock?.locked === true) return;
        void get().teamRefresh();
        for (const caseId of Object.keys(get().teamCases)) void get().teamLoadCase(caseId);
      };
      refresh();
      const offs = [
        subscribe('cases:changed', refresh),
        subscribe('workspaces:changed', () => {
          set({ teamCases: {}, teamQueue: null, teamRows: { status: 'idle' } });
          refresh();
        }),
      ];
      const timer = setInterval(refresh, TEAM_STATUS_INTERVAL_MS);
      return () => {
        clearInterval(timer);
        for (const off of offs) off();
      };
    },

    async teamJoin(workspaceId, url, password) {
      const result = await attempt(() => call('team:join', { workspaceId, url, password }));
      if (result.ok) {
        set({ teamStatus: result.value });
        // The card shows the joined URL from the workspace list.
        await get().loadWorkspaces();
        void get().teamRefresh();
      }
      return result;
    },

    async teamSyncNow() {
      const result = await attempt(() => call('team:sync', undefined));
      if (result.ok) set({ teamStatus: result.value });
      void get().teamRefresh();
      return result;
    },

    setTeamQueue(queue) {
      if (get().teamQueue === queue) return;
      set({ teamQueue: queue, teamRows: { status: queue === null ? 'idle' : 'loading' } });
      void loadRows();
    },

    async teamLoadCase(caseId) {
      const result = await attempt(() => call('team:case', { caseId }));
      if (result.ok) set((s) => ({ teamCases: { ...s.teamCases, [caseId]: result.value } }));
    },

    async teamApprove(caseId, note) {
      return acted(caseId, await attempt(() => call('team:approve', { caseId, note })));
    },
    async teamSendBack(caseId, note) {
      return acted(caseId, await attempt(() => call('team:send-back', { caseId, note })));
    },
    async teamAssign(caseId, to) {
      return acted(caseId, await attempt(() => call('team:assign', { caseId, to })));
    },
    async teamRelease(caseId) {
      return acted(caseId, await attempt(() => call('team:release', { caseId })));
    },
  };
};
