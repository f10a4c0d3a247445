import type { RegistrationData } from '../../../shared/domain/case';
import { caseSearchText } from '../../../shared/domain/search-text';
import { stmt, type Db } from '../sql';
import { refreshAttention } from './attention';

/** The name/personal-code fields of a KYC document, as far as the case list needs them. */
export interface DocumentIdentity {
  fullName?: unknown;
  firstName?: unknown;
  middleName?: unknown;
  lastName?: unknown;
  personalCode?: unknown;
}

export interface CaseIdentity {
  /** The case's name: the registered one, else (a case with no registration) the document's. */
  fullName: string | null;
  /** What the officer entered, else the registration Ondato holds for the IDV. */
  registeredName: string | null;
  /** What Ondato read from the document; null until a document is read. */
  nameAsRead: string | null;
  /** The registered personal code, else the document's. */
  personalCode: string | null;
  /** Folded spellings of both names and both personal codes, for the search index. */
  searchText: string | null;
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
  if (typeof s === 'number' && Number.isFinite(s)) return String(s);
  if (typeof s !== 'string') return null;
  const t = s.trim();
  return t === '' ? null : t;
}

/**
 * What the list shows and search indexes. The case keeps the name the officer registered: a document
 * read under another name (the impersonation case) must not rename it, or searching the registered
 * surname would find nothing. The document's name is kept beside it, and both are searchable.
 */
export function deriveIdentity(
  doc: DocumentIdentity | null | undefined,
  idvRegistration: RegistrationData | null | undefined,
  entered: RegistrationData | null | undefined,
): CaseIdentity {
  const registeredName = joinName(entered) ?? joinName(idvRegistration);
  const nameAsRead = nonEmpty(doc?.fullName) ?? joinName(doc);
  const registeredCode = nonEmpty(entered?.personalCode) ?? nonEmpty(idvRegistration?.personalCode);
  const codeAsRead = nonEmpty(doc?.personalCode);
  return {
    fullName: registeredName ?? nameAsRead,
    registeredName,
    nameAsRead,
    personalCode: registeredCode ?? codeAsRead,
    searchText: caseSearchText([registeredName, nameAsRead], [registeredCode, codeAsRead]),
  };
}

function parseOrNull<T>(text: string | null): T | null {
  if (text === null) return null;
  const value: unknown = JSON.parse(text);
  return value !== null && typeof value === 'object' ? (value as T) : null;
}

interface IdentityRow {
  seq: number;
  entered: string | null;
  idv_reg: string | null;
  doc_full_name: unknown;
  doc_first_name: unknown;
  doc_middle_name: unknown;
  doc_last_name: unknown;
  doc_personal_code: unknown;
  full_name: string | null;
  registered_name: string | null;
  name_as_read: string | null;
  personal_code: string | null;
  search_text: string | null;
}

// Only the document's name and code fields, extracted in SQL: parsing whole payloads (files, OCR
// results, rules) would cost more than everything else here together. `->` keeps the registration as
// JSON text whatever it holds (json_extract would hand a string value over bare, and JSON.parse fail).
const SELECT_IDENTITY = `SELECT c.seq, c.registration_json AS entered,
    c.idv_json -> '$.registration' AS idv_reg,
    k.payload_json ->> '$.document.fullName' AS doc_full_name,
    k.payload_json ->> '$.document.firstName' AS doc_first_name,
    k.payload_json ->> '$.document.middleName' AS doc_middle_name,
    k.payload_json ->> '$.document.lastName' AS doc_last_name,
    k.payload_json ->> '$.document.personalCode' AS doc_personal_code,
    c.full_name, c.registered_name, c.name_as_read, c.personal_code, c.search_text
  FROM cases c LEFT JOIN kyc k ON k.id = c.kyc_id`;

function update(db: Db, row: IdentityRow): void {
  const next = deriveIdentity(
    {
      fullName: row.doc_full_name,
      firstName: row.doc_first_name,
      middleName: row.doc_middle_name,
      lastName: row.doc_last_name,
      personalCode: row.doc_personal_code,
    },
    parseOrNull<RegistrationData>(row.idv_reg),
    parseOrNull<RegistrationData>(row.entered),
  );
  if (
    next.fullName === row.full_name &&
    next.registeredName === row.registered_name &&
    next.nameAsRead === row.name_as_read &&
    next.personalCode === row.personal_code &&
    next.searchText === row.search_text
  )
    return;
  stmt(
    db,
    `UPDATE cases SET full_name = ?, registered_name = ?, name_as_read = ?, personal_code = ?,
      search_text = ? WHERE seq = ?`,
  ).run(next.fullName, next.registeredName, next.nameAsRead, next.personalCode, next.searchText, row.seq);
}

/**
 * Recomputes a case's names, personal code and search text from what the cache holds (entered
 * registration, the IDV's registration, the current KYC document). Called inside every transaction
 * that changes one of those, so the list and the search index never disagree with the payloads.
 */
export function refreshIdentity(db: Db, caseId: string): void {
  // The same writes change what the risk flags read: the list's attention column follows them.
  refreshAttention(db, caseId);
  const row = stmt<IdentityRow>(db, `${SELECT_IDENTITY} WHERE c.id = ?`).get(caseId);
  if (row) update(db, row);
}

/** The same for every case, a page at a time (migration 0006 fills its new columns this way). */
export function refreshAllIdentities(db: Db): void {
  // better-sqlite3 cannot write while a SELECT is being iterated, and all rows at once could be large.
  const page = db.prepare<[number], IdentityRow>(
    `${SELECT_IDENTITY} WHERE c.seq > ? ORDER BY c.seq LIMIT 500`,
  );
  let after = -1;
  for (;;) {
    const rows = page.all(after);
    if (rows.length === 0) return;
    for (const row of rows) update(db, row);
    after = rows[rows.length - 1]!.seq;
  }
}
