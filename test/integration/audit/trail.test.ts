import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HEAD_ACCOUNT, parseHeads, sidecarPath } from '../../../src/main/db/audit-anchor';
import { legacyHash, type ChainFields } from '../../../src/main/db/audit-chain';
import { CHAIN_KEY_ACCOUNT } from '../../../src/main/db/chain-key';
import * as audit from '../../../src/main/db/repos/audit';
import * as workspacesRepo from '../../../src/main/db/repos/workspaces';
import { decisionDigest, type StoredDecisionRow } from '../../../src/main/db/repos/decisions';
import { canonicalJson } from '../../../src/main/db/sql';
import type { AuditChainCheck } from '../../../src/shared/domain/audit';
import { tempDataDir, testCore, testKeychain, type TestCore, type TestKeychain } from '../services/support';
import { workspaceInput } from '../../unit/main/db/fixture';
import { asAttacker, seedDecisions } from './support';

let keychain: TestKeychain;
let data: { dir: string; remove(): void };
let core: TestCore;
let ws: string;
let decisionIds: number[];

beforeEach(async () => {
  keychain = testKeychain();
  data = tempDataDir();
  core = await testCore(data.dir, keychain.store);
  ws = (await core.services.workspaces.createDemo({ officerName: 'Olga Officer' })).id;
  decisionIds = seedDecisions(core.db, ws);
});

afterEach(async () => {
  await core.close();
  await keychain.cleanup();
  data.remove();
});

const kinds = (check: AuditChainCheck): string[] =>
  check.problems.map((p) => `${p.kind}:${p.anchor ?? p.chain}`).sort();
const attack = (run: Parameters<typeof asAttacker>[2]) => asAttacker(data.dir, keychain.store, run);

