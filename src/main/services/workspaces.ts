import { randomUUID } from 'node:crypto';
import { DEMO_CREDENTIALS, deleteSecret, secretAccount, storeSecret } from './workspace-client';
import * as auditRepo from '../db/repos/audit';
import * as workspacesRepo from '../db/repos/workspaces';
import * as teamRepo from '../db/repos/team';
import { customerHostOf, isOndatoError, resolveEndpoints, type OndatoClient } from '../ondato';
import type { ParsedInput } from '../../shared/ipc/contract';
import type { ConnectionResult, WorkspaceList, WorkspaceView } from '../../shared/domain/views';
import type { Workspace, WorkspacePatch } from '../../shared/domain/workspace';
import { requireConfirmation } from './confirm';
import type { ServiceContext } from './context';
import { workspaceNotFound } from './errors';
import { archiveAndTombstoneWorkspace } from './workspace-archive';
import {
  cleanOverrides,
  draftClient,
  prefixFields,
  setupOptions,
  validateEndpoints,
} from './workspace-helpers';
import {
  addWithHostsRequest,
  auditHosts,
  hostChangeRequest,
  hostsDiffer,
  removeRequest,
  secretRequired,
  storedHosts,
  type Hosts,
} from './workspace-hosts';
import { writeTx } from '../db/storage';

export type NewWorkspaceInput = ParsedInput<'workspaces:add'>;
export type WorkspaceUpdate = ParsedInput<'workspaces:update'>;
export type WorkspaceDraft = ParsedInput<'workspaces:probe'>;

export interface WorkspaceService {
  list(): Promise<WorkspaceList>;
  createDemo(input: { officerName?: string | undefined }): Promise<WorkspaceView>;
  probe(draft: WorkspaceDraft): Promise<ConnectionResult>;
  add(input: NewWorkspaceInput): Promise<WorkspaceView>;
  update(input: WorkspaceUpdate): Promise<WorkspaceView>;
  remove(id: string): Promise<void>;
  activate(id: string): Promise<void>;
  test(id: string): Promise<ConnectionResult>;
  setups(): Promise<ConnectionResult['setups']>;
}

