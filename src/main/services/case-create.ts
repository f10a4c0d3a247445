import { randomInt } from 'node:crypto';
import * as auditRepo from '../db/repos/audit';
import * as casesRepo from '../db/repos/cases';
import * as scheduleRepo from '../db/repos/schedule';
import type { Db } from '../db/sql';
import type { CreateIdvRequest } from '../ondato';
import type { RegistrationData } from '../../shared/domain/case';
import type { Workspace } from '../../shared/domain/workspace';
import { phoneDigits, type NewCase } from '../../shared/validation/registration';
import { writeTx } from '../db/storage';

/** A freshly created case is watched closely this long (the customer is usually at the desk). */
export const NEW_CASE_WATCH_MS = 15 * 60 * 1000;
const REF_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** Ondato's registration from the form: the phone travels as a JSON number of digits. */
export function registrationOf(input: NewCase): NonNullable<CreateIdvRequest['registration']> {
  const registration: NonNullable<CreateIdvRequest['registration']> = {
    firstName: input.firstName,
    lastName: input.lastName,
  };
  if (input.middleName) registration.middleName = input.middleName;
  if (input.dateOfBirth) registration.dateOfBirth = input.dateOfBirth;
  if (input.personalCode) registration.personalCode = input.personalCode;
  if (input.email) registration.email = input.email;
  if (input.countryCode) registration.countryCode = input.countryCode;
  const digits = input.phone ? phoneDigits(input.phone) : null;
  if (digits !== null) registration.phoneNumber = Number(digits);
  return registration;
}

/** `KD-YYYYMMDD-XXXX` (no 0/O/1/I, so it can be read over the phone); `taken` checks uniqueness. */
export function generateExternalRef(now: number, taken: (ref: string) => boolean): string {
  const day = new Date(now).toISOString().slice(0, 10).replaceAll('-', '');
  for (let length = 4; ; length++) {
    for (let attempt = 0; attempt < 20; attempt++) {
      let tail = '';
      for (let i = 0; i < length; i++) tail += REF_ALPHABET[randomInt(REF_ALPHABET.length)];
      const ref = `KD-${day}-${tail}`;
      if (!taken(ref)) return ref;
    }
  }
}

/** Whether a case of the workspace already carries this external reference (through the search index). */
export function refTaken(db: Db, ws: string, ref: string): boolean {
  const page = casesRepo.list(db, ws, { search: ref, sort: 'created', dir: 'desc', limit: 50 });
  return page.rows.some((row) => row.externalRef === ref);
}

/**
 * Everything local about a new case in one transaction: the case row, its first schedule entry and the
 * `case.created` audit event. Either all of it is stored or none.
 */
export function storeCreatedCase(
  db: Db,
  ws: Workspace,
  input: {
    idvId: string;
    externalRef: string | null;
    setupId: string;
    registration: RegistrationData | null;
    now: number;
    osUser: string;
  },
): void {
  writeTx(db, () => {
    casesRepo.insertCreated(db, ws.id, {
      idvId: input.idvId,
      externalRef: input.externalRef,
      setupId: input.setupId,
      registration: input.registration,
      createdUtc: new Date(input.now).toISOString(),
    });
    scheduleRepo.upsert(db, {
      caseId: input.idvId,
      nextAt: input.now,
      intervalMs: 5_000,
      failures: 0,
      lastCheckedAt: null,
      lastChangeAt: input.now,
      watchUntil: input.now + NEW_CASE_WATCH_MS,
      reason: 'new',
    });
    auditRepo.append(db, ws.id, {
      caseId: input.idvId,
      action: 'case.created',
      at: input.now,
      osUser: input.osUser,
      officerName: ws.officerName,
      details: { externalRef: input.externalRef, setupId: input.setupId },
    });
  });
}