describe('the keyed, anchored audit trail', () => {
  it('verifies intact, and anchors every append in the keychain and the sidecar file', async () => {
    const check = await core.services.audit.verify();
    expect(check).toMatchObject({ ok: true, decisionsChecked: 3, problems: [] });
    const head = audit.head(core.db, ws)!;
    expect(check.head).toEqual(head);
    await core.services.audit.verify(); // flushes the anchors
    const keychainHeads = parseHeads((await keychain.store.get(HEAD_ACCOUNT))!);
    const sidecarHeads = parseHeads(readFileSync(sidecarPath(data.dir), 'utf8'));
    expect(keychainHeads).toMatchObject({ [ws]: head });
    expect(sidecarHeads).toMatchObject({ [ws]: head });
    // The chain key is its own keychain entry, not the database key.
    const chainKey = await keychain.store.get(CHAIN_KEY_ACCOUNT);
    expect(chainKey).toMatch(/^[0-9a-f]{64}$/);
    expect(chainKey).not.toBe(await keychain.store.get('cache:db-key'));
  });

  it('detects a decision row changed in place', async () => {
    await attack((db) =>
      db
        .prepare(`UPDATE decisions SET decision = 'accept', officer_name = 'Someone' WHERE id = ?`)
        .run(decisionIds[1]),
    );
    const check = await core.services.audit.verify();
    expect(check.ok).toBe(false);
    expect(check.problems).toEqual([
      expect.objectContaining({ kind: 'decision_changed', decisionId: decisionIds[1] }),
    ]);
  });

  it('detects a deleted decision and one added outside the app', async () => {
    await attack((db) => {
      db.prepare('DELETE FROM decisions WHERE id = ?').run(decisionIds[0]);
      db.prepare(
        `INSERT INTO decisions (case_id, workspace_id, decision, os_user, decided_at) VALUES ('idv-b', ?, 'accept', 'x', 40)`,
      ).run(ws);
    });
    expect(kinds(await core.services.audit.verify())).toEqual([
      'decision_deleted:workspace',
      'decision_unrecorded:workspace',
    ]);
  });

  it('detects the last audit rows deleted (a truncated tail), by both anchors', async () => {
    const before = audit.head(core.db, ws)!;
    await attack((db) =>
      db.prepare('DELETE FROM audit WHERE workspace_id = ? AND seq >= ?').run(ws, before.seq - 1),
    );
    const check = await core.services.audit.verify();
    expect(check.ok).toBe(false);
    expect(kinds(check)).toEqual(
      expect.arrayContaining([
        'truncated_tail:keychain',
        'truncated_tail:sidecar',
        'decision_unrecorded:workspace',
      ]),
    );
  });

  it('detects everything deleted (audit rows and decisions)', async () => {
    await attack((db) => {
      db.prepare('DELETE FROM decisions WHERE workspace_id = ?').run(ws);
      db.prepare('DELETE FROM audit WHERE workspace_id = ?').run(ws);
    });
    const check = await core.services.audit.verify();
    // Nothing left in the database to compare: the anchors outside it are what notice.
    expect(check).toMatchObject({ ok: false, checked: 0, head: null, decisionsChecked: 0 });
    expect(kinds(check)).toEqual(['truncated_tail:keychain', 'truncated_tail:sidecar']);
  });

  it('detects a whole chain recomputed the unkeyed (v1) way after an edit: the MACs need the chain key', async () => {
    await attack((db) => {
      db.prepare(`UPDATE decisions SET note = 'rewritten' WHERE id = ?`).run(decisionIds[0]);
      let prev = audit.GENESIS_HASH;
      const rows = db
        .prepare('SELECT * FROM audit WHERE workspace_id = ? ORDER BY seq')
        .all(ws) as (ChainFields & { hash: string })[];
      for (const r of rows) {
        let details = r.details_json;
        if (r.action === 'decision.recorded') {
          const d = JSON.parse(details) as { decisionId: number; row: StoredDecisionRow; rowDigest: string };
          const row = db
            .prepare('SELECT * FROM decisions WHERE id = ?')
            .get(d.decisionId) as StoredDecisionRow;
          details = canonicalJson({ ...d, row, rowDigest: decisionDigest(row) });
        }
        const forged: ChainFields = { ...r, details_json: details, prev_hash: prev };
        prev = legacyHash(forged);
        db.prepare(
          'UPDATE audit SET details_json = ?, prev_hash = ?, hash = ?, mac_version = 1 WHERE seq = ?',
        ).run(details, forged.prev_hash, prev, r.seq);
      }
    });
    const check = await core.services.audit.verify();
    expect(check.ok).toBe(false);
    expect(kinds(check)).toEqual(
      expect.arrayContaining([
        'anchor_mismatch:keychain',
        'anchor_mismatch:sidecar',
        'unkeyed_tail:workspace',
      ]),
    );
  });

  it('reports a missing head, and never moves an anchor past a truncation', async () => {
    await core.services.audit.verify(); // the seed's anchor writes have landed
    rmSync(sidecarPath(data.dir));
    expect(kinds(await core.services.audit.verify())).toEqual(['missing_head:sidecar']);

    const anchored = audit.head(core.db, ws)!;
    await attack((db) => db.prepare('DELETE FROM audit WHERE seq = ?').run(anchored.seq));
    // The next append chains from the truncated tail; the anchor must keep naming the lost entry.
    audit.append(core.db, ws, { action: 'qr.shown', at: 99, osUser: 'tester', officerName: null });
    await core.services.audit.verify();
    expect(parseHeads((await keychain.store.get(HEAD_ACCOUNT))!)).toMatchObject({ [ws]: anchored });
    expect(kinds(await core.services.audit.verify())).toContain('anchor_mismatch:keychain');
  });

  it('checks the trail against an earlier export (--against) and sees a later truncation', async () => {
    const file = join(data.dir, 'archive.jsonl');
    const exported = core.services.audit.exportTrail(file);
    const lines = readFileSync(file, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines[0]).toMatchObject({
      type: 'header',
      format: 'kyc-desk-audit-trail',
      workspace: { id: ws },
      head: exported.head,
    });
    expect(lines.at(-1)).toEqual({
      type: 'head',
      workspace: ws,
      head: exported.head,
      events: exported.events,
    });
    expect(lines.filter((l) => l.type === 'event')).toHaveLength(exported.events);
    expect((await core.services.audit.verifyAgainst(file)).ok).toBe(true);

    // Rolled back to the state before the export's head: the anchors are rewritten too (the attacker
    // has the keychain), so only the export still knows the old head.
    await attack((db) =>
      db.prepare('DELETE FROM audit WHERE workspace_id = ? AND seq >= ?').run(ws, exported.head!.seq),
    );
    await keychain.store.delete(HEAD_ACCOUNT);
    rmSync(sidecarPath(data.dir));
    const check = await core.services.audit.verifyAgainst(file);
    expect(check.ok).toBe(false);
    expect(kinds(check)).toEqual(expect.arrayContaining(['export_mismatch:export', 'truncated_tail:export']));
  });

  it('keeps the anchors another process (the CLI beside the app) wrote for chains it never touched', async () => {
    const cli = await testCore(data.dir, keychain.store);
    workspacesRepo.add(cli.db, { ...workspaceInput('ws-cli'), officerName: null }, 1);
    audit.append(cli.db, 'ws-cli', { action: 'workspace.added', at: 1, osUser: 'cli', officerName: null });
    await cli.close();
    const cliHead = audit.head(core.db, 'ws-cli')!;
    audit.append(core.db, ws, { action: 'qr.shown', at: 2, osUser: 'tester', officerName: null });
    await core.services.audit.verify();
    for (const heads of [
      parseHeads((await keychain.store.get(HEAD_ACCOUNT))!),
      parseHeads(readFileSync(sidecarPath(data.dir), 'utf8')),
    ]) {
      expect(heads).toMatchObject({ [ws]: audit.head(core.db, ws)!, 'ws-cli': cliHead });
    }
  });

  it('refuses to open when the chain key is gone but signed entries exist', async () => {
    await core.close();
    await keychain.store.delete(CHAIN_KEY_ACCOUNT);
    await expect(testCore(data.dir, keychain.store)).rejects.toMatchObject({
      code: 'audit_chain_key_missing',
    });
    core = await testCore(data.dir, keychain.store).catch(() => core);
  });
});

