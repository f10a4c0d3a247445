import { describe, expect, it } from 'vitest';
import type { JsonObject } from '../../../src/shared/domain/json';
import {
  computeRiskFlags,
  unreviewedFlags,
  type RiskFlag,
  type RiskFlagInput,
} from '../../../src/shared/domain/risk-flags';

const DECISION_DATE = { year: 2026, month: 3, day: 1 };

const DOC: JsonObject = {
  firstName: 'RASA',
  lastName: 'PETRAITIENĖ',
  dateOfBirth: '1990-05-17',
  personalCode: '49005171234',
  documentNumber: 'LT1234567',
  dateOfIssue: '2020-01-10',
  dateOfExpiration: '2030-01-10',
  nationalityIso3: 'LTU',
  countryIso3: 'LTU',
  type: 'IdCard',
  mrzVerified: true,
  ocrValidations: [{ key: 'FirstName', isValid: true }],
};

const RULES = [
  { name: 'DocumentNotExpired', status: 'Success' },
  { name: 'SelfieAndDocumentFacesMatch', status: 'Success' },
];

const FILES = [
  { part: 'Front', fileType: 'Document', cached: true },
  { part: 'Back', fileType: 'Document', cached: true },
  { part: 'Selfie', fileType: 'Face', cached: true },
];

interface Overrides {
  idvStatus?: string;
  kycStatus?: string | null;
  statusReason?: string | null;
  doc?: JsonObject | null;
  rules?: JsonObject[];
  files?: { part: string | null; fileType: string | null; cached: boolean }[];
  registration?: RiskFlagInput['registration'];
  noKyc?: boolean;
}

function input(o: Overrides = {}): RiskFlagInput {
  const status = o.kycStatus === undefined ? 'Approved' : o.kycStatus;
  const payload: JsonObject = { status, rules: o.rules ?? RULES };
  const doc = o.doc === undefined ? DOC : o.doc;
  if (doc) payload.document = doc;
  return {
    idvStatus: o.idvStatus ?? 'Completed',
    kycStatus: o.noKyc ? null : status,
    kycStatusReason: o.statusReason ?? null,
    registration:
      o.registration === undefined
        ? {
            firstName: 'Rasa',
            lastName: 'Petraitienė',
            dateOfBirth: '1990-05-17',
            personalCode: '49005171234',
            countryCode: 'LT',
          }
        : o.registration,
    kyc:
      o.noKyc || status === null
        ? null
        : { status, statusReason: o.statusReason ?? null, payload, files: o.files ?? FILES },
  };
}

function flags(o: Overrides = {}, decisionDate = DECISION_DATE): RiskFlag[] {
  return computeRiskFlags(input(o), { decisionDate });
}

function codes(o: Overrides = {}, decisionDate = DECISION_DATE): string[] {
  return flags(o, decisionDate).map((f) => f.code);
}

function one(code: string, o: Overrides, decisionDate = DECISION_DATE): RiskFlag {
  const found = flags(o, decisionDate).find((f) => f.code === code);
  if (!found) throw new Error(`no flag ${code} in ${codes(o, decisionDate).join(', ')}`);
  return found;
}

