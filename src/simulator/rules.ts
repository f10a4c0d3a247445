import type { KycRule, KycStatusReason, OcrValidation } from '../shared/wire/schemas';
import { ageAt, dateOnly, dayStart } from './dates';
import type { DocumentData } from './document-data';
import { derived } from './random';
import type { IdvRecord, Mismatch, Outcome } from './types';

type RuleName =
  | 'DocumentNotExpired'
  | 'DocumentHasFace'
  | 'DocumentHasBothSides'
  | 'DocumentTypeNotProhibited'
  | 'NotUnder18'
  | 'SelfieHasFace'
  | 'SelfieAndDocumentFacesMatch'
  | 'SuccessfulPassiveLivenessCheck';

// A type alias, not an interface, so it stays assignable to the loose wire type.
type Rule = {
  name: RuleName;
  status: 'Success' | 'Fail';
  reason?: string;
};

const FAIL_TEXT: Record<RuleName, string> = {
  DocumentNotExpired: 'The document has expired.',
  DocumentHasFace: 'No face was found on the document.',
  DocumentHasBothSides: 'Both sides of the document are required.',
  DocumentTypeNotProhibited: 'This document type is not accepted.',
  NotUnder18: 'The person is under 18.',
  SelfieHasFace: 'No face was found on the selfie.',
  SelfieAndDocumentFacesMatch: 'The selfie does not match the document photo.',
  SuccessfulPassiveLivenessCheck: 'The liveness check did not pass.',
};

/** Why a KYC is rejected when one of its automatic checks failed. */
const REASON_OF_RULE: Partial<Record<RuleName, KycStatusReason>> = {
  DocumentNotExpired: 'DocumentExpired',
  NotUnder18: 'Underage',
  DocumentHasBothSides: 'MissingDocumentPhoto',
  SelfieHasFace: 'UnrelatedPhotoSubmit',
};

/** The automatic checks as the submitted data makes them come out. */
export function dataRules(data: DocumentData, submittedAt: number): Rule[] {
  const ok = (name: RuleName, pass: boolean): Rule =>
    pass ? { name, status: 'Success' } : { name, status: 'Fail', reason: FAIL_TEXT[name] };
  const rules: Rule[] = [
    ok('DocumentNotExpired', dayStart(data.dateOfExpiration) >= dayStart(dateOnly(submittedAt))),
    ok('DocumentHasFace', true),
  ];
  if (data.type !== 'Passport') rules.push(ok('DocumentHasBothSides', data.hasBack));
  rules.push(
    ok('DocumentTypeNotProhibited', true),
    ok('NotUnder18', ageAt(data.dateOfBirth, submittedAt) >= 18),
  );
  return rules;
}

export function selfieRules(data: DocumentData): Rule[] {
  const present = data.hasSelfie;
  return (['SelfieHasFace', 'SelfieAndDocumentFacesMatch', 'SuccessfulPassiveLivenessCheck'] as const).map(
    (name): Rule =>
      present ? { name, status: 'Success' } : { name, status: 'Fail', reason: FAIL_TEXT[name] },
  );
}

export function automaticRules(data: DocumentData, setupHasSelfie: boolean, submittedAt: number): Rule[] {
  return [...dataRules(data, submittedAt), ...(setupHasSelfie ? selfieRules(data) : [])];
}

function firstFailureReason(rules: Rule[]): KycStatusReason | undefined {
  for (const rule of rules) {
    const reason = rule.status === 'Fail' ? REASON_OF_RULE[rule.name] : undefined;
    if (reason) return reason;
  }
  return undefined;
}

const RANDOM_REASONS: readonly KycStatusReason[] = [
  'PoorPhotoQuality',
  'UnrelatedPhotoSubmit',
  'PossibleFraud',
];

/**
 * The decision `decide` applies. An explicit outcome (control route, demo picker) wins; otherwise a
 * failing automatic check rejects; otherwise the autopilot's draw, else approval.
 */
export function resolveDecision(record: IdvRecord, rules: Rule[]): Outcome {
  const failure = firstFailureReason(rules);
  const explicit = record.outcome;
  if (explicit) {
    if (explicit.status === 'Approved' || explicit.statusReason) return explicit;
    return {
      status: 'Rejected',
      statusReason: failure ?? derived(record.seed, 'reason').pick(RANDOM_REASONS),
    };
  }
  if (failure) return { status: 'Rejected', statusReason: failure };
  return record.plannedOutcome ?? { status: 'Approved' };
}

/** A rejection names a rule that failed; when the data did not fail one, the reason picks it. */
export function rulesAfterDecision(rules: Rule[], decision: Outcome | undefined, selfie: boolean): KycRule[] {
  if (decision?.status !== 'Rejected' || rules.some((r) => r.status === 'Fail')) return rules;
  const target = ruleForReason(decision.statusReason, selfie, rules);
  if (!target) return rules;
  return rules.map((r) =>
    r.name === target ? { name: r.name, status: 'Fail', reason: FAIL_TEXT[r.name] } : r,
  );
}

function ruleForReason(reason: string | undefined, selfie: boolean, rules: Rule[]): RuleName | undefined {
  const has = (name: RuleName): boolean => rules.some((r) => r.name === name);
  switch (reason) {
    case 'DocumentExpired':
      return 'DocumentNotExpired';
    case 'Underage':
      return 'NotUnder18';
    case 'MissingDocumentPhoto':
      return has('DocumentHasBothSides') ? 'DocumentHasBothSides' : 'DocumentHasFace';
    case 'UnrelatedPhotoSubmit':
    case 'PoorPhotoQuality':
      return 'DocumentHasFace';
    case 'FacesDoNotMatch':
      return selfie ? 'SelfieAndDocumentFacesMatch' : 'DocumentHasFace';
    case 'PossibleFraud':
      return selfie ? 'SuccessfulPassiveLivenessCheck' : 'DocumentTypeNotProhibited';
    default:
      // DataMismatch and reasons we do not know have no rule of their own.
      return undefined;
  }
}

const OCR_KEYS = [
  'FirstName',
  'LastName',
  'DateOfBirth',
  'DateOfExpiration',
  'DateOfIssue',
  'DocumentNumber',
  'PersonalCode',
  'Nationality',
  'Gender',
] as const;
const MISMATCH_KEYS = [
  ['firstName', 'FirstName'],
  ['lastName', 'LastName'],
  ['dateOfBirth', 'DateOfBirth'],
  ['personalCode', 'PersonalCode'],
  ['dateOfExpiration', 'DateOfExpiration'],
  ['documentNumber', 'DocumentNumber'],
] as const satisfies ReadonlyArray<readonly [keyof Mismatch, (typeof OCR_KEYS)[number]]>;

/** Fields read differently from what was registered, and an expired date, are reported invalid. */
export function ocrValidations(data: DocumentData, mismatch: Mismatch, rules: Rule[]): OcrValidation[] {
  const invalid = new Set<string>();
  for (const [field, key] of MISMATCH_KEYS) {
    if (mismatch[field] !== undefined) invalid.add(key);
  }
  if (rules.some((r) => r.name === 'DocumentNotExpired' && r.status === 'Fail'))
    invalid.add('DateOfExpiration');
  const keys: string[] = [...OCR_KEYS];
  if (data.category) keys.push('Category');
  return keys.map((key) => ({ key, isValid: !invalid.has(key) }));
}
