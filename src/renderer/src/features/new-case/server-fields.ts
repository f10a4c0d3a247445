import type { NewCaseField } from '../../store/new-case-slice';

// Main answers with contract keys (`firstName`) or, for Ondato's own checks, its keys
// (`registration.phoneNumber`, `externalReferenceId`): both land on the field the officer typed in.
const ALIASES: Record<string, NewCaseField> = {
  firstName: 'firstName',
  middleName: 'middleName',
  lastName: 'lastName',
  dateOfBirth: 'dateOfBirth',
  personalCode: 'personalCode',
  countryCode: 'countryCode',
  email: 'email',
  phone: 'phone',
  phoneNumber: 'phone',
  externalRef: 'externalRef',
  externalReferenceId: 'externalRef',
  setupId: 'setupId',
};

/** Splits server field messages into ones for a form field and ones that fit none. */
export function mapServerFields(fields: Record<string, string[]>): {
  byField: Partial<Record<NewCaseField, string>>;
  other: string[];
} {
  const byField: Partial<Record<NewCaseField, string>> = {};
  const other: string[] = [];
  for (const [key, messages] of Object.entries(fields)) {
    const last = key.split('.').pop() ?? key;
    const field = ALIASES[last];
    const message = messages[0];
    if (!message) continue;
    if (field) byField[field] ??= message;
    else other.push(message);
  }
  return { byField, other };
}
