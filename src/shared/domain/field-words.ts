import type { z } from 'zod';

/*
 * zod's own English ("Too small: expected string to have >=1 characters", "Invalid input: expected
 * number, received undefined") is written for developers. Most schemas give their own sentence; where
 * one does not, this turns zod's default into the officer's words, so no screen and no CLI line ever
 * shows zod's. A schema's own message is always kept as it is.
 */

type Issue = z.ZodError['issues'][number];

/** How a field is named inside a sentence ("Enter the client ID."), by the last part of its key. */
const NOUNS: Record<string, string> = {
  name: 'a name for the workspace',
  officerName: 'your name',
  clientId: 'the client ID',
  clientSecret: 'the client secret',
  setupId: 'a setup',
  customerBaseUrl: 'the customer address',
  authUrl: 'the sign-in address',
  idvApiUrl: 'the IDV API address',
  kycApiUrl: 'the KYC API address',
  firstName: 'the first name',
  lastName: 'the last name',
  email: 'an e-mail address',
  phoneNumber: 'a phone number',
  dateOfBirth: 'the date of birth',
  personalCode: 'the personal code',
  countryCode: 'a country',
  externalRef: 'an external reference',
  externalReferenceId: 'an external reference',
  reasonCode: 'a reason',
  decision: 'a decision',
  note: 'a note',
  pin: 'a PIN',
  currentPin: 'your current PIN',
  code: 'the recovery code',
  ids: 'one or more verification ids',
  days: 'a number of days',
  search: 'search text',
};

/** zod's default English per issue code: only these messages are replaced. */
const DEFAULTS: Partial<Record<Issue['code'], RegExp>> = {
  invalid_type: /^Invalid input(: expected|$)/,
  invalid_value: /^Invalid (input|option): expected /,
  too_big: /^Too big: expected /,
  too_small: /^Too small: expected /,
  invalid_format: /^Invalid /,
  not_multiple_of: /^Invalid number: must be a multiple of /,
  invalid_key: /^Invalid key in /,
  invalid_union: /^Invalid (input|discriminator value)/,
  invalid_element: /^Invalid value in /,
  custom: /^Invalid input$/,
};

export function isZodDefault(issue: Issue): boolean {
  return DEFAULTS[issue.code]?.test(issue.message) ?? false;
}

function nounOf(path: readonly PropertyKey[]): string {
  const last = [...path].reverse().find((part) => typeof part === 'string');
  return (typeof last === 'string' ? NOUNS[last] : undefined) ?? 'a value';
}

function plural(count: number | bigint, one: string, many: string): string {
  return `${count.toString()} ${Number(count) === 1 ? one : many}`;
}

function sizeMessage(issue: Extract<Issue, { code: 'too_small' | 'too_big' }>, noun: string): string {
  const small = issue.code === 'too_small';
  const bound = small
    ? (issue as { minimum: number | bigint }).minimum
    : (issue as { maximum: number | bigint }).maximum;
  switch (issue.origin) {
    case 'string':
      if (small && Number(bound) <= 1) return `Enter ${noun}.`;
      return small
        ? `Use at least ${plural(bound, 'character', 'characters')}.`
        : `Use at most ${plural(bound, 'character', 'characters')}.`;
    case 'array':
    case 'set':
      if (small && Number(bound) <= 1) return `Enter ${noun}.`;
      return small ? `Give at least ${bound.toString()}.` : `Give at most ${bound.toString()}.`;
    default:
      return small ? `Use ${bound.toString()} or more.` : `Use ${bound.toString()} or less.`;
  }
}

function formatMessage(format: string): string {
  switch (format) {
    case 'email':
      return 'Enter an e-mail address such as name@example.com.';
    case 'url':
      return 'Enter a full address that starts with https://.';
    case 'date':
    case 'datetime':
      return 'Use a date in the format YYYY-MM-DD.';
    case 'uuid':
    case 'guid':
      return 'This identifier is not in the form KYC Desk expects.';
    default:
      return 'Check the format of this value.';
  }
}

/** The officer's words for one issue: the schema's own message, or a plain sentence for zod's default. */
export function officerMessage(issue: Issue): string {
  if (issue.code === 'unrecognized_keys') return `Unknown field(s): ${issue.keys.join(', ')}.`;
  if (!isZodDefault(issue)) return issue.message;
  const noun = nounOf(issue.path);
  switch (issue.code) {
    case 'too_small':
    case 'too_big':
      return sizeMessage(issue, noun);
    case 'invalid_type':
      if (issue.expected === 'number' || issue.expected === 'bigint') return 'Enter a number.';
      if (issue.expected === 'int') return 'Enter a whole number.';
      if (issue.expected === 'boolean') return 'Choose yes or no.';
      return `Enter ${noun}.`;
    case 'invalid_value':
      return issue.values.length === 1
        ? `Use ${String(issue.values[0])}.`
        : `Choose one of: ${issue.values.map(String).join(', ')}.`;
    case 'invalid_format':
      return formatMessage(issue.format);
    case 'not_multiple_of':
      return `Use a multiple of ${issue.divisor.toString()}.`;
    default:
      return 'Check this value.';
  }
}
