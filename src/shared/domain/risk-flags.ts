import type { CaseDetail, KycFileInfo } from './case';
import { compareCase, documentOf, ocrValidationsOf, rulesOf, textOf, type ComparisonRow } from './compare';
import { addDays, ageOn, compareDates, daysBetween, isoDate, parseDate, type CalendarDate } from './dates';
import type { JsonObject } from './json';
import { ruleNameLabel, statusReasonLabel } from './ondato-terms';

/*
 * What an officer must have looked at before accepting a case. Computed in one place from the cached
 * case so the review screen, main's decision guard, the CLI and the evidence export can never disagree:
 * main recomputes the flags at decision time and refuses an accept that does not cover every one.
 */

/** `block`: no override possible (accept is refused outright). The others need an override to accept. */
export type RiskSeverity = 'block' | 'high' | 'medium' | 'low';

/** Where on the review screen the evidence for a flag is. */
export type RiskSection = 'status' | 'checks' | 'comparison' | 'images';

export interface RiskFlag {
  /** Stable identifier stored with an override (`document_expired`, `mismatch.lastName`, …). */
  code: string;
  severity: RiskSeverity;
  /** What is wrong, in the officer's words. */
  label: string;
  /** The evidence behind it ("Expired on 2026-03-01"). */
  detail: string;
  anchor: { section: RiskSection; field: string | null };
}

/** The parts of a case the flags read: a CaseView or CaseDetail fits. */
export type RiskFlagInput = Pick<
  CaseDetail,
  'idvStatus' | 'kycStatus' | 'kycStatusReason' | 'registration'
> & {
  kyc:
    | (Pick<NonNullable<CaseDetail['kyc']>, 'status' | 'statusReason' | 'payload'> & {
        files: readonly FileLike[];
      })
    | null;
};

/** Days before expiry from which a document counts as expiring. */
export const EXPIRING_WITHIN_DAYS = 30;
export const ADULT_AGE = 18;
/** The shortest note that explains an accept over flags. */
export const OVERRIDE_NOTE_MIN = 20;

const SEVERITY_ORDER: Record<RiskSeverity, number> = { block: 0, high: 1, medium: 2, low: 3 };

const KNOWN_IDV = new Set(['Pending', 'InProgress', 'Completed', 'Aborted', 'Expired', 'Suspended']);
const KNOWN_RULE_STATUS = new Set(['Success', 'Fail']);

/** Codes hold Ondato's names (rule, OCR key); keep them to a safe alphabet and a bounded length. */
function codePart(text: string): string {
  return text.replace(/[^A-Za-z0-9_-]/g, '_').slice(0, 60);
}

function flag(
  code: string,
  severity: RiskSeverity,
  label: string,
  detail: string,
  section: RiskSection,
  field: string | null = null,
): RiskFlag {
  return { code, severity, label, detail, anchor: { section, field } };
}

function reasonText(reason: string | null): string {
  if (!reason) return 'no reason given';
  const label = statusReasonLabel(reason);
  return label.unknown ? reason : `${label.text} (${reason})`;
}

function statusFlags(input: RiskFlagInput): RiskFlag[] {
  const out: RiskFlag[] = [];
  const idv = input.idvStatus;
  if (idv !== 'Completed') {
    const known = KNOWN_IDV.has(idv) ? '' : ' (not a status KYC Desk knows)';
    out.push(
      flag(
        'idv_not_completed',
        'block',
        'The customer has not completed the identity check',
        `Ondato IDV status: ${idv}${known}`,
        'status',
        'idvStatus',
      ),
    );
  }
  const status = input.kyc?.status ?? input.kycStatus;
  const reason = input.kyc ? input.kyc.statusReason : input.kycStatusReason;
  if (status === null) {
    out.push(
      flag(
        'kyc_not_decided',
        'high',
        'Ondato has not decided the KYC yet',
        'No KYC identification yet',
        'checks',
        'status',
      ),
    );
  } else if (status === 'Awaiting') {
    out.push(
      flag(
        'kyc_not_decided',
        'high',
        'Ondato has not decided the KYC yet',
        `Ondato KYC status: Awaiting${reason ? ` (${reasonText(reason)})` : ''}`,
        'checks',
        'status',
      ),
    );
  } else if (status === 'Rejected') {
    out.push(
      flag(
        'kyc_rejected',
        'high',
        'Ondato rejected the KYC',
        `Rejected by Ondato: ${reasonText(reason)}`,
        'checks',
        'status',
      ),
    );
  } else if (status !== 'Approved') {
    out.push(
      flag(
        'kyc_status_unknown',
        'high',
        'Ondato returned a KYC status KYC Desk does not know',
        `Ondato KYC status: ${status}${reason ? ` (${reasonText(reason)})` : ''}`,
        'checks',
        'status',
      ),
    );
  }
  return out;
}

