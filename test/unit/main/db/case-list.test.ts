import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as cases from '../../../../src/main/db/repos/cases';
import type { CaseListQuery } from '../../../../src/shared/domain/case';
import { seedCases, type SeededCase } from '../../../support/seed-cases';
import { openTempCache, type TempCache } from './fixture';

let cache: TempCache;
let seeded: SeededCase[];
beforeAll(() => {
  cache = openTempCache();
  seeded = seedCases(cache.db, { workspaceId: 'ws1', count: 300, seed: 7 });
  seedCases(cache.db, { workspaceId: 'ws2', count: 40, seed: 8 });
});
afterAll(() => cache.dispose());

const base: CaseListQuery = { sort: 'created', dir: 'desc', limit: 25 };
const list = (q: Partial<CaseListQuery>) => cases.list(cache.db, 'ws1', { ...base, ...q });

function allPages(q: Partial<CaseListQuery>): string[] {
  const ids: string[] = [];
  let cursor: string | null = null;
  do {
    const page = list({ ...q, cursor });
    ids.push(...page.rows.map((r) => r.id));
    cursor = page.nextCursor;
  } while (cursor);
  return ids;
}

describe('cases.list', () => {
  it('pages through one workspace in creation order with a keyset cursor', () => {
    const first = list({});
    expect(first.total).toBe(300);
    expect(first.rows).toHaveLength(25);
    const expected = [...seeded].sort((a, b) => b.createdMs - a.createdMs).map((c) => c.id);
    expect(allPages({})).toEqual(expected);
    expect(allPages({ dir: 'asc' })).toEqual([...expected].reverse());
    expect(list({ offset: 290 }).rows.map((r) => r.id)).toEqual(expected.slice(290));
  });

  it('sorts by modification time (falling back to creation)', () => {
    const rows = allPages({ sort: 'modified' }).map((id) => cases.get(cache.db, 'ws1', id)!);
    const keys = rows.map((r) => Date.parse(r.modifiedUtc ?? r.createdUtc));
    expect(keys).toEqual([...keys].sort((a, b) => b - a));
    expect(rows).toHaveLength(300);
  });

  it('filters by IDV status, KYC status and decision, including "none"', () => {
    const count = (f: (c: SeededCase) => boolean) => seeded.filter(f).length;
    expect(list({ idvStatus: ['Completed', 'Aborted'] }).total).toBe(
      count((c) => c.idvStatus === 'Completed' || c.idvStatus === 'Aborted'),
    );
    expect(list({ kycStatus: ['none'] }).total).toBe(count((c) => c.kycStatus === null));
    expect(list({ kycStatus: ['Approved', 'none'] }).total).toBe(
      count((c) => c.kycStatus === 'Approved' || c.kycStatus === null),
    );
    expect(list({ decision: ['none'] }).total).toBe(count((c) => c.decision === null));
    const rejected = list({ decision: ['reject'], limit: 500 });
    expect(rejected.total).toBe(count((c) => c.decision === 'reject'));
    expect(rejected.rows.every((r) => r.decision === 'reject')).toBe(true);
    expect(list({ idvStatus: [] }).total).toBe(300);
    const combined = allPages({ idvStatus: ['Completed'], decision: ['accept', 'none'], limit: 7 });
    expect(combined.length).toBe(
      count((c) => c.idvStatus === 'Completed' && c.decision !== 'reject' && c.decision !== 'escalate'),
    );
  });

  it('searches name, external ref, IDV id and personal code by prefix, ignoring diacritics', () => {
    const target = seeded[42]!;
    const ids = (search: string) => allPages({ search, limit: 100 });
    expect(ids(target.externalRef)).toEqual([target.id]);
    expect(ids(target.id)).toEqual([target.id]);
    expect(ids(target.id.slice(0, 8))).toContain(target.id);
    expect(ids(target.personalCode.slice(0, 7))).toContain(target.id);
    const ascii = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '');
    const [first, last] = target.fullName.split(' ') as [string, string];
    const byName = ids(`${ascii(first).slice(0, 3).toLowerCase()} ${ascii(last).slice(0, 4).toUpperCase()}`);
    expect(byName).toContain(target.id);
    const expected = seeded.filter((c) => {
      const [f, l] = c.fullName.split(' ') as [string, string];
      return ascii(f) === ascii(first) && ascii(l) === ascii(last);
    });
    expect(byName.sort()).toEqual(expected.map((c) => c.id).sort());
  });

  it('finds "Žydrūnė" from "zydr" and from the decomposed spelling', () => {
    const zydrune = seeded.filter((c) => c.fullName.startsWith('Žydrūnė'));
    expect(zydrune.length).toBeGreaterThan(0);
    expect(list({ search: 'zydr', limit: 500 }).total).toBe(zydrune.length);
    expect(list({ search: 'Z\u030Cydru\u0304n', limit: 500 }).total).toBe(zydrune.length);
    expect(list({ search: 'ŽYDRŪNĖ', limit: 500 }).total).toBe(zydrune.length);
  });

  it('combines search with filters, sort and paging', () => {
    const all = allPages({ search: 'a', idvStatus: ['Completed'], sort: 'modified', dir: 'asc', limit: 9 });
    const page = list({ search: 'a', idvStatus: ['Completed'], sort: 'modified', dir: 'asc' });
    expect(page.total).toBe(all.length);
    expect(new Set(all).size).toBe(all.length);
  });

  it('survives hostile search strings', () => {
    for (const search of [
      '"',
      'AND(',
      '*',
      'NEAR(a b)',
      "'; DROP TABLE cases; --",
      'a"b',
      '\u0301',
      '(',
      '-',
      'OR',
      'x:y',
      '{a b}:c',
      '\u0000',
      '🙂',
    ]) {
      expect(() => list({ search })).not.toThrow();
    }
    expect(list({ search: '"' }).total).toBe(300); // nothing searchable: not filtered
    expect(list({ search: 'AND(' }).total).toBe(list({ search: 'and' }).total);
  });

  it('keeps workspaces apart', () => {
    const ws2 = cases.list(cache.db, 'ws2', { ...base, limit: 500 });
    expect(ws2.total).toBe(40);
    expect(ws2.rows.some((r) => seeded.some((s) => s.id === r.id))).toBe(false);
    expect(cases.list(cache.db, 'nope', base).total).toBe(0);
  });

  it('refuses a foreign or mismatched cursor', () => {
    const { nextCursor } = list({});
    expect(() => list({ cursor: 'garbage' })).toThrow(expect.objectContaining({ code: 'invalid_cursor' }));
    expect(() => list({ cursor: nextCursor, sort: 'modified' })).toThrow(
      expect.objectContaining({ code: 'invalid_cursor' }),
    );
  });

  it('returns list rows without payloads', () => {
    const row = list({ limit: 1 }).rows[0]!;
    expect(Object.keys(row).sort()).toEqual([
      'attention',
      'createdUtc',
      'decision',
      'externalRef',
      'fullName',
      'id',
      'idvStatus',
      'kycStatus',
      'kycStatusReason',
      'modifiedUtc',
      'nameAsRead',
      'registeredName',
      'syncedAt',
    ]);
  });
});
