import { randomUUID } from 'node:crypto';
import { DEMO_CREDENTIALS, secretAccount } from '../app/workspace-client';
import * as auditRepo from '../db/repos/audit';
import * as workspacesRepo from '../db/repos/workspaces';
import { customerHostOf, isOndatoError, type OndatoClient } from '../ondato';
import type { ParsedInput } from '../../shared/ipc/contract';
import type { ConnectionResult, WorkspaceList, WorkspaceView } from '../../shared/domain/views';
import type { Workspace, WorkspacePatch } from '../../shared/domain/workspace';
import { SETUPS } from '../../simulator';
import type { ServiceContext } from './context';
import { workspaceNotFound } from './errors';
import {
  cleanOverrides,
  draftClient,
  prefixFields,
  setupOptions,
  validateEndpoints,
} from './workspace-helpers';
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
    return { ...ws, hasSecret, customerHost };
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
          setupId: SETUPS[0]?.id ?? '',
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
      validateEndpoints(input.environment, input.overrides, input.customerBaseUrl);
      const id = `ws-${randomUUID()}`;
      // The secret first: a row without its secret would be a workspace that cannot connect.
      await ctx.secrets.set(secretAccount(id), input.clientSecret);
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
        await ctx.secrets.delete(secretAccount(id)).catch(() => false);
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
      if (next.environment === 'production' || next.environment === 'sandbox') {
        validateEndpoints(next.environment, next.overrides ?? undefined, next.customerBaseUrl ?? undefined);
      }
      if (input.clientSecret !== undefined) {
        if (current.environment === 'demo' || current.environment === 'env') {
          throw prefixFields({ clientSecret: ['This workspace has no stored secret.'] });
        }
        await ctx.secrets.set(secretAccount(current.id), input.clientSecret);
      }
      writeTx(db, () => {
        const updated = workspacesRepo.update(db, current.id, patch, ctx.now());
        audit(updated, 'workspace.updated', {
          changed: Object.keys(patch).sort(),
          secretReplaced: input.clientSecret !== undefined,
        });
      });
      if (ctx.runtime.activeId() === current.id) await ctx.runtime.reload();
      await changed();
      return viewOf(current.id);
    },

    async remove(id) {
      const ws = workspacesRepo.get(db, id);
      if (!ws) throw workspaceNotFound();
      const wasActive = ctx.runtime.activeId() === id;
      if (wasActive) await ctx.runtime.activate(null);
      // Keychain first: if it is unavailable the workspace stays whole and the officer can retry.
      for (const account of await ctx.secrets.accounts()) {
        if (account.startsWith(`${id}:`)) await ctx.secrets.delete(account);
      }
      workspacesRepo.purge(db, id);
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
