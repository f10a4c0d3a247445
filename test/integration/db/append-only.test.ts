import Database from 'better-sqlite3-multiple-ciphers';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { legacyHash, type ChainFields } from '../../../src/main/db/audit-chain';
import { applyKey } from '../../../src/main/db/connection';
import * as audit from '../../../src/main/db/repos/audit';
import * as cases from '../../../src/main/db/repos/cases';
import * as decisions from '../../../src/main/db/repos/decisions';
import * as images from '../../../src/main/db/repos/images';
import * as schedule from '../../../src/main/db/repos/schedule';
import * as syncErrors from '../../../src/main/db/repos/sync-errors';
import * as workspaces from '../../../src/main/db/repos/workspaces';
import type { Db } from '../../../src/main/db/sql';
import { seedCases } from '../../support/seed-cases';
import { openTempCache, type TempCache } from '../../unit/main/db/fixture';

let cache: TempCache;
beforeEach(() => {
  cache = openTempCache();
  for (const ws of ['ws1', 'ws2']) {
    seedCases(cache.db, { workspaceId: ws, count: 30, seed: ws === 'ws1' ? 1 : 2, decisionRate: 1 });
    const [first] = cases.list(cache.db, ws, {
      sort: 'created',
      dir: 'asc',
      limit: 1,
      idvStatus: ['Completed'],
    }).rows;
    const detail = cases.get(cache.db, ws, first!.id)!;
    for (const f of detail.kyc!.files) {
      images.put(cache.db, {
        fileId: f.fileId,
        mime: 'image/png',
        bytes: Buffer.from(`img-${ws}`),
        fetchedAt: 1,
      });
    }
    schedule.upsert(cache.db, {
      caseId: first!.id,
      nextAt: 1,
      intervalMs: 1,
      failures: 0,
      lastCheckedAt: null,
      lastChangeAt: null,
      watchUntil: null,
      reason: 'new',
    });
    syncErrors.record(cache.db, ws, { caseId: first!.id, fileId: null, at: 1, code: 'x', message: 'y' });
    for (const decision of ['escalate', 'accept'] as const) {
      // A chain of superseding decisions: the self-reference must not block the purge's cascade.
      decisions.record(cache.db, ws, {
        caseId: first!.id,
        decision,
        reasonCode: null,
        note: null,
        officerName: null,
        osUser: 'u',
        decidedAt: 10,
      });
    }
    for (let i = 0; i < 3; i += 1) {
      audit.append(cache.db, ws, {
        action: 'qr.shown',
        at: i,
        osUser: 'u',
        officerName: null,
        caseId: first!.id,
      });
    }
  }
});
afterEach(() => cache.dispose());

const count = (db: Db, sql: string, ...params: unknown[]): number =>
  db
    .prepare(sql)
    .pluck()
    .get(...params) as number;

/** The attacker (or a careless tool) with the key: a separate connection, triggers dropped. */
function attacker(run: (db: Db) => void): void {
  const db = new Database(cache.path);
  applyKey(db, cache.key);
  db.exec('DROP TRIGGER IF EXISTS audit_no_update; DROP TRIGGER IF EXISTS audit_no_delete;');
  run(db);
  db.close();
}

describe('append-only decisions and audit', () => {
  it('refuses UPDATE and DELETE', () => {
    const db = cache.db;
    for (const table of ['decisions', 'audit']) {
      const key = table === 'audit' ? 'seq' : 'id';
      expect(() =>
        db
          .prepare(`UPDATE ${table} SET os_user = 'x' WHERE ${key} = (SELECT min(${key}) FROM ${table})`)
          .run(),
      ).toThrow(/append-only/);
      expect(() =>
        db.prepare(`DELETE FROM ${table} WHERE ${key} = (SELECT min(${key}) FROM ${table})`).run(),
      ).toThrow(/append-only/);
    }
    expect(() => db.prepare(`DELETE FROM workspaces WHERE id = 'ws1'`).run()).toThrow(/append-only/);
    expect(() => db.prepare(`DELETE FROM cases WHERE id IN (SELECT case_id FROM decisions)`).run()).toThrow(
      /append-only/,
    );
    expect(count(db, `SELECT count(*) FROM cases WHERE workspace_id = 'ws1'`)).toBe(30);
  });

  it('detects an edited audit row', () => {
    expect(audit.verifyChain(cache.db, 'ws1')).toMatchObject({ ok: true });
    const events = audit.listForWorkspace(cache.db, 'ws1', { limit: 1000 }).reverse();
    const victim = events[Math.floor(events.length / 2)]!;
    attacker((db) => {
      db.prepare(`UPDATE audit SET details_json = '{"decision":"accept"}' WHERE seq = ?`).run(victim.seq);
    });
    expect(audit.verifyChain(cache.db, 'ws1')).toMatchObject({
      ok: false,
      checked: events.length,
      firstBadSeq: victim.seq,
      problems: [{ kind: 'mac_mismatch', seq: victim.seq }],
    });
    expect(audit.verifyChain(cache.db, 'ws2')).toMatchObject({ ok: true });
  });

  it('detects an edit re-hashed without the chain key, and a deleted row at the next link', () => {
    const events = audit.listForWorkspace(cache.db, 'ws1', { limit: 1000 }).reverse();
    const [, victim, next] = events;
    attacker((db) => {
      const row = db.prepare('SELECT * FROM audit WHERE seq = ?').get(victim!.seq) as ChainFields;
      const forged = { ...row, officer_name: 'Someone Else' };
      db.prepare('UPDATE audit SET officer_name = ?, hash = ? WHERE seq = ?').run(
        forged.officer_name,
        legacyHash(forged),
        victim!.seq,
      );
    });
    // The unkeyed hash is all an attacker without the chain key can compute: the MAC exposes it.
    expect(audit.verifyChain(cache.db, 'ws1')).toMatchObject({ ok: false, firstBadSeq: victim!.seq });
    expect(next).toBeDefined();

    const other = audit.listForWorkspace(cache.db, 'ws2', { limit: 1000 }).reverse();
    attacker((db) => db.prepare('DELETE FROM audit WHERE seq = ?').run(other[1]!.seq));
    expect(audit.verifyChain(cache.db, 'ws2')).toMatchObject({ ok: false, firstBadSeq: other[2]!.seq });
  });
});

