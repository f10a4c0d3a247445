import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../../../src/main/db/migrations';
import { migration0006 } from '../../../../src/main/db/migrations/0006-case-names';
import { openCache } from '../../../../src/main/db/open';
import * as cases from '../../../../src/main/db/repos/cases';
import * as kyc from '../../../../src/main/db/repos/kyc';
import type { Db } from '../../../../src/main/db/sql';
import { addWorkspace, newKey, tempDir } from '../../../unit/main/db/fixture';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

const before = MIGRATIONS.slice(0, MIGRATIONS.indexOf(migration0006));

function path(): string {
  const dir = tempDir();
  dirs.push(dir);
  return join(dir, 'cache.db');
}

const found = (db: Db, search: string): string[] =>
  cases
    .list(db, 'ws1', { search, sort: 'created', dir: 'asc', limit: 50 })
    .rows.map((r) => r.id)
    .sort();

const json = (value: unknown): string => JSON.stringify(value).replace(/'/g, "''");

describe('migration 0006: case names', () => {
  it('keeps the registered name of cases a version-5 database renamed after the document', () => {
    const file = path();
    const key = newKey();
    const old = openCache({ path: file, key, migrations: before });
    // Rows as version 5 wrote them: full_name followed the document once it was read.
    old.db.exec(`
      INSERT INTO workspaces (id, name, environment, client_id, setup_id, created_at, updated_at)
        VALUES ('ws1', 'W', 'sandbox', 'c', 's', 1, 1);
      INSERT INTO cases (id, workspace_id, external_ref, registration_json, full_name, personal_code,
          idv_status, created_utc, kyc_id)
        VALUES ('case-a', 'ws1', 'CRM-1',
          '${json({ firstName: 'Jonas', lastName: 'Petraitis', personalCode: '38001010000' })}',
          'JANE DOE', '49001010000', 'Completed', 1, 'kyc-a');
      INSERT INTO kyc (id, case_id, payload_json, status, fetch_seq, synced_at)
        VALUES ('kyc-a', 'case-a',
          '${json({ id: 'kyc-a', document: { firstName: 'JANE', lastName: 'DOE', personalCode: '49001010000' } })}',
          'Awaiting', 1, 1);
      INSERT INTO cases (id, workspace_id, registration_json, full_name, idv_status, created_utc)
        VALUES ('case-b', 'ws1', '${json({ firstName: 'Łucja', lastName: 'Łódź' })}', 'Łucja Łódź',
          'Pending', 2);
      INSERT INTO cases (id, workspace_id, idv_json, full_name, idv_status, created_utc)
        VALUES ('case-c', 'ws1', '${json({ id: 'case-c', registration: { firstName: 'Søren', lastName: 'Ørsted' } })}',
          'Søren Ørsted', 'Pending', 3);
      INSERT INTO cases (id, workspace_id, full_name, idv_status, created_utc)
        VALUES ('case-d', 'ws1', NULL, 'Pending', 4);
      INSERT INTO cases (id, workspace_id, idv_json, full_name, idv_status, created_utc)
        VALUES ('case-e', 'ws1', '{"registration":"not an object","id":"case-e"}', NULL, 'Pending', 5);
    `);
    // Before: the registered surname finds nothing, and Ł is not folded by the tokenizer.
    const oldFound = (q: string) =>
      old.db
        .prepare(`SELECT c.id FROM cases_fts f JOIN cases c ON c.seq = f.rowid WHERE cases_fts MATCH ?`)
        .pluck()
        .all(q);
    expect(oldFound('"petraitis"*')).toEqual([]);
    expect(oldFound('"lodz"*')).toEqual([]);
    old.close();

    const c = openCache({ path: file, key });
    const { db } = c;
    expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
    expect(cases.get(db, 'ws1', 'case-a')).toMatchObject({
      fullName: 'Jonas Petraitis',
      registeredName: 'Jonas Petraitis',
      nameAsRead: 'JANE DOE',
      personalCode: '38001010000',
    });
    expect(cases.get(db, 'ws1', 'case-c')).toMatchObject({
      fullName: 'Søren Ørsted',
      registeredName: 'Søren Ørsted',
      nameAsRead: null,
    });
    expect(cases.get(db, 'ws1', 'case-d')).toMatchObject({ fullName: null, registeredName: null });
    // Ondato's payloads are read leniently: a registration that is not an object is no name, no failure.
    expect(cases.get(db, 'ws1', 'case-e')).toMatchObject({ fullName: null, registeredName: null });

    expect(found(db, 'Petraitis')).toEqual(['case-a']);
    expect(found(db, 'jane doe')).toEqual(['case-a']);
    expect(found(db, '49001010000')).toEqual(['case-a']);
    expect(found(db, 'CRM-1')).toEqual(['case-a']);
    expect(found(db, 'lodz')).toEqual(['case-b']);
    expect(found(db, 'Łódź')).toEqual(['case-b']);
    expect(found(db, 'LUCJA')).toEqual(['case-b']);
    expect(found(db, 'orsted')).toEqual(['case-c']);
    expect(found(db, 'oersted')).toEqual(['case-c']);
    expect(found(db, 'soren oer')).toEqual(['case-c']);
    expect(found(db, 'case-d')).toContain('case-d');
    expect(db.prepare(`INSERT INTO cases_fts (cases_fts) VALUES ('integrity-check')`).run()).toBeTruthy();

    // The index follows later writes through the new triggers, and deletes leave nothing behind.
    db.prepare("DELETE FROM cases WHERE id = 'case-b'").run();
    expect(found(db, 'lodz')).toEqual([]);
    db.prepare(`INSERT INTO cases_fts (cases_fts) VALUES ('integrity-check')`).run();
    c.close();
  });

  it('indexes both names on a fresh database, through the repos', () => {
    const c = openCache({ path: path(), key: newKey() });
    const { db } = c;
    addWorkspace(db, 'ws1');
    cases.insertCreated(db, 'ws1', {
      idvId: 'idv-1',
      externalRef: null,
      setupId: null,
      registration: { firstName: 'Ingrid', lastName: 'Ørsted' },
      createdUtc: '2025-01-01T00:00:00.000Z',
    });
    cases.applyIdv(
      db,
      'ws1',
      {
        id: 'idv-1',
        status: 'Completed',
        createdUtc: '2025-01-01T00:00:00.000Z',
        step: { kycIdentification: { id: 'kyc-1' } },
      },
      1,
    );
    kyc.applyKyc(
      db,
      'ws1',
      'idv-1',
      {
        id: 'kyc-1',
        status: 'Awaiting',
        document: { firstName: 'Анна', lastName: 'Иванова', fullName: 'Анна Иванова' },
      },
      2,
    );
    expect(cases.get(db, 'ws1', 'idv-1')).toMatchObject({
      fullName: 'Ingrid Ørsted',
      nameAsRead: 'Анна Иванова',
    });
    expect(found(db, 'orsted')).toEqual(['idv-1']);
    expect(found(db, 'OERSTED ingrid')).toEqual(['idv-1']);
    expect(found(db, 'Иванова')).toEqual(['idv-1']);
    expect(found(db, 'ivanova')).toEqual(['idv-1']);
    expect(found(db, 'petraitis')).toEqual([]);
    c.close();
  });
});