export function createWorkspaceService(ctx: ServiceContext): WorkspaceService {
  const { db } = ctx;

  function view(ws: Workspace, accounts: ReadonlySet<string>): WorkspaceView {
    let customerHost = '';
    try {
      customerHost = customerHostOf(ctx.runtime.endpoints(ws).customerWebUrl);
    } catch {
      // the demo simulator is not running yet, or stored URLs no longer validate: show no host
    }
    const hasSecret =
      ws.environment === 'demo' || ws.environment === 'env' || accounts.has(secretAccount(ws.id));
    return { ...ws, hasSecret, customerHost, teamUrl: teamRepo.link(db, ws.id)?.url ?? null };
  }

  async function list(): Promise<WorkspaceList> {
    const accounts = new Set(await ctx.secrets.accounts());
    return {
      workspaces: workspacesRepo.list(db).map((ws) => view(ws, accounts)),
      activeId: ctx.runtime.activeId(),
    };
  }

  async function viewOf(id: string): Promise<WorkspaceView> {
    const ws = workspacesRepo.get(db, id);
    if (!ws) throw workspaceNotFound();
    return view(ws, new Set(await ctx.secrets.accounts()));
  }

  async function changed(): Promise<void> {
    ctx.events.emit('workspaces:changed', await list());
  }

  /**
   * Replaces the secret for new hosts: the old secret goes first, so it can never be sent to the new
   * hosts even if storing the new one fails.
   */
  async function rebindSecret(id: string, secret: string, hosts: Hosts): Promise<void> {
    await deleteSecret(ctx.secrets, id);
    await storeSecret(ctx.secrets, id, secret, hosts.authUrl);
  }

  function audit(ws: Workspace, action: string, details: Record<string, string | boolean | string[]>): void {
    auditRepo.append(db, ws.id, {
      action,
      at: ctx.now(),
      osUser: ctx.osUser,
      officerName: ws.officerName,
      details,
    });
  }

  function insert(ws: Omit<Workspace, 'createdAt' | 'updatedAt'>): Workspace {
    return writeTx(db, (): Workspace => {
      const stored = workspacesRepo.add(db, ws, ctx.now());
      audit(stored, 'workspace.added', { environment: stored.environment });
      return stored;
    });
  }

  async function activate(id: string): Promise<void> {
    await ctx.runtime.activate(id);
    await changed();
  }

  async function connection(client: OndatoClient): Promise<ConnectionResult> {
    const check = await client.testConnection();
    return { setups: setupOptions(check.setups), scopes: check.scopes };
  }

  return {
    list,

    async createDemo(input) {
      const existing = workspacesRepo.list(db).find((ws) => ws.environment === 'demo');
      let ws = existing;
      if (existing && input.officerName !== undefined) {
        ws = workspacesRepo.update(db, existing.id, { officerName: input.officerName || null }, ctx.now());
      }
      if (!ws) {
        await ctx.demo.ensureStarted();
        ws = insert({
          id: `demo-${randomUUID()}`,
          name: 'Demo (simulator)',
          environment: 'demo',
          clientId: DEMO_CREDENTIALS.clientId,
          setupId: ctx.demo.defaultSetupId(),
          customerBaseUrl: null,
          overrides: null,
          officerName: input.officerName || null,
        });
      }
      await activate(ws.id);
      return viewOf(ws.id);
    },

    async probe(draft) {
      const endpoints = validateEndpoints(draft.environment, draft.overrides, undefined);
      return connection(draftClient(ctx, endpoints, draft.clientId, draft.clientSecret));
    },

    async add(input) {
      const hosts = validateEndpoints(input.environment, input.overrides, input.customerBaseUrl);
      if (hostsDiffer(resolveEndpoints(input.environment), hosts)) {
        await requireConfirmation(ctx.confirmer, addWithHostsRequest(input.name, hosts));
      }
      const id = `ws-${randomUUID()}`;
      // The secret first: a row without its secret would be a workspace that cannot connect.
      await storeSecret(ctx.secrets, id, input.clientSecret, hosts.authUrl);
      let ws: Workspace;
      try {
        ws = insert({
          id,
          name: input.name,
          environment: input.environment,
          clientId: input.clientId,
          setupId: input.setupId,
          customerBaseUrl: input.customerBaseUrl || null,
          overrides: cleanOverrides(input.overrides),
          officerName: input.officerName || null,
        });
      } catch (error) {
        await deleteSecret(ctx.secrets, id).catch(() => undefined);
        throw error;
      }
      if (ctx.runtime.activeId() === null) await ctx.runtime.activate(ws.id);
      await changed();
      return viewOf(ws.id);
    },

    async update(input) {
      const current = workspacesRepo.get(db, input.id);
      if (!current) throw workspaceNotFound();
      const patch: WorkspacePatch = {};
      if (input.name !== undefined) patch.name = input.name;
      if (input.setupId !== undefined) patch.setupId = input.setupId;
      if (input.customerBaseUrl !== undefined) patch.customerBaseUrl = input.customerBaseUrl || null;
      if (input.officerName !== undefined) patch.officerName = input.officerName || null;
      if (input.overrides !== undefined) patch.overrides = cleanOverrides(input.overrides);
      const next = { ...current, ...patch };
      let newHosts: Hosts | null = null;
      if (next.environment === 'production' || next.environment === 'sandbox') {
        const hosts = validateEndpoints(
          next.environment,
          next.overrides ?? undefined,
          next.customerBaseUrl ?? undefined,
        );
        if (hostsDiffer(storedHosts(current), hosts)) newHosts = hosts;
      }
      if (
        input.clientSecret !== undefined &&
        (current.environment === 'demo' || current.environment === 'env')
      ) {
        throw prefixFields({ clientSecret: ['This workspace has no stored secret.'] });
      }
      if (newHosts) {
        // New hosts get the secret typed for them in this request and main's confirmation, never the old one.
        if (input.clientSecret === undefined) throw secretRequired();
        await requireConfirmation(ctx.confirmer, hostChangeRequest(next.name, newHosts));
        await rebindSecret(current.id, input.clientSecret, newHosts);
      } else if (input.clientSecret !== undefined) {
        const hosts = storedHosts(current);
        if (hosts) await storeSecret(ctx.secrets, current.id, input.clientSecret, hosts.authUrl);
      }
      const changedHosts = newHosts;
      writeTx(db, () => {
        const updated = workspacesRepo.update(db, current.id, patch, ctx.now());
        audit(updated, 'workspace.updated', {
          changed: Object.keys(patch).sort(),
          secretReplaced: input.clientSecret !== undefined,
        });
        if (changedHosts) audit(updated, 'workspace.hosts-changed', auditHosts(changedHosts));
      });
      if (ctx.runtime.activeId() === current.id) await ctx.runtime.reload();
      await changed();
      return viewOf(current.id);
    },

    async remove(id) {
      const ws = workspacesRepo.get(db, id);
      if (!ws) throw workspaceNotFound();
      // Main asks the officer itself: nothing the renderer sends counts as consent.
      await requireConfirmation(ctx.confirmer, removeRequest(ws));
      // Last row of the trail: any export of it taken before the purge shows who agreed, and when.
      audit(ws, 'workspace.removal-confirmed', { environment: ws.environment });
      // The trail is archived before anything changes: if that fails, nothing is removed.
      const archive = archiveAndTombstoneWorkspace(ctx, ws);
      const wasActive = ctx.runtime.activeId() === id;
      if (wasActive) await ctx.runtime.activate(null);
      // Keychain first: if it is unavailable the workspace stays whole and the officer can retry.
      for (const account of await ctx.secrets.accounts()) {
        if (account.startsWith(`${id}:`)) await ctx.secrets.delete(account);
      }
      archive.purge('workspace removed by the officer');
      if (ws.environment === 'demo') await ctx.demo.discard();
      if (wasActive) {
        const next = workspacesRepo.list(db)[0];
        if (next) await ctx.runtime.activate(next.id);
      }
      await changed();
    },

    activate,

    async test(id) {
      const ws = workspacesRepo.get(db, id);
      if (!ws) throw workspaceNotFound();
      try {
        return await connection(await ctx.runtime.clientFor(ws));
      } catch (error) {
        if (isOndatoError(error)) ctx.logger.info('workspace test failed', { code: error.code });
        throw error;
      }
    },

    async setups() {
      ctx.runtime.workspace();
      return setupOptions(await ctx.runtime.client().listSetups());
    },
  };
}
