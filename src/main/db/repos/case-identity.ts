import type { RegistrationData } from '../../../shared/domain/case';
import { stmt, type Db } from '../sql';
import { refreshAttention } from './attention';

/** The name/personal-code fields of a KYC document, as far as the case list needs them. */
export interface DocumentIdentity {
  fullName?: string | null;
  firstName?: string | null;
  middleName?: string | null;
  lastName?: string | null;
  personalCode?: string | null;
}

function joinName(p: DocumentIdentity | RegistrationData | null | undefined): string | null {
  if (!p) return null;
  const name = [p.firstName, p.middleName, p.lastName]
    .map(nonEmpty)
    .filter((s): s is string => s !== null)
    .join(' ');
  return name === '' ? null : name;
}

// Payloads are parsed leniently upstream, so a "string" field may hold anything.
function nonEmpty(s: unknown): string | null {
  if (typeof s !== 'string') return null;
  const t = s.trim();
  return t === '' ? null : t;
}

/**
 * What the list shows and search indexes. The document read from the customer's ID wins (it is what
 * was verified), then the registration Ondato returns, then what the officer entered.
 */
export function deriveIdentity(
  doc: DocumentIdentity | null | undefined,
  idvRegistration: RegistrationData | null | undefined,
  entered: RegistrationData | null | undefined,
): { fullName: string | null; personalCode: string | null } {
  return {
    fullName: nonEmpty(doc?.fullName) ?? joinName(doc) ?? joinName(idvRegistration) ?? joinName(entered),
    personalCode:
      nonEmpty(doc?.personalCode) ??
      nonEmpty(idvRegistration?.personalCode) ??
      nonEmpty(entered?.personalCode),
  };
}

function parseOrNull<T>(text: string | null): T | null {
  if (text === null) return null;
  const value: unknown = JSON.parse(text);
  return value !== null && typeof value === 'object' ? (value as T) : null;
}

/**
 * Recomputes a case's list name and personal code from what the cache holds (entered registration,
 * the IDV's registration, the current KYC document). Called inside every transaction that changes
 * one of those, so the list and the search index never disagree with the payloads.
 */
export function refreshIdentity(db: Db, caseId: string): void {
  // The same writes change what the risk flags read: the list's attention column follows them.
  refreshAttention(db, caseId);
  const row = stmt<{
    entered: string | null;
    idv_reg: string | null;
    doc: string | null;
    full_name: string | null;
    personal_code: string | null;
  }>(
    db,
    `SELECT c.registration_json AS entered, json_extract(c.idv_json, '$.registration') AS idv_reg,
      (SELECT json_extract(k.payload_json, '$.document') FROM kyc k WHERE k.id = c.kyc_id) AS doc,
      c.full_name, c.personal_code
    FROM cases c WHERE c.id = ?`,
  ).get(caseId);
  if (!row) return;
  const next = deriveIdentity(
    parseOrNull<DocumentIdentity>(row.doc),
    parseOrNull<RegistrationData>(row.idv_reg),
    parseOrNull<RegistrationData>(row.entered),
  );
  if (next.fullName === row.full_name && next.personalCode === row.personal_code) return;
  stmt(db, 'UPDATE cases SET full_name = ?, personal_code = ? WHERE id = ?').run(
    next.fullName,
    next.personalCode,
    caseId,
  );
}