describe('workspace purge', () => {
  const tables = (ws: string): Record<string, number> => ({
    cases: count(cache.db, 'SELECT count(*) FROM cases WHERE workspace_id = ?', ws),
    kyc: count(
      cache.db,
      'SELECT count(*) FROM kyc k JOIN cases c ON c.id = k.case_id WHERE c.workspace_id = ?',
      ws,
    ),
    decisions: count(cache.db, 'SELECT count(*) FROM decisions WHERE workspace_id = ?', ws),
    audit: count(cache.db, 'SELECT count(*) FROM audit WHERE workspace_id = ?', ws),
    syncErrors: count(cache.db, 'SELECT count(*) FROM sync_errors WHERE workspace_id = ?', ws),
    schedule: count(
      cache.db,
      'SELECT count(*) FROM sync_schedule s JOIN cases c ON c.id = s.case_id WHERE c.workspace_id = ?',
      ws,
    ),
    images: count(cache.db, `SELECT count(*) FROM images WHERE bytes = CAST(? AS BLOB)`, `img-${ws}`),
  });

  it('removes everything of one workspace and nothing of another', () => {
    const ws2Before = tables('ws2');
    const ws2Chain = audit.verifyChain(cache.db, 'ws2');
    expect(Object.values(tables('ws1')).every((n) => n > 0)).toBe(true);
    const ws1Names = cases
      .list(cache.db, 'ws1', { sort: 'created', dir: 'desc', limit: 500 })
      .rows.map((r) => r.id);

    expect(workspaces.purge(cache.db, 'ws1')).toBe(true);

    expect(Object.values(tables('ws1')).every((n) => n === 0)).toBe(true);
    expect(workspaces.get(cache.db, 'ws1')).toBeNull();
    expect(count(cache.db, 'SELECT count(*) FROM files WHERE kyc_id NOT IN (SELECT id FROM kyc)')).toBe(0);
    expect(count(cache.db, 'SELECT count(*) FROM purge_guard')).toBe(0);
    expect(tables('ws2')).toEqual(ws2Before);
    expect(audit.verifyChain(cache.db, 'ws2')).toEqual(ws2Chain);
    expect(ws2Chain.ok).toBe(true);
    // The search index follows: ws1's ids are no longer found anywhere.
    expect(
      cases.list(cache.db, 'ws2', { sort: 'created', dir: 'desc', limit: 500, search: ws1Names[0]! }).total,
    ).toBe(0);
    expect(() => cache.db.exec(`INSERT INTO cases_fts (cases_fts) VALUES ('integrity-check')`)).not.toThrow();
    // The permission died with the purge.
    expect(() => cache.db.prepare(`DELETE FROM audit WHERE workspace_id = 'ws2'`).run()).toThrow(
      /append-only/,
    );
    expect(workspaces.purge(cache.db, 'ws1')).toBe(false);
  });

  it('keeps a new event of the surviving workspace chained after a purge', () => {
    workspaces.purge(cache.db, 'ws1');
    const e = audit.append(cache.db, 'ws2', { action: 'qr.shown', at: 9, osUser: 'u', officerName: null });
    expect(audit.verifyChain(cache.db, 'ws2')).toMatchObject({ ok: true });
    expect(e.seq).toBeGreaterThan(
      count(cache.db, `SELECT seq FROM sqlite_sequence WHERE name = 'audit'`) - 1,
    );
  });
});
