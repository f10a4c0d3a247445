import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openAuditTrail, type AuditTrail } from '../../../../src/main/services/audit-trail';
import { legacyHash, type ChainFields } from '../../../../src/main/db/audit-chain';
import { verifyTrail } from '../../../../src/main/db/audit-verify';
import { CHAIN_KEY_ACCOUNT } from '../../../../src/main/db/chain-key';
import { MIGRATIONS } from '../../../../src/main/db/migrations';
import { openCache, type CacheHandle } from '../../../../src/main/db/open';
import * as audit from '../../../../src/main/db/repos/audit';
import type { Db } from '../../../../src/main/db/sql';
import { silentLogger } from '../../../../src/main/logger';
import { createMemoryStore } from '../../../../src/main/secrets/memory-store';
import type { SecretStore } from '../../../../src/main/secrets/secret-store';
import { newKey, tempDir } from '../../../unit/main/db/fixture';

const dirs: string[] = [];
const open: CacheHandle[] = [];
afterEach(() => {
  for (const c of open.splice(0)) c.close();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** A version-2 cache as the previous release wrote it: raw SQL, unkeyed (v1) chain rows. */
function legacyCache(): { dir: string; path: string; key: string } {
  const dir = tempDir();
  dirs.push(dir);
  const path = join(dir, 'cache.db');
  const key = newKey();
  const old = openCache({ path, key, migrations: MIGRATIONS.slice(0, 2) });
  old.db.exec(`INSERT INTO workspaces (id, name, environment, client_id, setup_id, created_at, updated_at)
    VALUES ('ws1', 'Old', 'sandbox', 'c', 's', 1, 1);
    INSERT INTO cases (id, workspace_id, idv_status, created_utc) VALUES ('idv-1', 'ws1', 'Completed', 1);
    INSERT INTO decisions (id, case_id, workspace_id, decision, os_user, decided_at)
      VALUES (1, 'idv-1', 'ws1', 'accept', 'u', 5);`);
  let prev = audit.GENESIS_HASH;
  const details = ['{}', '{"decision":"accept","decisionId":1}', '{}'];
  ['case.created', 'decision.recorded', 'qr.shown'].forEach((action, i) => {
    const row: ChainFields = {
      seq: i + 1,
      workspace_id: 'ws1',
      case_id: 'idv-1',
      at: i,
      os_user: 'u',
      officer_name: null,
      action,
      details_json: details[i]!,
      prev_hash: prev,
    };
    prev = legacyHash(row);
    old.db
      .prepare(
        `INSERT INTO audit (seq, workspace_id, case_id, at, os_user, officer_name, action, details_json, prev_hash, hash)
          VALUES (@seq, @workspace_id, @case_id, @at, @os_user, @officer_name, @action, @details_json, @prev_hash, @hash)`,
      )
      .run({ ...row, hash: prev });
  });
  old.close();
  return { dir, path, key };
}

async function upgrade(c: { dir: string; path: string; key: string }, secrets: SecretStore) {
  const cache = openCache({ path: c.path, key: c.key });
  open.push(cache);
  const trail = await openAuditTrail({
    db: cache.db,
    dataDir: c.dir,
    secrets,
    logger: silentLogger,
    now: () => 100,
    osUser: 'u',
    appVersion: 'test',
  });
  return { db: cache.db, trail, close: () => open.splice(open.indexOf(cache), 1)[0]!.close() };
}

const check = async (db: Db, trail: AuditTrail) =>
  verifyTrail(db, 'ws1', trail.key, await trail.readAnchors());

describe('migration 0004: keyed audit chain', () => {
  it('keeps the old unkeyed rows verifiable and re-anchors them once with a keyed entry', async () => {
    const legacy = legacyCache();
    const secrets = createMemoryStore();
    const { db, trail, close } = await upgrade(legacy, secrets);
    expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
    expect(await secrets.get(CHAIN_KEY_ACCOUNT)).toMatch(/^[0-9a-f]{64}$/);
    const events = [...audit.iterateChain(db, 'ws1')];
    expect(events.map((e) => [e.seq, e.macVersion, e.action])).toEqual([
      [1, 1, 'case.created'],
      [2, 1, 'decision.recorded'],
      [3, 1, 'qr.shown'],
      [4, 2, 'audit.reanchored'],
    ]);
    expect(events[3]!.details).toEqual({
      legacyFormat: 1,
      legacyHeadHash: events[2]!.hash,
      legacyHeadSeq: 3,
    });
    await trail.anchors.flush();
    expect(await check(db, trail)).toMatchObject({ ok: true, problems: [], decisionsChecked: 1 });
    // The desk chain exists and never loses a row.
    audit.appendDesk(db, 'ws1', { action: 'tombstone', at: 1, osUser: 'u', officerName: null });
    expect(() => db.prepare('DELETE FROM desk_audit').run()).toThrow(/append-only/);
    expect(() => db.prepare(`UPDATE desk_audit SET os_user = 'x'`).run()).toThrow(/append-only/);
    close();

    const again = await upgrade(legacy, secrets);
    expect([...audit.iterateChain(again.db, 'ws1')]).toHaveLength(4);
  });

  it('rejects an unkeyed row after the keyed ones, and a lost chain key once anything was signed', async () => {
    const legacy = legacyCache();
    const secrets = createMemoryStore();
    const { db, trail, close } = await upgrade(legacy, secrets);
    await trail.anchors.flush();
    const head = audit.head(db, 'ws1')!;
    const forged: ChainFields = {
      seq: head.seq + 1,
      workspace_id: 'ws1',
      case_id: null,
      at: 9,
      os_user: 'x',
      officer_name: null,
      action: 'qr.shown',
      details_json: '{}',
      prev_hash: head.mac,
    };
    db.exec('DROP TRIGGER audit_no_update');
    db.prepare(
      `INSERT INTO audit (seq, workspace_id, case_id, at, os_user, officer_name, action, details_json, prev_hash, hash, mac_version)
        VALUES (@seq, @workspace_id, @case_id, @at, @os_user, @officer_name, @action, @details_json, @prev_hash, @hash, 1)`,
    ).run({ ...forged, hash: legacyHash(forged) });
    const result = await check(db, trail);
    expect(result.ok).toBe(false);
    expect(result.problems.map((p) => p.kind)).toEqual(
      expect.arrayContaining(['legacy_after_keyed', 'unkeyed_tail']),
    );
    close();

    await secrets.delete(CHAIN_KEY_ACCOUNT);
    await expect(upgrade(legacy, secrets)).rejects.toMatchObject({ code: 'audit_chain_key_missing' });
  });
});
