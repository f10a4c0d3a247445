import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as cases from '../../../../src/main/db/repos/cases';
import * as schedule from '../../../../src/main/db/repos/schedule';
import * as settings from '../../../../src/main/db/repos/settings';
import * as syncErrors from '../../../../src/main/db/repos/sync-errors';
import * as workspaces from '../../../../src/main/db/repos/workspaces';
import { idv } from './payloads';
import { addWorkspace, openTempCache, workspaceInput, type TempCache } from './fixture';

let cache: TempCache;
beforeEach(() => {
  cache = openTempCache();
});
afterEach(() => cache.dispose());

describe('workspaces', () => {
  it('adds, reads, updates and lists without secrets', () => {
    const w = workspaces.add(
      cache.db,
      workspaceInput('b', { name: 'Beta', overrides: { kycApiUrl: 'https://x' } }),
      10,
    );
    workspaces.add(cache.db, workspaceInput('a', { name: 'alpha' }), 11);
    expect(workspaces.get(cache.db, 'b')).toEqual(w);
    expect(workspaces.list(cache.db).map((x) => x.id)).toEqual(['a', 'b']);
    const u = workspaces.update(
      cache.db,
      'b',
      { officerName: 'New Name', customerBaseUrl: 'https://kyc.example' },
      20,
    );
    expect(u).toMatchObject({
      officerName: 'New Name',
      createdAt: 10,
      updatedAt: 20,
      overrides: { kycApiUrl: 'https://x' },
    });
    expect(workspaces.get(cache.db, 'b')).toEqual(u);
    expect(() => workspaces.add(cache.db, workspaceInput('a'), 1)).toThrow();
    expect(() => workspaces.update(cache.db, 'zz', {}, 1)).toThrow(
      expect.objectContaining({ code: 'workspace_not_found' }),
    );
    expect(() =>
      workspaces.add(cache.db, workspaceInput('c', { environment: 'bogus' as 'demo' }), 1),
    ).toThrow(/CHECK/);
  });
});

describe('settings', () => {
  it('sets, overwrites and removes', () => {
    expect(settings.get(cache.db, 'theme')).toBeNull();
    settings.set(cache.db, 'theme', 'dark');
    settings.set(cache.db, 'theme', 'light');
    expect(settings.get(cache.db, 'theme')).toBe('light');
    expect(settings.remove(cache.db, 'theme')).toBe(true);
    expect(settings.get(cache.db, 'theme')).toBeNull();
  });
});

describe('schedule and sync errors', () => {
  beforeEach(() => {
    addWorkspace(cache.db, 'ws1');
    cases.applyIdv(cache.db, 'ws1', idv('idv-1'), 1);
    cases.applyIdv(cache.db, 'ws1', idv('idv-2'), 2);
  });

  const entry = (caseId: string, nextAt: number) => ({
    caseId,
    nextAt,
    intervalMs: 5000,
    failures: 0,
    lastCheckedAt: null,
    lastChangeAt: 100,
    watchUntil: null,
    reason: 'new',
  });

  it('returns due entries, most overdue first, with their workspace', () => {
    schedule.upsert(cache.db, entry('idv-1', 500));
    schedule.upsert(cache.db, entry('idv-2', 300));
    expect(schedule.nextDueAt(cache.db)).toBe(300);
    expect(schedule.due(cache.db, 400, 10).map((e) => e.caseId)).toEqual(['idv-2']);
    expect(schedule.due(cache.db, 600, 10)).toEqual([
      { ...entry('idv-2', 300), workspaceId: 'ws1' },
      { ...entry('idv-1', 500), workspaceId: 'ws1' },
    ]);
    schedule.upsert(cache.db, { ...entry('idv-2', 900), failures: 2 });
    expect(schedule.get(cache.db, 'idv-2')).toMatchObject({ nextAt: 900, failures: 2 });
    expect(schedule.remove(cache.db, 'idv-2')).toBe(true);
    expect(schedule.get(cache.db, 'idv-2')).toBeNull();
    expect(() => schedule.upsert(cache.db, entry('no-such-case', 1))).toThrow(/FOREIGN KEY/);
  });

  it('records, caps, lists and clears sync errors', () => {
    const id = syncErrors.record(cache.db, 'ws1', {
      caseId: 'idv-1',
      fileId: null,
      at: 1,
      code: 'http_503',
      message: 'x'.repeat(1000),
    });
    syncErrors.record(cache.db, 'ws1', {
      caseId: null,
      fileId: null,
      at: 2,
      code: 'auth',
      message: 'token refused',
    });
    const [latest, first] = syncErrors.list(cache.db, 'ws1');
    expect(latest!.code).toBe('auth');
    expect(first).toMatchObject({ id, caseId: 'idv-1' });
    expect(first!.message).toHaveLength(300);
    expect(syncErrors.list(cache.db, 'ws1', { caseId: 'idv-1' })).toHaveLength(1);
    expect(syncErrors.clear(cache.db, 'ws1', 'idv-1')).toBe(1);
    expect(syncErrors.list(cache.db, 'ws1')).toHaveLength(1);
  });

  it('keeps only the newest errors per workspace', () => {
    for (let i = 0; i < syncErrors.KEEP_PER_WORKSPACE + 20; i += 1) {
      syncErrors.record(cache.db, 'ws1', { caseId: null, fileId: null, at: i, code: 'c', message: `m${i}` });
    }
    const kept = syncErrors.list(cache.db, 'ws1', { limit: 10_000 });
    expect(kept).toHaveLength(syncErrors.KEEP_PER_WORKSPACE);
    expect(kept.at(-1)!.message).toBe('m20');
  });
});
