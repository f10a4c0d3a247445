import type { DocumentType } from '../shared/wire/schemas';
import { toIso3 } from './countries';
import { addYears, dateOnly, DAY } from './dates';
import { derived } from './random';
import type { SetupDef } from './setups';
import type { IdvRecord } from './types';

/** What the document "says": registration data, overridden by a mismatch, completed with fakes. */
export interface DocumentData {
  type: DocumentType;
  firstName: string;
  middleName: string | null;
  lastName: string;
  fullName: string;
  dateOfBirth: string;
  personalCode: string;
  documentNumber: string;
  dateOfIssue: string;
  dateOfExpiration: string;
  nationalityIso3: string;
  countryIso3: string;
  gender: 'Male' | 'Female';
  address: string;
  category: string | null;
  mrzVerified: boolean;
  hasBack: boolean;
  hasSelfie: boolean;
}

const MALE_NAMES = ['Jonas', 'Lukas', 'Matas', 'Tomas', 'Andrius', 'Mantas', 'Paulius', 'Darius'];
const FEMALE_NAMES = ['Ieva', 'Greta', 'Austėja', 'Rūta', 'Laura', 'Agnė', 'Eglė', 'Monika'];
const LAST_NAMES = ['Kazlauskas', 'Petrauskas', 'Jankauskas', 'Stankevičius', 'Vasiliauskas', 'Žukauskas'];
const STREETS = ['Gedimino pr.', 'Vilniaus g.', 'Laisvės al.', 'Pilies g.', 'Savanorių pr.', 'Taikos pr.'];
const CITIES = ['Vilnius', 'Kaunas', 'Klaipėda', 'Šiauliai', 'Panevėžys'];

/** Lithuanian-style personal codes encode sex in the first digit: odd is male. */
function genderFromPersonalCode(code: string | null | undefined): 'Male' | 'Female' | undefined {
  if (!code || !/^[1-6]\d{10}$/.test(code)) return undefined;
  return Number(code[0]) % 2 === 1 ? 'Male' : 'Female';
}

function fakePersonalCode(dateOfBirth: string, gender: 'Male' | 'Female', tail: string): string {
  const year = Number(dateOfBirth.slice(0, 4));
  const century = year < 1900 ? 1 : year < 2000 ? 3 : 5;
  const first = century + (gender === 'Female' ? 1 : 0);
  return `${first}${dateOfBirth.slice(2, 4)}${dateOfBirth.slice(5, 7)}${dateOfBirth.slice(8, 10)}${tail}`;
}

export function documentTypeOf(record: IdvRecord): DocumentType {
  return record.document.type ?? 'IdCard';
}

export function documentData(record: IdvRecord, setup: SetupDef): DocumentData {
  // One stream per IDV, always drawn in the same order, so the fakes never change between reads.
  const rng = derived(record.seed, 'document');
  const reg = record.registration ?? {};
  const mm = record.mismatch;
  const type = documentTypeOf(record);

  const drawnGender = rng.chance(0.5) ? 'Male' : 'Female';
  const fakeDob = dateOnly(record.createdAt - rng.int(21 * 365, 65 * 365) * DAY);
  const fakeFirst = rng.pick(drawnGender === 'Male' ? MALE_NAMES : FEMALE_NAMES);
  const fakeLast = rng.pick(LAST_NAMES);
  const codeTail = rng.digits(4);
  const numberLetters = rng.pick(['AB', 'LT', 'KD', 'PA', 'ZX']);
  const numberDigits = rng.digits(7);
  const issuedDaysAgo = rng.int(30, 8 * 365);
  const address = `${rng.pick(STREETS)} ${rng.int(1, 120)}-${rng.int(1, 60)}, ${rng.pick(CITIES)}`;

  const gender = genderFromPersonalCode(reg.personalCode) ?? drawnGender;
  const dateOfBirth = mm.dateOfBirth ?? reg.dateOfBirth ?? fakeDob;
  const firstName = mm.firstName ?? reg.firstName ?? fakeFirst;
  const middleName = reg.middleName ?? null;
  const lastName = mm.lastName ?? reg.lastName ?? fakeLast;
  const dateOfIssue = dateOnly(record.createdAt - issuedDaysAgo * DAY);
  const country = toIso3(reg.countryCode ?? 'LT');

  return {
    type,
    firstName,
    middleName,
    lastName,
    fullName: [firstName, middleName, lastName].filter((part) => part).join(' '),
    dateOfBirth,
    personalCode: mm.personalCode ?? reg.personalCode ?? fakePersonalCode(dateOfBirth, gender, codeTail),
    documentNumber: mm.documentNumber ?? `${numberLetters}${numberDigits}`,
    dateOfIssue,
    dateOfExpiration: mm.dateOfExpiration ?? addYears(dateOfIssue, 10),
    nationalityIso3: country,
    countryIso3: country,
    gender,
    address,
    category: type === 'DriverLicense' ? 'B' : null,
    mrzVerified: type !== 'DriverLicense',
    hasBack: type !== 'Passport' && (record.document.withBack ?? true),
    hasSelfie: setup.selfie && (record.document.withSelfie ?? true),
  };
}
