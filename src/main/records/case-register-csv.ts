/*
 * The case register as CSV that spreadsheet software opens correctly: UTF-8 with a byte-order mark (so
 * Excel does not read Šimkutė as mojibake), CRLF records and RFC 4180 quoting. Formula injection: a cell
 * that starts with = + - @ (or a tab or carriage return, which some spreadsheets skip before evaluating)
 * is prefixed with an apostrophe so it is shown as text, never evaluated (OWASP "CSV injection").
 */

export interface RegisterRow {
  caseId: string;
  externalRef: string | null;
  customerName: string | null;
  idvStatus: string;
  kycStatus: string | null;
  kycStatusReason: string | null;
  decision: string | null;
  decisionReason: string | null;
  officer: string | null;
  decidedAt: string | null;
  createdUtc: string;
  modifiedUtc: string | null;
}

export const REGISTER_COLUMNS: readonly [keyof RegisterRow, string][] = [
  ['caseId', 'Case ID (Ondato IDV)'],
  ['externalRef', 'External reference'],
  ['customerName', 'Customer name'],
  ['idvStatus', 'IDV status'],
  ['kycStatus', 'KYC status'],
  ['kycStatusReason', 'KYC status reason'],
  ['decision', 'Officer decision'],
  ['decisionReason', 'Decision reason'],
  ['officer', 'Officer'],
  ['decidedAt', 'Decided at (UTC)'],
  ['createdUtc', 'Created at Ondato (UTC)'],
  ['modifiedUtc', 'Modified at Ondato (UTC)'],
];

const BOM = '\uFEFF';
const FORMULA_START = /^[=+\-@\t\r]/;

/** A cell made safe to open: formula-looking text becomes literal text. */
export function neutralise(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/** RFC 4180: quoted when it holds a comma, quote, CR or LF; quotes doubled. */
export function quote(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export function csvCell(value: string | null): string {
  return value === null ? '' : quote(neutralise(value));
}

export function registerCsv(rows: Iterable<RegisterRow>): string {
  const lines = [REGISTER_COLUMNS.map(([, header]) => quote(header)).join(',')];
  for (const row of rows) lines.push(REGISTER_COLUMNS.map(([key]) => csvCell(row[key])).join(','));
  return `${BOM}${lines.join('\r\n')}\r\n`;
}
