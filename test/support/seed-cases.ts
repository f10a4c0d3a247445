import * as cases from '../../src/main/db/repos/cases';
import * as decisions from '../../src/main/db/repos/decisions';
import * as kyc from '../../src/main/db/repos/kyc';
import * as workspaces from '../../src/main/db/repos/workspaces';
import type { Db } from '../../src/main/db/sql';
import type { Idv, KycIdentification } from '../../src/shared/wire/schemas';
import type { Decision } from '../../src/shared/domain/decision';

/*
 * Deterministic case data for tests and the benchmark: realistic names (with Lithuanian, Polish and
 * other diacritics), personal codes, external refs, a spread of IDV/KYC statuses and decisions. Goes
 * through the real repos (insertCreated / applyIdv / applyKyc / decisions.record), inside one outer
 * transaction so 100,000 cases take seconds, not one fsync each.
 */

const FIRST = [
  'Žydrūnė',
  'Jonas',
  'Rūta',
  'Łukasz',
  'Agnė',
  'Mindaugas',
  'Émilie',
  'Søren',
  'Ieva',
  'Tomas',
  'Gintarė',
  'Paulius',
  'Zoë',
  'Dovydas',
  'Eglė',
  'Mantas',
  'Laura',
  'Kęstutis',
  'Aistė',
  'Darius',
  'María',
  'João',
  'Anna',
  'Jürgen',
  'Šarūnas',
  'Vaida',
  'Oskar',
  'Inga',
  'Rokas',
  'Greta',
];
const LAST = [
  'Kazlauskas',
  'Petrauskienė',
  'Jankauskas',
  'Žukauskaitė',
  'Nowak',
  'Kowalska',
  'Dubois',
  'Müller',
  'Vasiliauskas',
  'Butkutė',
  'Navickas',
  'Šimkus',
  'García',
  'Silva',
  'Andersen',
  'Urbonas',
  'Stankevičius',
  'Balčiūnas',
  'Paulauskaitė',
  'Lukšys',
  'Bernotas',
  'Grigaitė',
  'Čepulis',
  'Ramanauskas',
];
const IDV_STATUSES = [
  'Pending',
  'InProgress',
  'Completed',
  'Completed',
  'Completed',
  'Aborted',
  'Expired',
  'Suspended',
];
const DECIDED_KYC: [string, string | null][] = [
  ['Approved', null],
  ['Rejected', 'FacesDoNotMatch'],
  ['Awaiting', 'Processing'],
];
const DECISIONS: Decision[] = ['accept', 'reject', 'escalate'];

export interface SeedOptions {
  workspaceId: string;
  count: number;
  seed?: number;
  /** Creation time of the first case (ms); later ones follow a minute or so apart. */
  startMs?: number;
  /** Fraction of Completed cases that also get a recorded officer decision (default 0.3). */
  decisionRate?: number;
}

export interface SeededCase {
  id: string;
  fullName: string;
  personalCode: string;
  externalRef: string;
  idvStatus: string;
  kycStatus: string | null;
  decision: Decision | null;
  createdMs: number;
}

/** mulberry32: small, fast, deterministic. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function uuid(next: () => number): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(next() * 16).toString(16)).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20)}`;
}

export function seedCases(db: Db, options: SeedOptions): SeededCase[] {
  const next = rng(options.seed ?? 1);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!;
  const ws = options.workspaceId;
  const start = options.startMs ?? Date.UTC(2025, 0, 1);
  const decisionRate = options.decisionRate ?? 0.3;
  const out: SeededCase[] = [];
  let fetchSeq = 0;
  db.transaction(() => {
    if (!workspaces.get(db, ws)) {
      workspaces.add(
        db,
        {
          id: ws,
          name: ws,
          environment: 'demo',
          clientId: 'seed',
          setupId: uuid(next),
          customerBaseUrl: null,
          overrides: null,
          officerName: 'Seed Officer',
        },
        start,
      );
    }
    for (let i = 0; i < options.count; i += 1) {
      const firstName = pick(FIRST);
      const lastName = pick(LAST);
      const createdMs = start + i * 60_000 + Math.floor(next() * 30_000);
      const personalCode = `${3 + Math.floor(next() * 2)}${String(Math.floor(next() * 1e10)).padStart(10, '0')}`;
      const seeded: SeededCase = {
        id: uuid(next),
        fullName: `${firstName} ${lastName}`,
        personalCode,
        externalRef: `REF-${String(i).padStart(7, '0')}`,
        idvStatus: pick(IDV_STATUSES),
        kycStatus: null,
        decision: null,
        createdMs,
      };
      const createdUtc = new Date(createdMs).toISOString();
      cases.insertCreated(db, ws, {
        idvId: seeded.id,
        externalRef: seeded.externalRef,
        setupId: null,
        registration: { firstName, lastName, personalCode, countryCode: 'LT' },
        createdUtc,
      });
      const kycId = seeded.idvStatus === 'Pending' ? null : uuid(next);
      const idv: Idv = {
        id: seeded.id,
        status: seeded.idvStatus,
        externalReferenceId: seeded.externalRef,
        createdUtc,
        modifiedUtc: new Date(createdMs + Math.floor(next() * 3_600_000)).toISOString(),
        registration: { firstName, lastName, personalCode },
        step: kycId ? { kycIdentification: { id: kycId } } : null,
      };
      cases.applyIdv(db, ws, idv, (fetchSeq += 1), createdMs + 1000);
      if (kycId) {
        const [status, reason] =
          seeded.idvStatus === 'Completed' ? pick(DECIDED_KYC) : ['Awaiting', 'Unfinished'];
        const payload: KycIdentification = {
          id: kycId,
          identityVerificationId: seeded.id,
          status,
          statusReason: reason,
          isCrossChecked: false,
          document:
            seeded.idvStatus === 'Completed'
              ? {
                  fullName: seeded.fullName,
                  firstName,
                  lastName,
                  personalCode,
                  type: 'IdCard',
                  files: [
                    { fileId: uuid(next), fileExtension: 'jpeg', part: 'Front', fileType: 'DocumentPhoto' },
                  ],
                }
              : null,
        };
        kyc.applyKyc(db, ws, seeded.id, payload, (fetchSeq += 1), createdMs + 2000);
        seeded.kycStatus = status;
        if (seeded.idvStatus === 'Completed' && next() < decisionRate) {
          seeded.decision = pick(DECISIONS);
          decisions.record(db, ws, {
            caseId: seeded.id,
            decision: seeded.decision,
            reasonCode: null,
            note: null,
            officerName: 'Seed Officer',
            osUser: 'seed',
            decidedAt: createdMs + 5000,
          });
        }
      }
      out.push(seeded);
    }
  })();
  return out;
}
