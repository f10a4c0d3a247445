/*
 * Officer words for Ondato's open enums that the review screen, the risk flags, the CLI and the
 * evidence export all show. Every lookup falls back to the raw value: a reason Ondato adds tomorrow is
 * shown as it came, never dropped or guessed at.
 */

function lookup(table: Record<string, string>, key: string): string | undefined {
  return Object.prototype.hasOwnProperty.call(table, key) ? table[key] : undefined;
}

const STATUS_REASON: Record<string, string> = {
  Unfinished: 'Customer has not finished yet',
  Processing: 'Submitted; Ondato is processing it',
  MissingDocumentPhoto: 'Document photo missing',
  UnrelatedPhotoSubmit: 'Unrelated photo submitted',
  DocumentExpired: 'Document expired',
  DataMismatch: 'Data does not match',
  FacesDoNotMatch: 'Faces do not match',
  PoorPhotoQuality: 'Poor photo quality',
  Underage: 'Customer is under age',
  PossibleFraud: 'Possible fraud',
};

/** A human label for a known KYC status reason; the raw value otherwise. */
export function statusReasonLabel(reason: string): { text: string; unknown: boolean } {
  const text = lookup(STATUS_REASON, reason);
  return text ? { text, unknown: false } : { text: reason, unknown: true };
}

const RULE_NAME: Record<string, string> = {
  DocumentNotExpired: 'Document is not expired',
  DocumentHasFace: 'Document shows a face',
  DocumentHasBothSides: 'Both sides of the document submitted',
  DocumentTypeNotProhibited: 'Document type is accepted',
  NotUnder18: 'Customer is 18 or older',
  SelfieHasFace: 'Selfie shows a face',
  SelfieAndDocumentFacesMatch: 'Selfie matches the document photo',
  SuccessfulPassiveLivenessCheck: 'Passive liveness check passed',
};

export function ruleNameLabel(name: string): { text: string; unknown: boolean } {
  const text = lookup(RULE_NAME, name);
  return text ? { text, unknown: false } : { text: name, unknown: true };
}
