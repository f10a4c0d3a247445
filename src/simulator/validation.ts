import { parseCalendarDate, dateOnly } from './dates';
import type { FieldErrors } from './reply';
import { findSetup } from './setups';
import type { StoredRegistration } from './types';

export interface CreateIdvInput {
  setupId: string;
  externalReferenceId?: string;
  registration?: StoredRegistration;
}

export type Validated<T> = { ok: true; value: T } | { ok: false; errors: FieldErrors };

export const GUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// Deliberately loose, like .NET's EmailAddressAttribute: one @, something on both sides, a dot after.
const EMAIL_RE = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;
const STRING_TYPE_ERROR = 'The JSON value could not be converted to System.String.';

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Accepts a string or null/absent; anything else is a type error on that field. */
function optionalString(
  source: Record<string, unknown>,
  key: string,
  field: string,
  errors: FieldErrors,
): string | null | undefined {
  const value = source[key];
  if (value === undefined || value === null || typeof value === 'string') return value;
  errors[field] = [STRING_TYPE_ERROR];
  return undefined;
}

function validateSetupId(body: Record<string, unknown>, errors: FieldErrors): string | undefined {
  const raw = body['setupId'];
  if (raw === undefined || raw === null) {
    errors['setupId'] = ['The SetupId field is required.'];
  } else if (typeof raw !== 'string' || !GUID_RE.test(raw)) {
    errors['setupId'] = ['The value is not a valid GUID.'];
  } else {
    const setup = findSetup(raw);
    if (!setup) errors['setupId'] = [`Setup '${raw}' was not found.`];
    else if (setup.isDisabled) errors['setupId'] = [`Setup '${raw}' is disabled.`];
    else return setup.id;
  }
  return undefined;
}

function validateRegistration(
  raw: unknown,
  now: number,
  errors: FieldErrors,
): StoredRegistration | undefined {
  if (raw === undefined || raw === null) return undefined;
  if (!isRecord(raw)) {
    errors['registration'] = ['The JSON value could not be converted to Registration.'];
    return undefined;
  }
  const out: StoredRegistration = {};
  for (const key of ['firstName', 'middleName', 'lastName', 'personalCode'] as const) {
    const value = optionalString(raw, key, `registration.${key}`, errors);
    if (value !== undefined) out[key] = value;
  }

  const dob = optionalString(raw, 'dateOfBirth', 'registration.dateOfBirth', errors);
  if (typeof dob === 'string') {
    const date = parseCalendarDate(dob);
    if (!date) errors['registration.dateOfBirth'] = ['The value is not a valid date.'];
    else if (date > dateOnly(now))
      errors['registration.dateOfBirth'] = ['The date of birth cannot be in the future.'];
    else out.dateOfBirth = date;
  } else if (dob === null) {
    out.dateOfBirth = null;
  }

  const email = optionalString(raw, 'email', 'registration.email', errors);
  if (typeof email === 'string' && !EMAIL_RE.test(email)) {
    errors['registration.email'] = ['The Email field is not a valid e-mail address.'];
  } else if (email !== undefined) {
    out.email = email;
  }

  const phone = raw['phoneNumber'];
  if (phone !== undefined && phone !== null && typeof phone !== 'number') {
    errors['registration.phoneNumber'] = ['The value is not a number.'];
  } else if (
    typeof phone === 'number' &&
    (!Number.isSafeInteger(phone) || phone <= 0 || String(phone).length > 15)
  ) {
    errors['registration.phoneNumber'] = ['The value is not a valid phone number.'];
  } else if (phone !== undefined) {
    out.phoneNumber = phone;
  }

  const country = optionalString(raw, 'countryCode', 'registration.countryCode', errors);
  if (typeof country === 'string' && !/^[A-Z]{2}$/.test(country)) {
    errors['registration.countryCode'] = ['The value must be a two-letter ISO 3166-1 alpha-2 country code.'];
  } else if (country !== undefined) {
    out.countryCode = country;
  }
  return out;
}

/** `POST /v1/identity-verifications`. Unknown fields are ignored, as ASP.NET's model binder does. */
export function validateCreateIdv(body: unknown, now: number): Validated<CreateIdvInput> {
  if (!isRecord(body)) {
    return {
      ok: false,
      errors: { $: ['The JSON value could not be converted to CreateIdentityVerificationRequest.'] },
    };
  }
  const errors: FieldErrors = {};
  const setupId = validateSetupId(body, errors);
  const externalReferenceId = optionalString(body, 'externalReferenceId', 'externalReferenceId', errors);
  const registration = validateRegistration(body['registration'], now, errors);
  if (Object.keys(errors).length > 0 || setupId === undefined) return { ok: false, errors };
  const value: CreateIdvInput = { setupId };
  if (typeof externalReferenceId === 'string') value.externalReferenceId = externalReferenceId;
  if (registration) value.registration = registration;
  return { ok: true, value };
}
