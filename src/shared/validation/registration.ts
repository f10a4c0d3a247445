import { z } from 'zod';
import { isAssignedIso2 } from '../domain/countries';
import { ageOn, utcCalendarDate } from '../domain/dates';
import { firstFieldErrors } from '../domain/fields';
import { ADULT_AGE } from '../domain/risk-flags';

/*
 * The new-case form's rules, shared by the renderer (messages next to each field as the officer types)
 * and main (which validates every IPC call again before anything is sent to Ondato).
 */

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real calendar date in YYYY-MM-DD, as a UTC timestamp; null if the text is not one. */
export function parseIsoDate(text: string): number | null {
  const match = DATE.exec(text);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const time = Date.UTC(year, month - 1, day);
  const date = new Date(time);
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day)
    return null;
  return time;
}

/** Digits of a phone number as typed ("+370 624 51514" → "37062451514"), or null if it is not one. */
export function phoneDigits(text: string): string | null {
  const digits = text.replace(/[\s\-().]/g, '').replace(/^\+/, '');
  return /^\d{5,15}$/.test(digits) ? digits : null;
}

const optionalText = (max: number, label: string) =>
  z
    .string()
    .trim()
    .max(max, `${label} can be at most ${max} characters.`)
    .optional()
    .transform((value) => (value === '' ? undefined : value));

const name = (label: string) =>
  z
    .string()
    .trim()
    .min(1, `Enter the customer's ${label.toLowerCase()}.`)
    .max(100, `${label} can be at most 100 characters.`)
    .refine(
      (value) => !/[<>{}[\]\\/@#$%^*=+_|~`"0-9]/.test(value),
      `${label} can hold letters, spaces, hyphens and apostrophes only.`,
    );

export const newCaseSchema = z
  .strictObject({
    firstName: name('First name'),
    middleName: optionalText(100, 'Middle name'),
    lastName: name('Last name'),
    dateOfBirth: optionalText(10, 'Date of birth'),
    personalCode: optionalText(50, 'Personal code').refine(
      (value) => value === undefined || /^[A-Za-z0-9\-/]+$/.test(value),
      'A personal code holds letters, digits, hyphens and slashes only.',
    ),
    email: optionalText(254, 'E-mail').refine(
      (value) => value === undefined || z.email().safeParse(value).success,
      'Enter an e-mail address like name@example.com.',
    ),
    phone: optionalText(30, 'Phone').refine(
      (value) => value === undefined || phoneDigits(value) !== null,
      'Enter 5 to 15 digits with the country code, e.g. +370 624 51514.',
    ),
    countryCode: optionalText(2, 'Country')
      .transform((value) => value?.toUpperCase())
      .refine(
        (value) => value === undefined || isAssignedIso2(value),
        'Choose a country (ISO 3166 code, e.g. LT).',
      ),
    externalRef: optionalText(100, 'External reference'),
    setupId: z.uuid('Choose an Ondato setup.').optional(),
    /** The officer's today, YYYY-MM-DD; main uses its own clock when absent. */
    today: z.string().regex(DATE).optional(),
  })
  .superRefine((value, ctx) => {
    if (value.dateOfBirth === undefined) return;
    const birth = parseIsoDate(value.dateOfBirth);
    if (birth === null) {
      ctx.addIssue({
        code: 'custom',
        path: ['dateOfBirth'],
        message: 'Enter a real date as YYYY-MM-DD, e.g. 1990-04-21.',
      });
      return;
    }
    const today = (value.today && parseIsoDate(value.today)) || Date.now();
    if (birth > today)
      ctx.addIssue({ code: 'custom', path: ['dateOfBirth'], message: 'The date of birth is in the future.' });
    else if (ageOn(utcCalendarDate(birth), utcCalendarDate(today)) > 120)
      ctx.addIssue({
        code: 'custom',
        path: ['dateOfBirth'],
        message: 'The date of birth is more than 120 years ago.',
      });
  });

export type NewCaseForm = z.input<typeof newCaseSchema>;
export type NewCase = z.output<typeof newCaseSchema>;

/** Field → first message, for showing next to each input. */
export function newCaseErrors(form: NewCaseForm): Record<string, string> {
  const result = newCaseSchema.safeParse(form);
  if (result.success) return {};
  return firstFieldErrors(result.error);
}

/**
 * A customer under 18 on `today` may be onboarded (some products allow minors) but deserves a second
 * look before the link goes out: a warning next to the date of birth, not an error that blocks the form.
 */
export function minorNotice(dateOfBirth: string, today: string): string | null {
  const birth = parseIsoDate(dateOfBirth.trim());
  const now = parseIsoDate(today);
  if (birth === null || now === null || birth > now) return null;
  const age = ageOn(utcCalendarDate(birth), utcCalendarDate(now));
  return age < ADULT_AGE
    ? `The customer is ${age} today, under ${ADULT_AGE}: check your policy for minors. Accepting the case will need an explicit override.`
    : null;
}
