// Machine readable zones per ICAO Doc 9303 (Part 5: TD1 cards, Part 4: TD3 passports). Check digits are
// real so that officers and any MRZ tooling pointed at a specimen see a self-consistent document.
import { mrzAlnum, mrzName, sexCode, splitDate } from './translit';
import type { SpecimenPerson } from './types';

/**
 * The issuing state of every specimen. "UTO" (Utopia) is the code ICAO 9303 itself uses for examples, so
 * it can never be mistaken for a real state's document; nationality still comes from the person.
 */
export const ISSUING_STATE = 'UTO';

const WEIGHTS = [7, 3, 1] as const;

function charValue(ch: string): number {
  if (ch >= '0' && ch <= '9') return ch.charCodeAt(0) - 48;
  if (ch >= 'A' && ch <= 'Z') return ch.charCodeAt(0) - 55;
  return 0; // '<' (and anything else, which the generators never emit) counts as zero
}

/** ICAO 9303 Part 3 check digit: values weighted 7-3-1 repeating, summed, modulo 10. */
export function icaoCheckDigit(s: string): string {
  let sum = 0;
  for (let i = 0; i < s.length; i++) sum += charValue(s.charAt(i)) * WEIGHTS[i % 3];
  return String(sum % 10);
}

function field(s: string, len: number): string {
  return s.slice(0, len).padEnd(len, '<');
}

function mrzDate(s: string): string {
  const parts = splitDate(s);
  return parts ? parts[0].slice(2) + parts[1] + parts[2] : '<<<<<<';
}

/** SURNAME<<GIVEN<NAMES, truncated to the zone width (ICAO allows truncation when names do not fit). */
function nameField(p: SpecimenPerson, len: number): string {
  const given = [p.firstName, p.middleName ?? ''].map(mrzName).filter((n) => n.length > 0);
  return field(`${mrzName(p.lastName)}<<${given.join('<')}`, len);
}

function nationality(p: SpecimenPerson): string {
  return field(mrzAlnum(p.nationalityIso3).replace(/[0-9]/g, ''), 3);
}

/** The three 30-character lines of an identity card MRZ (TD1). */
export function mrzTd1(p: SpecimenPerson): [string, string, string] {
  const doc = mrzAlnum(p.documentNumber);
  const personal = mrzAlnum(p.personalCode);
  let docField: string;
  let optional1: string;
  if (doc.length > 9) {
    // Long numbers: '<' in the check position, the overflow plus its check digit open the optional data.
    docField = `${doc.slice(0, 9)}<`;
    optional1 = `${doc.slice(9)}${icaoCheckDigit(doc)}<${personal}`;
  } else {
    const d = field(doc, 9);
    docField = d + icaoCheckDigit(d);
    optional1 = personal;
  }
  const line1 = `I<${ISSUING_STATE}${docField}${field(optional1, 15)}`;

  const dob = mrzDate(p.dateOfBirth);
  const exp = mrzDate(p.dateOfExpiration);
  const head = `${dob}${icaoCheckDigit(dob)}${sexCode(p.gender)}${exp}${icaoCheckDigit(exp)}${nationality(p)}`;
  const optional2 = field('', 11);
  // Composite: line 1 from the document number on, plus line 2's dates (with checks) and optional data.
  const composite = icaoCheckDigit(line1.slice(5) + head.slice(0, 7) + head.slice(8, 15) + optional2);
  const line2 = `${head}${optional2}${composite}`;

  return [line1, line2, nameField(p, 30)];
}

/** The two 44-character lines of a passport MRZ (TD3). */
export function mrzTd3(p: SpecimenPerson): [string, string] {
  const line1 = `P<${ISSUING_STATE}${nameField(p, 39)}`;
  const doc = field(mrzAlnum(p.documentNumber), 9);
  const dob = mrzDate(p.dateOfBirth);
  const exp = mrzDate(p.dateOfExpiration);
  const personal = field(mrzAlnum(p.personalCode), 14);
  // An empty personal number may carry '<' as its check digit (Part 4, 4.2.2.2).
  const personalCheck = /^<+$/.test(personal) ? '<' : icaoCheckDigit(personal);
  const docPart = doc + icaoCheckDigit(doc);
  const dobPart = dob + icaoCheckDigit(dob);
  const expPart = exp + icaoCheckDigit(exp);
  const personalPart = personal + personalCheck;
  const composite = icaoCheckDigit(docPart + dobPart + expPart + personalPart);
  const line2 = `${docPart}${nationality(p)}${dobPart}${sexCode(p.gender)}${expPart}${personalPart}${composite}`;
  return [line1, line2];
}
