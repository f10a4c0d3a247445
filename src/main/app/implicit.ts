import * as auditRepo from '../db/repos/audit';
import * as settingsRepo from '../db/repos/settings';
import * as workspacesRepo from '../db/repos/workspaces';
import type { Db } from '../db/sql';
import { ACTIVE_WORKSPACE_KEY } from './runtime';
import type { ImplicitWorkspace } from '../services/workspace-client';
import { writeTx } from '../db/storage';

/**
 * Makes the CLI's environment-variable workspace a row of its own cache (so cases, decisions and the
 * audit trail have a workspace to belong to) and the active one. Only non-secret fields are stored;
 * the endpoints are kept for display, the secret never.
 */
export function ensureImplicitWorkspace(
  db: Db,
  implicit: ImplicitWorkspace,
  now: number,
  osUser: string,
): void {
  const overrides = { ...implicit.endpoints };
  const fields = {
    name: implicit.name,
    environment: 'env' as const,
    clientId: implicit.clientId,
    setupId: implicit.setupId ?? '',
    customerBaseUrl: implicit.endpoints.customerWebUrl,
    overrides,
    officerName: null,
  };
  writeTx(db, () => {
    const existing = workspacesRepo.get(db, implicit.id);
    if (!existing) {
      workspacesRepo.add(db, { id: implicit.id, ...fields }, now);
      auditRepo.append(db, implicit.id, {
        action: 'workspace.added',
        at: now,
        osUser,
        officerName: null,
        details: { environment: 'env' },
      });
    } else if (existing.setupId !== fields.setupId && fields.setupId !== '') {
      workspacesRepo.update(db, implicit.id, { setupId: fields.setupId }, now);
    }
    settingsRepo.set(db, ACTIVE_WORKSPACE_KEY, implicit.id);
  });
}
