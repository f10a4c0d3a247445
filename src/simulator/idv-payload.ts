import type { Idv, Registration } from '../shared/wire/schemas';
import { iso } from './dates';
import { setupOf } from './lifecycle';
import type { IdvRecord } from './types';

function registrationJson(record: IdvRecord): Registration | undefined {
  const reg = record.registration;
  if (!reg) return undefined;
  const blank = record.redacted.personal;
  // A C# model serialises every property, missing ones as null.
  const field = <K extends keyof typeof reg>(key: K): (typeof reg)[K] | null =>
    blank ? null : (reg[key] ?? null);
  return {
    firstName: field('firstName'),
    middleName: field('middleName'),
    lastName: field('lastName'),
    dateOfBirth: field('dateOfBirth'),
    personalCode: field('personalCode'),
    email: field('email'),
    phoneNumber: field('phoneNumber'),
    countryCode: field('countryCode'),
  };
}

/** `GET /v1/identity-verifications/{id}`; steps the IDV has not reached yet are absent. */
export function idvJson(record: IdvRecord, applicationId: string): Idv {
  const setup = setupOf(record);
  const registration = registrationJson(record);
  const step: NonNullable<Idv['step']> = {};
  if (record.kyc) step.kycIdentification = { id: record.kyc.id };
  if (record.consentedAt !== undefined)
    step.consent = { isConsented: true, consentedUtc: iso(record.consentedAt) };
  return {
    id: record.id,
    status: record.status,
    applicationId,
    ...(record.externalReferenceId === undefined ? {} : { externalReferenceId: record.externalReferenceId }),
    createdUtc: iso(record.createdAt),
    modifiedUtc: iso(record.modifiedAt),
    setup: { id: setup.id, versionId: setup.versionId },
    ...(registration ? { registration } : {}),
    step,
    ...redactionJson(record),
  };
}

/**
 * The `redaction` field after a redaction. Its shape is our guess (docs/ondato-api.md): Ondato only
 * documents that redaction exists, not how a redacted resource looks.
 */
export function redactionJson(record: IdvRecord): { redaction?: Record<string, unknown> } {
  const { personal, biometric, at } = record.redacted;
  if (!personal && !biometric) return {};
  const scopes = [...(personal ? ['PersonalData'] : []), ...(biometric ? ['BiometricData'] : [])];
  return { redaction: { redactedUtc: iso(at ?? record.modifiedAt), scopes } };
}
