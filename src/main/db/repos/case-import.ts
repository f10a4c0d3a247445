import { writeTx } from '../storage';
import type { Idv } from '../../../shared/wire/schemas';
import { cacheError } from '../errors';
import { canonicalJson, stmt, type Db } from '../sql';
import { append as appendAudit } from './audit';
import { applyIdv } from './cases';
import { refreshIdentity } from './case-identity';
import { markImported } from './lifecycle';

const REGISTRATION_FIELDS = [
  'firstName',
  'middleName',
  'lastName',
  'dateOfBirth',
  'personalCode',
  'email',
  'phoneNumber',
  'countryCode',
] as const;

/** The IDV's registration, without the nulls a C# model sends for missing fields; null when empty. */
function registrationOf(idv: Idv): Record<string, string | number> | null {
  const source = idv.registration;
  if (!source) return null;
  const out: Record<string, string | number> = {};
  for (const key of REGISTRATION_FIELDS) {
    const value: unknown = source[key];
    if (typeof value === 'string' ? value.trim() !== '' : typeof value === 'number') {
      out[key] = value as string | number;
    }
  }
  return Object.keys(out).length > 0 ? out : null;
}

/**
 * Tracks an IDV created outside KYC Desk: the case row from the IDV (its registration as the case's
 * registration), marked imported, with a `case.imported` audit event — one transaction. 'exists' when
 * the case is already in the cache (re-importing is harmless and adds nothing).
 */
export function importIdv(
  db: Db,
  ws: string,
  idv: Idv,
  actor: { at: number; osUser: string; officerName: string | null; source: 'id' | 'since' },
): 'imported' | 'exists' {
  return writeTx(db, (): 'imported' | 'exists' => {
    const existing = stmt<{ workspace_id: string }>(
      db,
      'SELECT workspace_id FROM cases WHERE lower(id) = lower(?)',
    ).get(idv.id);
    if (existing && existing.workspace_id !== ws) throw cacheError('case_conflict');
    if (existing) return 'exists';
    applyIdv(db, ws, idv, 0, actor.at);
    const registration = registrationOf(idv);
    if (registration !== null) {
      stmt(db, 'UPDATE cases SET registration_json = ? WHERE id = ?').run(
        canonicalJson(registration),
        idv.id,
      );
      refreshIdentity(db, idv.id);
    }
    markImported(db, idv.id, actor.at);
    appendAudit(db, ws, {
      caseId: idv.id,
      action: 'case.imported',
      at: actor.at,
      osUser: actor.osUser,
      officerName: actor.officerName,
      details: { source: actor.source, setupId: idv.setup?.id ?? null, idvStatus: idv.status },
    });
    return 'imported';
  });
}
