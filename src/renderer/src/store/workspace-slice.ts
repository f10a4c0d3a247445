import type { ConnectionResult, WorkspaceList, WorkspaceView } from '../../../shared/domain/views';
import type { Input } from '../../../shared/ipc/contract';
import { call } from '../api';
import { attempt, type ActionResult } from './action-result';
import type { SliceCreator } from './types';

export type WorkspaceDraft = Input<'workspaces:probe'>;
export type NewWorkspaceInput = Input<'workspaces:add'>;
export type WorkspaceUpdate = Input<'workspaces:update'>;

export interface WorkspaceSlice {
  workspaces: WorkspaceView[];
  activeWorkspaceId: string | null;
  /** Takes a list from main (answer or `workspaces:changed`); a new active workspace resets its data. */
  applyWorkspaceList(list: WorkspaceList): void;
  loadWorkspaces(): Promise<ActionResult<WorkspaceList>>;
  createDemoWorkspace(officerName: string): Promise<ActionResult<WorkspaceView>>;
  probeWorkspace(draft: WorkspaceDraft): Promise<ActionResult<ConnectionResult>>;
  addWorkspace(input: NewWorkspaceInput): Promise<ActionResult<WorkspaceView>>;
  updateWorkspace(input: WorkspaceUpdate): Promise<ActionResult<WorkspaceView>>;
  removeWorkspace(id: string): Promise<ActionResult<void>>;
  activateWorkspace(id: string): Promise<ActionResult<void>>;
  testWorkspace(id: string): Promise<ActionResult<ConnectionResult>>;
}

export function selectActiveWorkspace(state: {
  workspaces: WorkspaceView[];
  activeWorkspaceId: string | null;
}): WorkspaceView | null {
  return state.workspaces.find((w) => w.id === state.activeWorkspaceId) ?? null;
}

export const createWorkspaceSlice: SliceCreator<WorkspaceSlice> = (set, get) => {
  /** A workspace the officer just added or created becomes the one they work in. */
  const activateNew = async (workspace: WorkspaceView): Promise<void> => {
    await call('workspaces:activate', { id: workspace.id });
    get().applyWorkspaceList(await call('workspaces:list', undefined));
    get().navigate({ name: 'cases' });
  };

  return {
    workspaces: [],
    activeWorkspaceId: null,

    applyWorkspaceList(list) {
      const before = get().activeWorkspaceId;
      const activeId = list.workspaces.some((w) => w.id === list.activeId) ? list.activeId : null;
      set({ workspaces: list.workspaces, activeWorkspaceId: activeId });
      if (activeId !== before) {
        get().resetCaseList();
        get().resetNewCase();
        get().clearQr();
        const { route } = get();
        if (activeId === null && route.name !== 'workspaces') get().navigate({ name: 'welcome' });
        else if (route.name === 'case' || route.name === 'new-case') get().navigate({ name: 'cases' });
      }
    },

    async loadWorkspaces() {
      const result = await attempt(() => call('workspaces:list', undefined));
      if (result.ok) get().applyWorkspaceList(result.value);
      return result;
    },

    createDemoWorkspace(officerName) {
      const name = officerName.trim();
      return attempt(async () => {
        const workspace = await call('workspaces:create-demo', name ? { officerName: name } : {});
        await activateNew(workspace);
        return workspace;
      });
    },

    probeWorkspace(draft) {
      return attempt(() => call('workspaces:probe', draft));
    },

    addWorkspace(input) {
      return attempt(async () => {
        const workspace = await call('workspaces:add', input);
        await activateNew(workspace);
        return workspace;
      });
    },

    updateWorkspace(input) {
      return attempt(async () => {
        const workspace = await call('workspaces:update', input);
        set((state) => ({
          workspaces: state.workspaces.map((w) => (w.id === workspace.id ? workspace : w)),
        }));
        return workspace;
      });
    },

    removeWorkspace(id) {
      return attempt(async () => {
        await call('workspaces:remove', { id });
        get().applyWorkspaceList(await call('workspaces:list', undefined));
      });
    },

    activateWorkspace(id) {
      return attempt(async () => {
        await call('workspaces:activate', { id });
        get().applyWorkspaceList(await call('workspaces:list', undefined));
      });
    },

    testWorkspace(id) {
      return attempt(() => call('workspaces:test', { id }));
    },
  };
};
