import { afterEach, describe, expect, it } from 'vitest';
import * as attention from '../../../src/main/db/repos/attention';
import * as cases from '../../../src/main/db/repos/cases';
import * as decisions from '../../../src/main/db/repos/decisions';
import * as images from '../../../src/main/db/repos/images';
import * as kyc from '../../../src/main/db/repos/kyc';
import type { Db } from '../../../src/main/db/sql';
import type { CaseListQuery } from '../../../src/shared/domain/case';
import type { Decision } from '../../../src/shared/domain/decision';
import { CASE_QUEUES, type CaseQueue } from '../../../src/shared/domain/queues';
import type { Idv, KycIdentification } from '../../../src/shared/wire/schemas';
import { seedCases } from '../../support/seed-cases';
import { addWorkspace, openTempCache, type TempCache } from '../../unit/main/db/fixture';

/*
 * The work queues, their counts and the attention column on a real encrypted cache, written through
 * the real repos (the same calls the sync engine and the decision service make).
 */

const WS = 'ws1';
const DAY = 86_400_000;
const caches: TempCache[] = [];
afterEach(() => {
  for (const c of caches.splice(0)) c.dispose();
});

function cache(): Db {
  const c = openTempCache();
  caches.push(c);
  addWorkspace(c.db, WS);
  addWorkspace(c.db, 'ws2');
  return c.db;
}

let seq = 0;
const base: CaseListQuery = { sort: 'created', dir: 'desc', limit: 500 };

interface CaseState {
  idv: string;
  kyc?: [status: string, reason: string | null];
  document?: Record<string, unknown>;
  decision?: Decision;
  createdMs?: number;
  ws?: string;
}

/** Writes one case the way sync does: the IDV, then its KYC identification, then a decision. */
function put(db: Db, id: string, state: CaseState): void {
  const ws = state.ws ?? WS;
  const created = new Date(state.createdMs ?? Date.UTC(2026, 0, 1)).toISOString();
  if (!cases.get(db, ws, id)) {
    cases.insertCreated(db, ws, {
      idvId: id,
      externalRef: `REF-${id}`,
      setupId: null,
      registration: { firstName: 'Rasa', lastName: 'Petraitienė', dateOfBirth: '1990-01-01' },
      createdUtc: created,
    });
  }
  const idv: Idv = {
    id,
    status: state.idv,
    createdUtc: created,
    modifiedUtc: new Date(Date.parse(created) + (seq += 1) * 1000).toISOString(),
    step: state.kyc ? { kycIdentification: { id: `kyc-${id}` } } : null,
  };
  cases.applyIdv(db, ws, idv, (seq += 1));
  if (state.kyc) {
    const payload: KycIdentification = {
      id: `kyc-${id}`,
      identityVerificationId: id,
      status: state.kyc[0],
      statusReason: state.kyc[1],
      modifiedUtc: new Date(Date.parse(created) + (seq += 1) * 1000).toISOString(),
      document: (state.document as KycIdentification['document']) ?? null,
    };
    kyc.applyKyc(db, ws, id, payload, (seq += 1));
  }
  if (state.decision && cases.get(db, ws, id)?.decision !== state.decision) {
    decisions.record(db, ws, {
      caseId: id,
      decision: state.decision,
      reasonCode: null,
      note: null,
      officerName: 'Olga',
      osUser: 'tester',
      decidedAt: Date.now(),
    });
  }
}

const queueOf = (db: Db, id: string): string =>
  db.prepare('SELECT queue FROM cases WHERE id = ?').pluck().get(id) as string;

/** The counts as the triggers keep them must equal a plain count of the generated column. */
function expectCountsTrue(db: Db, ws: string): void {
  const truth = Object.fromEntries(CASE_QUEUES.map((q) => [q, 0]));
  for (const row of db
    .prepare('SELECT queue, count(*) AS n FROM cases WHERE workspace_id = ? GROUP BY queue')
    .all(ws) as { queue: string; n: number }[]) {
    if (row.queue in truth) truth[row.queue] = row.n;
  }
  truth.all = db.prepare('SELECT count(*) FROM cases WHERE workspace_id = ?').pluck().get(ws) as number;
  expect(cases.queueCounts(db, ws)).toEqual(truth);
}

