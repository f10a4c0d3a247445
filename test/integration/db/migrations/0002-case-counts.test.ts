import { join } from 'node:path';
import { rmSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../../../src/main/db/migrations';
import { openCache } from '../../../../src/main/db/open';
import * as cases from '../../../../src/main/db/repos/cases';
import * as workspaces from '../../../../src/main/db/repos/workspaces';
import type { Db } from '../../../../src/main/db/sql';
import { addWorkspace, newKey, tempDir } from '../../../unit/main/db/fixture';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function insert(db: Db, ws: string, n: number, prefix: string): void {
  for (let i = 0; i < n; i += 1) {
    cases.insertCreated(db, ws, {
      idvId: `${prefix}-${i}`,
      externalRef: `REF-${prefix}-${i}`,
      setupId: null,
      registration: { firstName: 'Ona', lastName: `Specimenaitė${i}` },
      createdUtc: new Date(Date.UTC(2025, 0, 1) + i * 1000).toISOString(),
    });
  }
}

const counter = (db: Db, ws: string): number | undefined =>
  db.prepare('SELECT n FROM case_counts WHERE workspace_id = ?').pluck().get(ws) as number | undefined;

describe('migration 0002: case counts', () => {
  it('backfills the counters of a version-1 database that already holds cases', () => {
    const dir = tempDir();
    dirs.push(dir);
    const path = join(dir, 'cache.db');
    const key = newKey();
    const v1 = openCache({ path, key, migrations: MIGRATIONS.slice(0, 1) });
    addWorkspace(v1.db, 'ws1');
    addWorkspace(v1.db, 'ws2');
    insert(v1.db, 'ws1', 7, 'a');
    insert(v1.db, 'ws2', 3, 'b');
    v1.close();

    const v2 = openCache({ path, key, migrations: MIGRATIONS.slice(0, 2) });
    expect(v2.db.pragma('user_version', { simple: true })).toBe(2);
    expect(counter(v2.db, 'ws1')).toBe(7);
    expect(counter(v2.db, 'ws2')).toBe(3);
    v2.close();
  });

  it('keeps the counter equal to the real count through inserts and a workspace purge', () => {
    const dir = tempDir();
    dirs.push(dir);
    const c = openCache({ path: join(dir, 'cache.db'), key: newKey() });
    addWorkspace(c.db, 'ws1');
    addWorkspace(c.db, 'ws2');
    insert(c.db, 'ws1', 12, 'a');
    insert(c.db, 'ws2', 5, 'b');
    const unfiltered = cases.list(c.db, 'ws1', { sort: 'created', dir: 'desc', limit: 5 });
    expect(unfiltered.total).toBe(12);
    expect(unfiltered.rows).toHaveLength(5);
    // A filtered list still counts for real.
    expect(
      cases.list(c.db, 'ws1', { sort: 'created', dir: 'desc', limit: 5, idvStatus: ['Completed'] }).total,
    ).toBe(0);
    expect(
      cases.list(c.db, 'ws1', { sort: 'created', dir: 'desc', limit: 5, search: 'Specimenaite1' }).total,
    ).toBe(3);

    expect(workspaces.purge(c.db, 'ws2')).toBe(true);
    expect(counter(c.db, 'ws2')).toBeUndefined();
    expect(cases.list(c.db, 'ws2', { sort: 'created', dir: 'desc', limit: 5 }).total).toBe(0);
    expect(cases.list(c.db, 'ws1', { sort: 'created', dir: 'desc', limit: 5 }).total).toBe(12);
    c.close();
  });
});
