import type { AuditEvent } from '../../shared/domain/audit';
import type { JsonObject } from '../../shared/domain/json';
import { append, appendDesk } from './repos/audit';
import type { Db } from './sql';

export interface Tombstone {
  workspaceId: string;
  /** What is removed: `workspace` (the whole workspace), or e.g. `cases`, `images`, `personal-data`. */
  what: string;
  caseIds?: readonly string[];
  reason: string;
  by: { osUser: string; officerName: string | null };
  at: number;
  /** Anything else worth keeping (export path, the removed chain's head, counts). */
  details?: JsonObject;
}

/**
 * Records a removal in the chain BEFORE the data goes (call it in the same transaction as the delete):
 * nothing is ever deleted silently. A whole workspace's tombstone goes to the desk chain, because the
 * workspace's own chain is deleted with it; any narrower removal (retention, redaction) goes to the
 * workspace's own chain, which survives it.
 */
export function writeTombstone(db: Db, t: Tombstone): AuditEvent {
  const details: JsonObject = {
    ...t.details,
    what: t.what,
    reason: t.reason,
    ...(t.caseIds === undefined ? {} : { caseIds: [...t.caseIds] }),
  };
  const event = {
    action: 'tombstone',
    at: t.at,
    osUser: t.by.osUser,
    officerName: t.by.officerName,
    details,
  };
  return t.what === 'workspace' ? appendDesk(db, t.workspaceId, event) : append(db, t.workspaceId, event);
}
