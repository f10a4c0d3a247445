import { join } from 'node:path';
import { rmSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../../../src/main/db/migrations';
import { migration0003 } from '../../../../src/main/db/migrations/0003-decision-flags';
import { openCache } from '../../../../src/main/db/open';
import * as decisions from '../../../../src/main/db/repos/decisions';
import { newKey, openKeyedCache, tempDir } from '../../../unit/main/db/fixture';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('migration 0003: decision flags', () => {
  it('adds the flag columns to decisions written before it, and keeps them append-only', () => {
    const dir = tempDir();
    dirs.push(dir);
    const path = join(dir, 'cache.db');
    const key = newKey();
    const before = MIGRATIONS.slice(0, MIGRATIONS.indexOf(migration0003));
    const old = openCache({ path, key, migrations: before });
    // The version-2 schema's rows, written as raw SQL: today's repos know tables that did not exist then.
    old.db.exec(`
      INSERT INTO workspaces (id, name, environment, client_id, setup_id, created_at, updated_at)
        VALUES ('ws1', 'Workspace ws1', 'sandbox', 'client', 'setup', 1735689600000, 1735689600000);
      INSERT INTO cases (id, workspace_id, external_ref, registration_json, full_name, idv_status, created_utc)
        VALUES ('idv-1', 'ws1', 'REF-1', '{"firstName":"Ona"}', 'Ona', 'Created', 1735689600000);
    `);
    // The old schema's row, written as the old code wrote it.
    old.db
      .prepare(
        `INSERT INTO decisions (case_id, workspace_id, decision, reason_code, note, officer_name, os_user,
          decided_at, supersedes_id) VALUES ('idv-1', 'ws1', 'accept', 'verified', NULL, 'Olga', 'olga', 1000, NULL)`,
      )
      .run();
    old.close();

    const c = openKeyedCache(path, key);
    expect(c.db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
    const [kept] = decisions.listForCase(c.db, 'ws1', 'idv-1');
    expect(kept).toMatchObject({ decision: 'accept', riskFlags: [], overriddenFlags: [] });

    const next = decisions.record(c.db, 'ws1', {
      caseId: 'idv-1',
      decision: 'accept',
      reasonCode: 'verified_manual_check',
      note: 'Checked in person at the branch office.',
      officerName: 'Olga',
      osUser: 'olga',
      decidedAt: 2000,
      riskFlags: [
        { code: 'document_expiring', severity: 'medium', label: 'Expiring', detail: 'Expires on 2026-03-31' },
      ],
      overriddenFlags: ['document_expiring'],
    });
    expect(decisions.latest(c.db, 'ws1', 'idv-1')).toEqual(next);
    expect(next.overriddenFlags).toEqual(['document_expiring']);

    expect(() => c.db.prepare(`UPDATE decisions SET overridden_flags_json = '[]'`).run()).toThrow(
      /append-only/,
    );
    expect(() =>
      c.db
        .prepare(
          `INSERT INTO decisions (case_id, workspace_id, decision, os_user, decided_at, overridden_flags_json)
           VALUES ('idv-1', 'ws1', 'reject', 'olga', 3000, '{"a":1}')`,
        )
        .run(),
    ).toThrow(/CHECK/);
    c.close();
  });
});