describe('work queues', () => {
  it('puts each case in the queue its statuses and the decision say, and counts follow every change', () => {
    const db = cache();
    const expected: Record<string, CaseQueue | 'none'> = {};
    const at = (id: string, state: CaseState, queue: CaseQueue | 'none') => {
      put(db, id, state);
      expected[id] = queue;
    };
    at('pending', { idv: 'Pending' }, 'waiting-customer');
    at('started', { idv: 'InProgress', kyc: ['Awaiting', 'Unfinished'] }, 'waiting-customer');
    at('suspended', { idv: 'Suspended' }, 'waiting-customer');
    at('submitted', { idv: 'InProgress', kyc: ['Awaiting', 'Processing'] }, 'waiting-ondato');
    at('completed', { idv: 'Completed', kyc: ['Awaiting', 'Processing'] }, 'needs-decision');
    at('approved', { idv: 'Completed', kyc: ['Approved', null] }, 'needs-decision');
    at('rejected', { idv: 'Completed', kyc: ['Rejected', 'FacesDoNotMatch'] }, 'needs-decision');
    at('escalated', { idv: 'Completed', kyc: ['Approved', null], decision: 'escalate' }, 'escalated');
    at('accepted', { idv: 'Completed', kyc: ['Approved', null], decision: 'accept' }, 'decided');
    at('refused', { idv: 'Completed', kyc: ['Rejected', null], decision: 'reject' }, 'decided');
    // Abandoned and unknown: nobody to wait for, nothing to judge; only under All.
    at('expired', { idv: 'Expired' }, 'none');
    at('strange', { idv: 'SomethingNew' }, 'none');
    put(db, 'other-ws', { idv: 'Completed', kyc: ['Approved', null], ws: 'ws2' });

    for (const [id, queue] of Object.entries(expected)) expect([id, queueOf(db, id)]).toEqual([id, queue]);
    expect(cases.queueCounts(db, WS)).toEqual({
      'needs-decision': 3,
      'waiting-customer': 3,
      'waiting-ondato': 1,
      escalated: 1,
      decided: 2,
      all: 12,
    });
    expectCountsTrue(db, WS);
    expect(cases.queueCounts(db, 'ws2')['needs-decision']).toBe(1);

    // The customer submits, Ondato decides, the officer escalates then accepts.
    put(db, 'started', { idv: 'InProgress', kyc: ['Awaiting', 'Processing'] });
    expect(queueOf(db, 'started')).toBe('waiting-ondato');
    put(db, 'started', { idv: 'Completed', kyc: ['Awaiting', 'Processing'] });
    expect(queueOf(db, 'started')).toBe('needs-decision');
    put(db, 'started', { idv: 'Completed', kyc: ['Approved', null], decision: 'escalate' });
    expect(queueOf(db, 'started')).toBe('escalated');
    put(db, 'started', { idv: 'Completed', kyc: ['Approved', null], decision: 'accept' });
    expect(queueOf(db, 'started')).toBe('decided');
    expectCountsTrue(db, WS);

    // The list of a queue holds exactly its cases, and its total is the tab's count.
    for (const queue of CASE_QUEUES) {
      const page = cases.list(db, WS, { ...base, queue });
      expect(page.total).toBe(cases.queueCounts(db, WS)[queue]);
      if (queue !== 'all') expect(page.rows.every((r) => queueOf(db, r.id) === queue)).toBe(true);
    }

    // Removing cases (a workspace purge deletes them) keeps the counters true.
    db.prepare("DELETE FROM cases WHERE id IN ('pending', 'approved')").run();
    expectCountsTrue(db, WS);
  });

  it('keeps the counters true over thousands of seeded cases and pages a queue by attention', () => {
    const db = cache();
    seedCases(db, { workspaceId: WS, count: 2_000, seed: 5, decisionRate: 0.4 });
    expectCountsTrue(db, WS);

    const query: CaseListQuery = { ...base, queue: 'needs-decision', sort: 'attention', limit: 97 };
    const ids: string[] = [];
    let cursor: string | null = null;
    do {
      const page = cases.list(db, WS, { ...query, cursor });
      ids.push(...page.rows.map((r) => r.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(ids).toHaveLength(cases.queueCounts(db, WS)['needs-decision']);
    const keys = ids.map(
      (id) => db.prepare('SELECT attention FROM cases WHERE id = ?').pluck().get(id) as number,
    );
    expect(keys).toEqual([...keys].sort((a, b) => b - a));
    expect(new Set(keys).size).toBeGreaterThan(1);
    // Offset pages (what the list screen asks for) agree with the cursor pages, both directions.
    const asc = cases.list(db, WS, { ...query, dir: 'asc', limit: 500 }).rows.map((r) => r.id);
    expect(asc.slice(0, 20)).toEqual([...ids].reverse().slice(0, 20));
    // Search within a queue, sorted by attention, uses the same keys.
    const searched = cases.list(db, WS, { ...query, search: 'Kazl', limit: 500 });
    expect(searched.rows.length).toBeGreaterThan(0);
    expect(searched.rows.every((r) => queueOf(db, r.id) === 'needs-decision')).toBe(true);
    expect(searched.rows.every((r) => r.fullName?.includes('Kazlauskas'))).toBe(true);
  });

  it('filters by a created-date range, from inclusive to exclusive', () => {
    const db = cache();
    const start = Date.UTC(2026, 2, 1);
    for (let i = 0; i < 10; i += 1) put(db, `d${i}`, { idv: 'Pending', createdMs: start + i * DAY });
    const range = (from: number | undefined, before: number | undefined): string[] =>
      cases
        .list(db, WS, {
          ...base,
          dir: 'asc',
          ...(from === undefined ? {} : { createdFrom: from }),
          ...(before === undefined ? {} : { createdBefore: before }),
        })
        .rows.map((r) => r.id);
    expect(range(start + 2 * DAY, start + 5 * DAY)).toEqual(['d2', 'd3', 'd4']);
    expect(range(start + 8 * DAY, undefined)).toEqual(['d8', 'd9']);
    expect(range(undefined, start + DAY)).toEqual(['d0']);
    expect(range(start + 5 * DAY, start + 2 * DAY)).toEqual([]);
    const page = cases.list(db, WS, { ...base, createdFrom: start + 7 * DAY, queue: 'waiting-customer' });
    expect(page.total).toBe(3);
  });
});

describe('the attention column', () => {
  const today = new Date();
  const iso = (offsetDays: number): string =>
    new Date(today.getFullYear(), today.getMonth(), today.getDate() + offsetDays, 12)
      .toISOString()
      .slice(0, 10);
  const document = (expiry: string) => ({
    firstName: 'Rasa',
    lastName: 'Petraitienė',
    dateOfBirth: '1990-01-01',
    dateOfExpiration: expiry,
    type: 'IdCard',
    mrzVerified: true,
    files: [
      { fileId: 'front-1', part: 'Front', fileType: 'DocumentPhoto', fileExtension: 'png' },
      { fileId: 'selfie-1', part: 'Selfie', fileType: 'FacePhoto', fileExtension: 'png' },
    ],
  });
  const row = (db: Db, id: string) => cases.list(db, WS, base).rows.find((r) => r.id === id)!;

  it('stores the count and worst flag the review computes, and follows downloaded images', () => {
    const db = cache();
    put(db, 'c1', { idv: 'Completed', kyc: ['Approved', null], document: document(iso(-3)) });
    const flags = row(db, 'c1').attention;
    // Expired document (high) and the two images not downloaded yet (medium).
    expect(flags).toEqual({
      count: 2,
      worst: { severity: 'high', label: 'The document has expired' },
    });
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
    images.put(db, { fileId: 'front-1', mime: 'image/png', bytes: png, fetchedAt: Date.now() });
    images.put(db, { fileId: 'selfie-1', mime: 'image/png', bytes: png, fetchedAt: Date.now() });
    expect(row(db, 'c1').attention.count).toBe(1);

    put(db, 'c2', { idv: 'Pending' });
    expect(row(db, 'c2').attention.worst).toEqual({
      severity: 'block',
      label: 'The customer has not completed the identity check',
    });
    const ranked = cases.list(db, WS, { ...base, sort: 'attention' }).rows.map((r) => r.id);
    expect(ranked).toEqual(['c2', 'c1']);
  });

  it('is recomputed when the calendar reaches a date-bound flag', () => {
    const db = cache();
    // Expires in 40 days: no flag today; "expires within 30 days" from day 10 on.
    put(db, 'c1', { idv: 'Completed', kyc: ['Approved', null], document: document(iso(40)) });
    const png = Buffer.from('89504e470d0a1a0a', 'hex');
    images.put(db, { fileId: 'front-1', mime: 'image/png', bytes: png, fetchedAt: Date.now() });
    images.put(db, { fileId: 'selfie-1', mime: 'image/png', bytes: png, fetchedAt: Date.now() });
    expect(row(db, 'c1').attention).toEqual({ count: 0, worst: null });

    const inNineDays = Date.now() + 9 * DAY;
    expect(attention.refreshDue(db, inNineDays, 100)).toEqual([]);
    const inTenDays = new Date(today.getFullYear(), today.getMonth(), today.getDate() + 10, 9).getTime();
    expect(attention.refreshDue(db, inTenDays, 100)).toEqual(['c1']);
    expect(row(db, 'c1').attention.worst?.label).toBe('The document expires within 30 days');
    // Done until the next turning day (the day after expiry).
    expect(attention.refreshDue(db, inTenDays, 100)).toEqual([]);
  });
});