describe('computeRiskFlags', () => {
  it('raises nothing for a completed, approved case whose data all match', () => {
    expect(flags()).toEqual([]);
  });

  it('blocks a case whose IDV is not Completed, keeping an unknown status as it came', () => {
    expect(one('idv_not_completed', { idvStatus: 'Pending', noKyc: true })).toMatchObject({
      severity: 'block',
      detail: 'Ondato IDV status: Pending',
      anchor: { section: 'status', field: 'idvStatus' },
    });
    expect(one('idv_not_completed', { idvStatus: 'OnHold' }).detail).toBe(
      'Ondato IDV status: OnHold (not a status KYC Desk knows)',
    );
    expect(flags({ idvStatus: 'Pending', noKyc: true })[0]?.code).toBe('idv_not_completed');
  });

  it('flags a KYC Ondato has not decided yet, or no KYC at all', () => {
    expect(one('kyc_not_decided', { kycStatus: 'Awaiting' }).severity).toBe('high');
    expect(one('kyc_not_decided', { noKyc: true }).detail).toBe('No KYC identification yet');
  });

  it('flags an Ondato rejection with its reason, known or not', () => {
    expect(one('kyc_rejected', { kycStatus: 'Rejected', statusReason: 'FacesDoNotMatch' }).detail).toBe(
      'Rejected by Ondato: Faces do not match (FacesDoNotMatch)',
    );
    expect(one('kyc_rejected', { kycStatus: 'Rejected', statusReason: 'SanctionsHit' }).detail).toBe(
      'Rejected by Ondato: SanctionsHit',
    );
    expect(one('kyc_rejected', { kycStatus: 'Rejected' }).detail).toBe('Rejected by Ondato: no reason given');
  });

  it('keeps an unknown KYC status as a flag of its own', () => {
    expect(one('kyc_status_unknown', { kycStatus: 'ManualReview' }).detail).toBe(
      'Ondato KYC status: ManualReview',
    );
  });

  it('flags data mismatches after folding accents, and shows accent-only matches as such', () => {
    const mismatch = one('mismatch.lastName', { doc: { ...DOC, lastName: 'PETRAITIS' } });
    expect(mismatch).toMatchObject({
      severity: 'high',
      detail: 'Last name: Petraitienė / PETRAITIS',
      anchor: { section: 'comparison', field: 'lastName' },
    });
    expect(codes({ doc: { ...DOC, lastName: 'PETRAITIENE' } })).toEqual(['accents.lastName']);
    expect(
      one('accents.lastName', {
        registration: { lastName: 'Šimkutė', firstName: 'Rasa', dateOfBirth: '1990-05-17' },
        doc: { ...DOC, lastName: 'SIMKUTE', personalCode: null },
      }),
    ).toMatchObject({ severity: 'low', detail: 'Last name: Šimkutė / SIMKUTE — matches ignoring accents' });
    expect(codes({ doc: { ...DOC, lastName: 'Petraitienė' } })).toEqual([]);
  });

  it('flags a name that matches only as transliterated, low, rather than as a mismatch', () => {
    const r = one('transliterated.lastName', {
      registration: { lastName: 'Müller', firstName: 'Rasa', dateOfBirth: '1990-05-17' },
      doc: { ...DOC, lastName: 'MUELLER', personalCode: null },
    });
    expect(r).toMatchObject({ severity: 'low', label: 'Last name matches only as transliterated' });
    expect(r.detail).toBe(
      'Last name: Müller / MUELLER — Matches as transliterated (ICAO 9303: Ü → UE): Müller / MUELLER',
    );
  });

  it('flags a value entered but not read from the document', () => {
    expect(one('missing.personalCode', { doc: { ...DOC, personalCode: null } }).severity).toBe('medium');
  });

  it('flags an expired document, and one expiring within 30 days but not 31', () => {
    expect(one('document_expired', { doc: { ...DOC, dateOfExpiration: '2026-02-28' } }).detail).toBe(
      'Expired on 2026-02-28',
    );
    expect(codes({ doc: { ...DOC, dateOfExpiration: '2026-03-01' } })).toEqual(['document_expiring']);
    expect(one('document_expiring', { doc: { ...DOC, dateOfExpiration: '2026-03-31' } }).detail).toBe(
      'Expires on 2026-03-31, in 30 days',
    );
    expect(codes({ doc: { ...DOC, dateOfExpiration: '2026-04-01' } })).toEqual([]);
  });

  it('flags an issue date after the expiry date or after the decision date', () => {
    expect(
      codes({ doc: { ...DOC, dateOfIssue: '2031-01-01', dateOfExpiration: '2030-01-10' } }).sort(),
    ).toEqual(['issue_after_expiry', 'issue_in_future']);
    expect(codes({ doc: { ...DOC, dateOfIssue: '2026-03-02' } })).toEqual(['issue_in_future']);
    expect(codes({ doc: { ...DOC, dateOfIssue: '2026-03-01' } })).toEqual([]);
  });

  it('flags a customer under 18 on the decision date; the 18th birthday itself is adult', () => {
    const born = (dateOfBirth: string): Overrides => ({
      doc: { ...DOC, dateOfBirth },
      registration: { firstName: 'Rasa', lastName: 'Petraitienė', personalCode: '49005171234' },
    });
    expect(codes(born('2008-03-01'))).toEqual([]);
    expect(one('under_18', born('2008-03-02')).detail).toBe('Born 2008-03-02 (document): 17 on 2026-03-01');
  });

  it('turns a 29 February birthday 18 on 1 March in a common year', () => {
    const leap: Overrides = {
      doc: { ...DOC, dateOfBirth: '2008-02-29' },
      registration: { firstName: 'Rasa', lastName: 'Petraitienė', personalCode: '49005171234' },
    };
    expect(codes(leap, { year: 2026, month: 2, day: 28 })).toEqual(['under_18']);
    expect(codes(leap, { year: 2026, month: 3, day: 1 })).toEqual([]);
  });

  it('uses the registration date of birth when the document has none', () => {
    expect(
      one('under_18', {
        doc: { ...DOC, dateOfBirth: null },
        registration: { firstName: 'Rasa', lastName: 'Petraitienė', dateOfBirth: '2010-01-01' },
      }).detail,
    ).toMatch(/\(registration\): 16/);
  });

  it('flags failed Ondato checks with their reason, and keeps unknown results', () => {
    const failed = one('check_failed.SelfieAndDocumentFacesMatch', {
      rules: [{ name: 'SelfieAndDocumentFacesMatch', status: 'Fail', reason: 'Faces do not match' }],
    });
    expect(failed).toMatchObject({
      severity: 'high',
      label: 'Ondato check failed: Selfie matches the document photo',
      detail: 'SelfieAndDocumentFacesMatch: Faces do not match',
    });
    expect(one('check_unclear.Hologram', { rules: [{ name: 'Hologram', status: 'Warning' }] }).detail).toBe(
      'Hologram: Warning (not a result KYC Desk knows)',
    );
    expect(codes({ rules: [{ name: 'a/../b c', status: 'Fail' }] })[0]).toBe('check_failed.a____b_c');
  });

  it('flags OCR fields Ondato marked not valid', () => {
    expect(codes({ doc: { ...DOC, ocrValidations: [{ key: 'HologramCheck', isValid: false }] } })).toEqual([
      'ocr_invalid.HologramCheck',
    ]);
  });

  it('flags an MRZ that is not verified, except on a driving licence', () => {
    expect(one('mrz_not_verified', { doc: { ...DOC, mrzVerified: false } }).detail).toBe(
      'Ondato: MRZ not verified',
    );
    expect(codes({ doc: { ...DOC, mrzVerified: null } })).toEqual(['mrz_not_verified']);
    expect(codes({ doc: { ...DOC, type: 'DriverLicense', mrzVerified: false } })).toEqual([]);
  });

  it('flags missing or not yet downloaded images', () => {
    expect(one('images_missing', { files: [FILES[0]!] }).detail).toBe('no selfie');
    expect(one('images_missing', { files: [] }).detail).toBe('no document image; no selfie');
    expect(one('images_missing', { files: FILES.map((f, i) => ({ ...f, cached: i !== 2 })) }).detail).toBe(
      '1 of 3 image(s) not downloaded yet',
    );
  });

  it('orders by severity and lists what an accept still has to override', () => {
    const all = flags({ idvStatus: 'Expired', doc: { ...DOC, lastName: 'X', mrzVerified: false } });
    expect(all.map((f) => f.severity)).toEqual(['block', 'high', 'medium']);
    expect(unreviewedFlags(all, ['mismatch.lastName']).map((f) => f.code)).toEqual(['mrz_not_verified']);
  });
});
