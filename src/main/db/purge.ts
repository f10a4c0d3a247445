import { writeTx } from './storage';
import type { Workspace } from '../../shared/domain/workspace';
import type { JsonObject } from '../../shared/domain/json';
import * as auditRepo from './repos/audit';
import * as lifecycleRepo from './repos/lifecycle';
import type { PurgeKind } from '../../shared/domain/case';
import { scrubFreedBytes, withSecureDelete } from './scrub';
import type { Db } from './sql';

/** What a purge removes and keeps, as written into its tombstone (the same for retention and redaction). */
export const REMOVED_DATA = [
  'registration',
  'names',
  'personal code',
  'date of birth',
  'document data',
  'images',
  'sync error messages',
] as const;
export const KEPT_DATA = ['ids', 'statuses', 'decision', 'dates', 'image SHA-256'] as const;

const ACTION: Record<PurgeKind, string> = { retention: 'retention.purged', redaction: 'case.redacted' };

export interface PurgeRequest {
  caseId: string;
  /** Why, in words, for the tombstone (the policy, or who asked for the redaction). */
  why: string;
  /** Extra tombstone details (policy days, redaction scopes, ...). */
  details?: JsonObject;
  redactedUtc?: string | null;
}

/**
 * Purges cases' personal data, each with its tombstone (`retention.purged` / `case.redacted`, an
 * ordinary audit event) in the same IMMEDIATE transaction, with secure_delete on; then scrubs the
 * freed bytes (scrub.ts). Returns the ids actually purged (a case gone meanwhile is skipped).
 */
export function purgeWithTombstones(
  db: Db,
  ws: Workspace,
  kind: PurgeKind,
  requests: readonly PurgeRequest[],
  actor: { at: number; osUser: string; officerName: string | null },
  beforeCommit?: () => void,
): string[] {
  const purged: string[] = [];
  withSecureDelete(db, () =>
    writeTx(db, () => {
      for (const r of requests) {
        const summary = lifecycleRepo.purgeCase(db, ws.id, r.caseId, {
          kind,
          at: actor.at,
          redactedUtc: r.redactedUtc ?? null,
        });
        if (!summary) continue;
        auditRepo.append(db, ws.id, {
          caseId: r.caseId,
          action: ACTION[kind],
          at: actor.at,
          osUser: actor.osUser,
          officerName: actor.officerName,
          details: {
            removed: [...REMOVED_DATA],
            kept: [...KEPT_DATA],
            caseIds: [r.caseId],
            files: summary.files,
            images: summary.images,
            why: r.why,
            ...r.details,
          },
        });
        purged.push(r.caseId);
      }
      beforeCommit?.();
    }),
  );
  if (purged.length > 0) scrubFreedBytes(db);
  return purged;
}

/** Ondato's redaction time from a payload's `redaction` field (its shape is a guess: lenient). */
export function redactedUtcOf(payload: unknown): string | null {
  if (payload === null || typeof payload !== 'object') return null;
  const redaction = (payload as Record<string, unknown>)['redaction'];
  if (redaction === null || typeof redaction !== 'object') return null;
  const at = (redaction as Record<string, unknown>)['redactedUtc'];
  return typeof at === 'string' && !Number.isNaN(Date.parse(at)) ? at : null;
}

/** The payload says it was redacted (any non-null `redaction` field). */
export function hasRedaction(payload: unknown): boolean {
  if (payload === null || typeof payload !== 'object') return false;
  const redaction = (payload as Record<string, unknown>)['redaction'];
  return redaction !== null && redaction !== undefined;
}