describe('removing a workspace', () => {
  it('exports its trail and records a tombstone in the desk chain first', async () => {
    const head = audit.head(core.db, ws)!;
    await core.services.workspaces.remove(ws);
    const [tombstone] = [...audit.iterateChain(core.db, audit.DESK_CHAIN)];
    expect(tombstone).toMatchObject({
      action: 'tombstone',
      workspaceId: ws,
      osUser: 'tester',
      officerName: 'Olga Officer',
      // The last row before removal records main's confirmation; the archive ends there.
      details: {
        what: 'workspace',
        reason: 'workspace removed by the officer',
        removedHead: { seq: head.seq + 1 },
      },
    });
    const removedHead = tombstone!.details.removedHead;
    const path = tombstone!.details.exportPath as string;
    expect(path.startsWith(join(data.dir, 'exports'))).toBe(true);
    const lines = readFileSync(path, 'utf8').trim().split('\n');
    expect(JSON.parse(lines.at(-2)!)).toMatchObject({ action: 'workspace.removal-confirmed' });
    expect(JSON.parse(lines.at(-1)!)).toMatchObject({ type: 'head', head: removedHead });
    await core.services.audit.verify().catch(() => undefined);
    await core.close();
    // The removed chain's anchor is dropped, the desk chain's is kept.
    const heads = parseHeads((await keychain.store.get(HEAD_ACCOUNT))!);
    expect(heads).not.toHaveProperty(ws);
    expect(heads).toMatchObject({ [audit.DESK_CHAIN]: { seq: tombstone!.seq, mac: tombstone!.hash } });
    core = await testCore(data.dir, keychain.store);
  });

  it('refuses the removal when the export cannot be written, and changes nothing', async () => {
    writeFileSync(join(data.dir, 'exports'), 'not a folder');
    await expect(core.services.workspaces.remove(ws)).rejects.toMatchObject({
      code: 'workspace_archive_failed',
    });
    expect((await core.services.workspaces.list()).workspaces.map((w) => w.id)).toEqual([ws]);
    expect([...audit.iterateChain(core.db, audit.DESK_CHAIN)]).toEqual([]);
    expect(existsSync(join(data.dir, 'exports'))).toBe(true);
    expect((await core.services.audit.verify()).ok).toBe(true);
  });
});
