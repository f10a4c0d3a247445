import { join } from 'node:path';
import * as workspacesRepo from '../db/repos/workspaces';
import { writeTombstone } from '../db/tombstone';
import { AppError } from '../errors';
import type { Workspace } from '../../shared/domain/workspace';
import { writeTrailExport, type TrailExport } from './audit-export';
import type { ServiceContext } from './context';
import { writeTx } from '../db/storage';

export function exportsDir(dataDir: string): string {
  return join(dataDir, 'exports');
}

export interface WorkspaceArchive {
  export: TrailExport;
  /** Writes the tombstone (desk chain) and purges the workspace in one transaction. */
  purge(reason: string): void;
}

/**
 * Step one of removing a workspace: its audit trail is written to `exports/` in the data directory
 * (the `audit export` format) before anything is changed; if that fails the removal is refused.
 * `purge` then records a tombstone in the desk chain (what, when, by whom, why, the export's path
 * and the removed chain's head) in the same transaction as the delete, and drops the chain's anchor.
 */
export function archiveAndTombstoneWorkspace(ctx: ServiceContext, ws: Workspace): WorkspaceArchive {
  const at = ctx.now();
  const stamp = new Date(at).toISOString().replace(/[:.]/g, '-');
  const safeId = ws.id.replace(/[^A-Za-z0-9_-]/g, '_');
  const path = join(exportsDir(ctx.dataDir), `audit-${safeId}-${stamp}.jsonl`);
  let exported: TrailExport;
  try {
    exported = writeTrailExport(ctx.db, ctx.auditTrail, ws, path, at);
  } catch (error) {
    throw new AppError(
      'workspace_archive_failed',
      'The workspace was not removed: its audit trail could not be saved to the exports folder first. Check that the data folder is writable, then retry.',
      { cause: error },
    );
  }
  return {
    export: exported,
    purge(reason) {
      writeTx(ctx.db, () => {
        writeTombstone(ctx.db, {
          workspaceId: ws.id,
          what: 'workspace',
          reason,
          by: { osUser: ctx.osUser, officerName: ws.officerName },
          at: ctx.now(),
          details: {
            workspaceName: ws.name,
            environment: ws.environment,
            exportPath: exported.path,
            removedHead: exported.head === null ? null : { ...exported.head },
            removedEvents: exported.events,
          },
        });
        workspacesRepo.purge(ctx.db, ws.id);
      });
      ctx.auditTrail.anchors.forget(ws.id);
    },
  };
}
