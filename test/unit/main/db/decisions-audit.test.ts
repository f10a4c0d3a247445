import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as audit from '../../../../src/main/db/repos/audit';
import * as cases from '../../../../src/main/db/repos/cases';
import * as decisions from '../../../../src/main/db/repos/decisions';
import { writeTombstone } from '../../../../src/main/db/tombstone';
import { idv } from './payloads';
import { entryMac, type ChainFields } from '../../../../src/main/db/audit-chain';
import { addWorkspace, openTempCache, testChainKey, type TempCache } from './fixture';

let cache: TempCache;
beforeEach(() => {
  cache = openTempCache();
  addWorkspace(cache.db, 'ws1');
  addWorkspace(cache.db, 'ws2');
  cases.applyIdv(cache.db, 'ws1', idv('idv-1', { status: 'Completed' }), 1);
});
afterEach(() => cache.dispose());

const decide = (decision: 'accept' | 'reject' | 'escalate', at: number) =>
  decisions.record(cache.db, 'ws1', {
    caseId: 'idv-1',
    decision,
    reasonCode: decision === 'reject' ? 'doc_mismatch' : null,
    note: 'the note is part of the record',
    officerName: 'Officer One',
    osUser: 'officer1',
    decidedAt: at,
  });

describe('decisions', () => {
  it('records, supersedes and denormalises the latest decision', () => {
    const first = decide('escalate', 1000);
    const second = decide('reject', 2000);
    expect(first.supersedesId).toBeNull();
    expect(second).toMatchObject({ supersedesId: first.id, workspaceId: 'ws1', decision: 'reject' });
    expect(decisions.listForCase(cache.db, 'ws1', 'idv-1').map((d) => d.id)).toEqual([first.id, second.id]);
    expect(decisions.latest(cache.db, 'ws1', 'idv-1')).toEqual(second);
    expect(decisions.latest(cache.db, 'ws2', 'idv-1')).toBeNull();
    const detail = cases.get(cache.db, 'ws1', 'idv-1')!;
    expect(detail).toMatchObject({ decision: 'reject', decidedAt: 2000 });
    expect(detail.latestDecision).toEqual(second);
  });

  it('writes a decision.recorded audit event in the same transaction', () => {
    const d = decide('accept', 1000);
    const [event] = audit.listForCase(cache.db, 'ws1', 'idv-1');
    expect(event).toMatchObject({
      action: 'decision.recorded',
      caseId: 'idv-1',
      osUser: 'officer1',
      details: {
        decisionId: d.id,
        decision: 'accept',
        reasonCode: null,
        supersedesId: null,
        // The whole row as stored, every column, and its digest: `audit verify` compares the two.
        row: {
          id: d.id,
          note: 'the note is part of the record',
          officer_name: 'Officer One',
          decided_at: 1000,
        },
        rowDigest: expect.stringMatching(/^[0-9a-f]{64}$/),
      },
    });
  });

  it('refuses a case of another workspace, and leaves nothing behind', () => {
    expect(() =>
      decisions.record(cache.db, 'ws2', {
        caseId: 'idv-1',
        decision: 'accept',
        reasonCode: null,
        note: null,
        officerName: null,
        osUser: 'x',
        decidedAt: 1,
      }),
    ).toThrow(expect.objectContaining({ code: 'case_not_found' }));
    expect(audit.listForWorkspace(cache.db, 'ws2')).toEqual([]);
  });
});

describe('audit', () => {
  const event = (action: string, at: number, caseId: string | null = null) => ({
    action,
    at,
    caseId,
    osUser: 'officer1',
    officerName: 'Officer One',
    details: { b: 2, a: [1, { z: true, y: null }] },
  });

  it('chains events per workspace and verifies them', () => {
    const e1 = audit.append(cache.db, 'ws1', event('workspace.added', 1));
    const other = audit.append(cache.db, 'ws2', event('workspace.added', 2));
    const e2 = audit.append(cache.db, 'ws1', event('link.copied', 3, 'idv-1'));
    expect(e1.prevHash).toBe(audit.GENESIS_HASH);
    expect(other.prevHash).toBe(audit.GENESIS_HASH);
    expect(e2.prevHash).toBe(e1.hash);
    expect(e2.seq).toBeGreaterThan(other.seq);
    expect(e2.details).toEqual({ a: [1, { y: null, z: true }], b: 2 });
    expect(audit.verifyChain(cache.db, 'ws1')).toMatchObject({ ok: true, checked: 2, problems: [] });
    expect(audit.verifyChain(cache.db, 'ws2')).toMatchObject({ ok: true, checked: 1, problems: [] });
    expect(audit.listForWorkspace(cache.db, 'ws1').map((e) => e.seq)).toEqual([e2.seq, e1.seq]);
    expect(audit.listForWorkspace(cache.db, 'ws1', { beforeSeq: e2.seq }).map((e) => e.seq)).toEqual([
      e1.seq,
    ]);
    expect(audit.listForCase(cache.db, 'ws1', 'idv-1')).toEqual([e2]);
  });

  it('hashes a canonical serialisation (key order does not matter)', () => {
    const a = audit.append(cache.db, 'ws1', { ...event('x', 1), details: { a: 1, b: 2 } });
    const row = cache.db.prepare('SELECT * FROM audit WHERE seq = ?').get(a.seq) as ChainFields & {
      hash: string;
      mac_version: number;
    };
    expect(row.details_json).toBe('{"a":1,"b":2}');
    expect(row.mac_version).toBe(2);
    expect(entryMac(Buffer.from(testChainKey(cache.key), 'hex'), 'ws1', row)).toBe(row.hash);
  });
});

describe('tombstones', () => {
  it('records a narrower removal in the workspace chain and a whole workspace in the desk chain', () => {
    const by = { osUser: 'officer1', officerName: 'Officer One' };
    const images = writeTombstone(cache.db, {
      workspaceId: 'ws1',
      what: 'images',
      caseIds: ['idv-1'],
      reason: 'retention: 1825 days after the final decision',
      by,
      at: 5,
    });
    expect(audit.listForWorkspace(cache.db, 'ws1')[0]).toEqual(images);
    expect(images.details).toEqual({
      what: 'images',
      caseIds: ['idv-1'],
      reason: 'retention: 1825 days after the final decision',
    });
    const removed = writeTombstone(cache.db, {
      workspaceId: 'ws2',
      what: 'workspace',
      reason: 'closed',
      by,
      at: 6,
    });
    expect(audit.listForWorkspace(cache.db, 'ws2')).toEqual([]);
    expect([...audit.iterateChain(cache.db, audit.DESK_CHAIN)]).toEqual([removed]);
    expect(removed).toMatchObject({
      workspaceId: 'ws2',
      action: 'tombstone',
      details: { what: 'workspace' },
    });
    expect(audit.verifyChain(cache.db, audit.DESK_CHAIN)).toMatchObject({ ok: true, checked: 1 });
  });
});