const NAME_ROWS = new Set(['firstName', 'middleName', 'lastName']);

function comparisonFlags(rows: readonly ComparisonRow[]): RiskFlag[] {
  const out: RiskFlag[] = [];
  for (const row of rows) {
    const pair = `${row.label}: ${row.entered ?? '—'} / ${row.document ?? '—'}`;
    if (row.verdict === 'mismatch') {
      out.push(
        flag(
          `mismatch.${row.key}`,
          'high',
          `${row.label} does not match the document`,
          pair,
          'comparison',
          row.key,
        ),
      );
    } else if (row.verdict === 'missing' && row.entered !== null && row.document === null) {
      out.push(
        flag(
          `missing.${row.key}`,
          'medium',
          `${row.label} was entered but not read from the document`,
          pair,
          'comparison',
          row.key,
        ),
      );
    } else if (row.verdict === 'match' && NAME_ROWS.has(row.key) && row.kind === 'accents') {
      out.push(
        flag(
          `accents.${row.key}`,
          'low',
          `${row.label} matches only ignoring accents`,
          `${pair} — matches ignoring accents`,
          'comparison',
          row.key,
        ),
      );
    } else if (row.verdict === 'match' && NAME_ROWS.has(row.key) && row.kind === 'transliterated') {
      // The spelling on record is not the document's: worth a look, as with accents.
      out.push(
        flag(
          `transliterated.${row.key}`,
          'low',
          `${row.label} matches only as transliterated`,
          `${pair} — ${row.note ?? 'matches as transliterated'}`,
          'comparison',
          row.key,
        ),
      );
    }
  }
  return out;
}

function dateFlags(doc: JsonObject, input: RiskFlagInput, today: CalendarDate): RiskFlag[] {
  const out: RiskFlag[] = [];
  const expiryText = textOf(doc.dateOfExpiration);
  const expiry = parseDate(expiryText);
  if (expiry && compareDates(expiry, today) < 0) {
    out.push(
      flag(
        'document_expired',
        'high',
        'The document has expired',
        `Expired on ${isoDate(expiry)}`,
        'comparison',
        'dateOfExpiration',
      ),
    );
  } else if (expiry && compareDates(expiry, addDays(today, EXPIRING_WITHIN_DAYS)) <= 0) {
    const days = daysBetween(today, expiry);
    out.push(
      flag(
        'document_expiring',
        'medium',
        `The document expires within ${EXPIRING_WITHIN_DAYS} days`,
        `Expires on ${isoDate(expiry)}, ${days === 0 ? 'today' : `in ${days} day${days === 1 ? '' : 's'}`}`,
        'comparison',
        'dateOfExpiration',
      ),
    );
  } else if (!expiry && expiryText !== null) {
    out.push(
      flag(
        'document_expiry_unreadable',
        'medium',
        'The expiry date cannot be read',
        `Date of expiry as read: ${expiryText}`,
        'comparison',
        'dateOfExpiration',
      ),
    );
  }

  const issue = parseDate(textOf(doc.dateOfIssue));
  if (issue && expiry && compareDates(issue, expiry) > 0) {
    out.push(
      flag(
        'issue_after_expiry',
        'high',
        'The document was issued after it expires',
        `Issued ${isoDate(issue)}, expires ${isoDate(expiry)}`,
        'comparison',
        'dateOfIssue',
      ),
    );
  }
  if (issue && compareDates(issue, today) > 0) {
    out.push(
      flag(
        'issue_in_future',
        'high',
        'The issue date is in the future',
        `Issued ${isoDate(issue)}`,
        'comparison',
        'dateOfIssue',
      ),
    );
  }

  const documentBirth = parseDate(textOf(doc.dateOfBirth));
  const entered = input.registration?.dateOfBirth;
  const birth = documentBirth ?? parseDate(typeof entered === 'string' ? entered : null);
  if (birth && ageOn(birth, today) < ADULT_AGE) {
    const source = documentBirth ? 'document' : 'registration';
    out.push(
      flag(
        'under_18',
        'high',
        `The customer is under ${ADULT_AGE} on the decision date`,
        `Born ${isoDate(birth)} (${source}): ${ageOn(birth, today)} on ${isoDate(today)}`,
        'comparison',
        'dateOfBirth',
      ),
    );
  } else if (!birth) {
    out.push(
      flag(
        'age_unknown',
        'medium',
        'The date of birth is unknown',
        'No readable date of birth on the document or the registration',
        'comparison',
        'dateOfBirth',
      ),
    );
  }
  return out;
}

