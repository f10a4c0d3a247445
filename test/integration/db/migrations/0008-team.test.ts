import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../../../src/main/db/migrations';
import { migration0008 } from '../../../../src/main/db/migrations/0008-team';
import { openCache } from '../../../../src/main/db/open';
import { newKey, tempDir } from '../../../unit/main/db/fixture';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

const before = MIGRATIONS.slice(0, MIGRATIONS.indexOf(migration0008));

describe('migration 0008: team', () => {
  it('adds the team link, outbox and mirror to a cache that already holds cases, and removes them with the workspace', () => {
    const dir = tempDir();
    dirs.push(dir);
    const path = join(dir, 'cache.db');
    const key = newKey();
    const old = openCache({ path, key, migrations: before });
    old.db.exec(`
      INSERT INTO workspaces (id, name, environment, client_id, setup_id, created_at, updated_at)
        VALUES ('ws1', 'W', 'sandbox', 'c', 's', 1, 1);
      INSERT INTO cases (id, workspace_id, idv_status, created_utc) VALUES ('idv-1', 'ws1', 'Completed', 1);
    `);
    old.close();

    const c = openCache({ path, key });
    const { db } = c;
    expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
    db.exec(`
      INSERT INTO team_links (workspace_id, url, desk_id, joined_at) VALUES ('ws1', 'postgres://a@h/db', 'd', 1);
      INSERT INTO team_outbox (client_id, workspace_id, case_id, local_decision_id, outcome, reason_code, note,
        overridden_json, decided_at, queued_at) VALUES ('c1', 'ws1', 'idv-1', 1, 'reject', 'r', '', '[]', 1, 1);
      INSERT INTO team_decisions (team_id, workspace_id, case_id, client_id, outcome, reason_code, note, officer,
        decided_at, recorded_at, needs_approval) VALUES (7, 'ws1', 'idv-1', 'c1', 'reject', 'r', '', 'a', 1, 1, 0);
      INSERT INTO team_cases (case_id, workspace_id, assignee) VALUES ('idv-1', 'ws1', 'a');
    `);
    expect(db.prepare('SELECT last_seq FROM team_links').pluck().get()).toBe(0);
    expect(() => db.prepare("UPDATE team_outbox SET overridden_json = 'nope'").run()).toThrow(/CHECK/);
    expect(() => db.prepare('UPDATE team_links SET supervisor = 2').run()).toThrow(/CHECK/);
    // A removed case takes its team standing with it; a removed workspace takes everything.
    db.prepare("DELETE FROM cases WHERE id = 'idv-1'").run();
    expect(db.prepare('SELECT count(*) FROM team_cases').pluck().get()).toBe(0);
    db.prepare("DELETE FROM workspaces WHERE id = 'ws1'").run();
    for (const table of ['team_links', 'team_outbox', 'team_decisions']) {
      expect(db.prepare(`SELECT count(*) FROM ${table}`).pluck().get()).toBe(0);
    }
    c.close();
  });
});
