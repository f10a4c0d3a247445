import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../../../src/main/db/migrations';
import { migration0005 } from '../../../../src/main/db/migrations/0005-retention';
import { openCache } from '../../../../src/main/db/open';
import { newKey, tempDir } from '../../../unit/main/db/fixture';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

const before = MIGRATIONS.slice(0, MIGRATIONS.indexOf(migration0005));

describe('migration 0005: retention', () => {
  it('adds the lifecycle, purged-file and policy tables to a database that already holds cases', () => {
    const dir = tempDir();
    dirs.push(dir);
    const path = join(dir, 'cache.db');
    const key = newKey();
    const old = openCache({ path, key, migrations: before });
    // The old schema's rows, written with plain SQL rather than today's repos.
    old.db.exec(`
      INSERT INTO workspaces (id, name, environment, client_id, setup_id, created_at, updated_at)
        VALUES ('ws1', 'W', 'sandbox', 'c', 's', 1, 1);
      INSERT INTO cases (id, workspace_id, idv_status, created_utc) VALUES ('idv-1', 'ws1', 'Completed', 1);
    `);
    old.close();

    const c = openCache({ path, key });
    const { db } = c;
    expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
    db.prepare(
      "INSERT INTO case_lifecycle (case_id, purged_at, purge_kind) VALUES ('idv-1', 5, 'retention')",
    ).run();
    db.prepare(
      "INSERT INTO purged_files (case_id, file_id, ord, sha256) VALUES ('idv-1', 'f1', 0, 'ab')",
    ).run();
    db.prepare(
      "INSERT INTO retention_policies (workspace_id, days, updated_at) VALUES ('ws1', 1826, 1)",
    ).run();
    // A purge time needs its kind, and only the two kinds exist; a period is 1 day to 100 years.
    expect(() =>
      db.prepare("UPDATE case_lifecycle SET purge_kind = NULL WHERE case_id = 'idv-1'").run(),
    ).toThrow(/CHECK/);
    expect(() =>
      db.prepare("UPDATE case_lifecycle SET purge_kind = 'other' WHERE case_id = 'idv-1'").run(),
    ).toThrow(/CHECK/);
    expect(() =>
      db.prepare("UPDATE retention_policies SET days = 0 WHERE workspace_id = 'ws1'").run(),
    ).toThrow(/CHECK/);
    // Removing the case removes its lifecycle rows with it.
    db.prepare("DELETE FROM cases WHERE id = 'idv-1'").run();
    expect(db.prepare('SELECT count(*) FROM case_lifecycle').pluck().get()).toBe(0);
    expect(db.prepare('SELECT count(*) FROM purged_files').pluck().get()).toBe(0);
    c.close();
  });
});