function checkFlags(payload: JsonObject, doc: JsonObject | null): RiskFlag[] {
  const out: RiskFlag[] = [];
  for (const rule of rulesOf(payload)) {
    if (rule.status === 'Success') continue;
    const name = ruleNameLabel(rule.name).text;
    if (rule.status === 'Fail') {
      out.push(
        flag(
          `check_failed.${codePart(rule.name)}`,
          'high',
          `Ondato check failed: ${name}`,
          rule.reason ? `${rule.name}: ${rule.reason}` : rule.name,
          'checks',
          rule.name,
        ),
      );
    } else {
      const status = rule.status ?? 'no result';
      const known =
        rule.status === null || KNOWN_RULE_STATUS.has(rule.status) ? '' : ' (not a result KYC Desk knows)';
      out.push(
        flag(
          `check_unclear.${codePart(rule.name)}`,
          'medium',
          `Ondato check without a pass: ${name}`,
          `${rule.name}: ${status}${known}`,
          'checks',
          rule.name,
        ),
      );
    }
  }
  for (const ocr of ocrValidationsOf(doc)) {
    if (ocr.isValid !== false) continue;
    out.push(
      flag(
        `ocr_invalid.${codePart(ocr.key)}`,
        'medium',
        `Ondato's text recognition marked a field not valid`,
        ocr.key,
        'checks',
        ocr.key,
      ),
    );
  }
  // Driving licences carry no MRZ as a rule; Ondato reports them as not verified.
  if (doc && doc.mrzVerified !== true && textOf(doc.type) !== 'DriverLicense') {
    out.push(
      flag(
        'mrz_not_verified',
        'medium',
        'The machine-readable zone (MRZ) is not verified',
        doc.mrzVerified === false ? 'Ondato: MRZ not verified' : 'Ondato returned no MRZ result',
        'checks',
        'mrzVerified',
      ),
    );
  }
  return out;
}

type FileLike = Pick<KycFileInfo, 'part' | 'fileType' | 'cached'>;

function imageFlags(files: readonly FileLike[]): RiskFlag[] {
  const problems: string[] = [];
  const isSelfie = (f: FileLike): boolean =>
    /selfie|face|liveness/i.test(f.part ?? '') || /face|selfie|liveness/i.test(f.fileType ?? '');
  if (!files.some((f) => !isSelfie(f))) problems.push('no document image');
  if (!files.some(isSelfie)) problems.push('no selfie');
  const notCached = files.filter((f) => !f.cached).length;
  if (notCached) problems.push(`${notCached} of ${files.length} image(s) not downloaded yet`);
  if (problems.length === 0) return [];
  return [flag('images_missing', 'medium', 'Images are missing', problems.join('; '), 'images')];
}

function dedupe(flags: RiskFlag[]): RiskFlag[] {
  const byCode = new Map<string, RiskFlag>();
  for (const f of flags) {
    const seen = byCode.get(f.code);
    if (!seen) byCode.set(f.code, f);
    else if (!seen.detail.includes(f.detail)) seen.detail = `${seen.detail}; ${f.detail}`;
  }
  return [...byCode.values()];
}

/**
 * The risk flags of a case on `decisionDate` (the officer's calendar day), most severe first. Pure: the
 * same input gives the same flags in the renderer, in main and in the CLI.
 */
export function computeRiskFlags(input: RiskFlagInput, options: { decisionDate: CalendarDate }): RiskFlag[] {
  const today = options.decisionDate;
  const flags = statusFlags(input);
  const payload = input.kyc?.payload ?? null;
  const doc = documentOf(payload);
  if (doc) {
    const noon = new Date(today.year, today.month - 1, today.day, 12);
    flags.push(...comparisonFlags(compareCase(input.registration, payload, noon).rows));
    flags.push(...dateFlags(doc, input, today));
  }
  if (payload) flags.push(...checkFlags(payload, doc));
  if (input.kyc && (doc || input.idvStatus === 'Completed')) flags.push(...imageFlags(input.kyc.files));
  return dedupe(flags).sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
}

/** The flags an accept must override (every flag but the blocking ones, which cannot be overridden). */
export function unreviewedFlags(flags: readonly RiskFlag[], overridden: readonly string[]): RiskFlag[] {
  const ticked = new Set(overridden);
  return flags.filter((f) => f.severity !== 'block' && !ticked.has(f.code));
}
