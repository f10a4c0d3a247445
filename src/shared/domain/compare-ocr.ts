import type { FieldKey } from './compare';
import type { JsonObject, JsonValue } from './json';

/* Ondato's own checks on the document (`ocrValidations`, `rules`), read leniently. */

/** A JSON value as display text: strings trimmed (empty → null), numbers as written, anything else null. */
export function textOf(value: JsonValue | undefined): string | null {
  if (typeof value === 'string') {
    const trimmed = value.trim();
    return trimmed === '' ? null : trimmed;
  }
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return null;
}

const OCR_FIELD: Record<string, FieldKey> = {
  firstname: 'firstName',
  middlename: 'middleName',
  lastname: 'lastName',
  dateofbirth: 'dateOfBirth',
  personalcode: 'personalCode',
  nationality: 'nationality',
  nationalityiso3: 'nationality',
  country: 'nationality',
  documentnumber: 'documentNumber',
  dateofissue: 'dateOfIssue',
  dateofexpiration: 'dateOfExpiration',
  dateofexpiry: 'dateOfExpiration',
};

export interface OcrValidation {
  key: string;
  isValid: boolean | null;
}

/** `document.ocrValidations` as a list; entries without a key are dropped, unknown keys kept raw. */
export function ocrValidationsOf(document: JsonObject | null): OcrValidation[] {
  const list = document?.ocrValidations;
  if (!Array.isArray(list)) return [];
  const out: OcrValidation[] = [];
  for (const item of list) {
    if (!item || typeof item !== 'object' || Array.isArray(item)) continue;
    const key = textOf(item.key);
    if (key === null) continue;
    out.push({ key, isValid: typeof item.isValid === 'boolean' ? item.isValid : null });
  }
  return out;
}

export interface KycRule {
  name: string;
  status: string | null;
  reason: string | null;
}

/** `payload.rules` as a list; entries without a name are shown as "Unnamed check", never dropped. */
export function rulesOf(payload: JsonObject | null | undefined): KycRule[] {
  const list = payload?.rules;
  if (!Array.isArray(list)) return [];
  return list
    .filter((item): item is JsonObject => !!item && typeof item === 'object' && !Array.isArray(item))
    .map((item) => ({
      name: textOf(item.name) ?? 'Unnamed check',
      status: textOf(item.status),
      reason: textOf(item.reason),
    }));
}

/** The row an OCR key belongs to, if any (`FirstName` → `firstName`, case-insensitive). */
export function fieldOfOcrKey(key: string): FieldKey | null {
  return OCR_FIELD[key.replace(/[\s_-]/g, '').toLowerCase()] ?? null;
}

/**
 * What Ondato's OCR said about a field: valid, not valid, listed without a result (unknown), or not
 * listed at all. A field listed twice takes the worst of its results.
 */
export type OcrState = 'valid' | 'invalid' | 'unknown' | 'not-reported';

export function ocrStates(validations: readonly OcrValidation[]): {
  states: Map<FieldKey, OcrState>;
  otherFailures: string[];
} {
  const rank: Record<OcrState, number> = { 'not-reported': 0, valid: 1, unknown: 2, invalid: 3 };
  const states = new Map<FieldKey, OcrState>();
  const otherFailures: string[] = [];
  for (const { key, isValid } of validations) {
    const field = fieldOfOcrKey(key);
    const state: OcrState = isValid === true ? 'valid' : isValid === false ? 'invalid' : 'unknown';
    if (field) {
      const before = states.get(field) ?? 'not-reported';
      if (rank[state] > rank[before]) states.set(field, state);
    } else if (isValid === false && !otherFailures.includes(key)) otherFailures.push(key);
  }
  return { states, otherFailures };
}
