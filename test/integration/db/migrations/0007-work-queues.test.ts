import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../../../src/main/db/migrations';
import { migration0007 } from '../../../../src/main/db/migrations/0007-work-queues';
import { openCache } from '../../../../src/main/db/open';
import * as attention from '../../../../src/main/db/repos/attention';
import * as cases from '../../../../src/main/db/repos/cases';
import { newKey, tempDir } from '../../../unit/main/db/fixture';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

const before = MIGRATIONS.slice(0, MIGRATIONS.indexOf(migration0007));

describe('migration 0007: work queues', () => {
  it('counts the queues of the cases already cached and leaves their attention due', () => {
    const dir = tempDir();
    dirs.push(dir);
    const path = join(dir, 'cache.db');
    const key = newKey();
    const old = openCache({ path, key, migrations: before });
    old.db.exec(`
      INSERT INTO workspaces (id, name, environment, client_id, setup_id, created_at, updated_at)
        VALUES ('ws1', 'W', 'sandbox', 'c', 's', 1, 1);
      INSERT INTO cases (id, workspace_id, idv_status, kyc_status, decision, created_utc) VALUES
        ('a', 'ws1', 'Completed', 'Approved', NULL, 1),
        ('b', 'ws1', 'Completed', 'Rejected', 'escalate', 2),
        ('c', 'ws1', 'Pending', NULL, NULL, 3),
        ('d', 'ws1', 'Completed', 'Approved', 'accept', 4);
    `);
    old.close();

    const c = openCache({ path, key });
    const { db } = c;
    expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
    expect(cases.queueCounts(db, 'ws1')).toEqual({
      'needs-decision': 1,
      'waiting-customer': 1,
      'waiting-ondato': 0,
      escalated: 1,
      decided: 1,
      all: 4,
    });
    // Never computed before: the first refresh after the upgrade computes every row.
    expect(attention.dueCases(db, Date.now(), 10).sort()).toEqual(['a', 'b', 'c', 'd']);
    expect(attention.refreshDue(db, Date.now(), 10)).toHaveLength(4);
    expect(attention.dueCases(db, Date.now(), 10)).toEqual([]);
    const pending = cases.list(db, 'ws1', { sort: 'attention', dir: 'desc', limit: 10 }).rows[0];
    expect(pending?.id).toBe('c');
    expect(pending?.attention.worst?.severity).toBe('block');
    // The counters refuse to go negative rather than drift.
    expect(() => db.prepare("UPDATE queue_counts SET n = -1 WHERE queue = 'decided'").run()).toThrow(/CHECK/);
    c.close();
  });

  it('applies to a fresh database', () => {
    const dir = tempDir();
    dirs.push(dir);
    const c = openCache({ path: join(dir, 'cache.db'), key: newKey() });
    const names = c.db
      .prepare(
        "SELECT name FROM sqlite_master WHERE name LIKE 'queue_counts%' OR name LIKE 'cases_by_queue%'",
      )
      .pluck()
      .all();
    expect(names).toEqual(
      expect.arrayContaining([
        'queue_counts',
        'queue_counts_insert',
        'queue_counts_update',
        'queue_counts_delete',
        'cases_by_queue_created',
        'cases_by_queue_attention',
      ]),
    );
    c.close();
  });
});
