import { afterEach, describe, expect, it } from 'vitest';
import * as cases from '../../../src/main/db/repos/cases';
import * as syncErrors from '../../../src/main/db/repos/sync-errors';
import { RESPONSE_LIMITS } from '../../../src/main/ondato';
import { TRIMMED_CODE } from '../../../src/main/sync/persist';
import { firstFileId, startHostileProxy, type HostileProxy } from '../../support/hostile-proxy';
import { createCase, syncClient, WS } from '../../support/sync-harness';
import { disposeAll, engineFixture } from '../../support/sync-fixture';

/*
 * A hostile (or broken) Ondato over real HTTP: the KYC identification is rewritten by a loopback proxy in
 * front of the simulator. Whatever it sends, one sync completes, the case is stored with the fields KYC
 * Desk knows, and the officer sees that something was left out.
 */

let proxy: HostileProxy | null = null;
afterEach(async () => {
  await disposeAll();
  await proxy?.stop();
  proxy = null;
});

async function hostileFixture() {
  const p = await startHostileProxy();
  proxy = p;
  const fx = await engineFixture({
    client: (url, clock) => {
      p.upstream = url;
      return syncClient(p.url, clock);
    },
  });
  const id = await createCase(fx.client, fx.db, WS, 1);
  fx.sim.control.advance(id, 'submit');
  return { ...fx, proxy: p, id };
}

const notices = (db: Parameters<typeof syncErrors.list>[0], id: string) =>
  syncErrors.list(db, WS, { caseId: id }).filter((e) => e.code === TRIMMED_CODE);

describe('sync against a hostile Ondato response', () => {
  it('lists, downloads and caches at most the file limit of a KYC listing 5,000 files, and marks the case', async () => {
    const { db, engine, proxy: p, id } = await hostileFixture();
    p.kyc = (kyc) => {
      const real = firstFileId(kyc);
      const additionalFiles = Array.from({ length: 5_000 }, (_, i) => {
        const fileId = `9f000000-0000-4000-8000-${String(i).padStart(12, '0')}`;
        p.aliases.set(fileId, real);
        return { fileId, fileName: `extra-${i}.jpg`, part: 'Other' };
      });
      return JSON.stringify({ ...kyc, additionalFiles });
    };
    const report = await engine.syncOnce({ all: true });
    expect(report.failed).toBe(0);
    const detail = cases.get(db, WS, id);
    expect(detail?.kyc?.files).toHaveLength(RESPONSE_LIMITS.maxFilesPerKyc);
    expect(detail?.kyc?.files.every((f) => f.cached)).toBe(true);
    expect(p.fileRequests.length).toBeLessThanOrEqual(RESPONSE_LIMITS.maxFilesPerKyc);
    expect(notices(db, id).map((n) => n.message)).toEqual([
      `Ondato listed more files than KYC Desk keeps; only the first ${RESPONSE_LIMITS.maxFilesPerKyc} were stored.`,
    ]);
    // A second pass neither duplicates the notice nor fetches the files again.
    await engine.syncOnce({ all: true });
    expect(notices(db, id)).toHaveLength(1);
    expect(p.fileRequests.length).toBeLessThanOrEqual(RESPONSE_LIMITS.maxFilesPerKyc);
  });

  it('stores a KYC carrying JSON nested 100,000 deep (the deep part dropped) and marks the case', async () => {
    const { db, engine, proxy: p, id } = await hostileFixture();
    const depth = 100_000;
    p.kyc = (kyc) => `${JSON.stringify(kyc).slice(0, -1)},"extra":${'['.repeat(depth)}${']'.repeat(depth)}}`;
    const report = await engine.syncOnce({ all: true });
    expect(report.failed).toBe(0);
    const detail = cases.get(db, WS, id);
    expect(detail?.kycStatus).toBe('Awaiting');
    expect(detail?.kyc?.payload['extra']).toBeUndefined();
    expect(detail?.kyc?.payload['document']).toMatchObject({ lastName: 'Petraitė' });
    expect(notices(db, id).map((n) => n.message)).toEqual([
      "Ondato's response was larger than KYC Desk keeps; only the known fields were stored.",
    ]);
    // Once Ondato answers normally again, the notice goes.
    p.kyc = null;
    await engine.refresh(id);
    expect(notices(db, id)).toEqual([]);
  });

  it('does not store a 9.5 MB extra field whole', async () => {
    const { db, engine, proxy: p, id } = await hostileFixture();
    p.kyc = (kyc) => JSON.stringify({ ...kyc, extra: 'x'.repeat(9.5 * 1024 * 1024) });
    const report = await engine.syncOnce({ all: true });
    expect(report.failed).toBe(0);
    const row = db.prepare('SELECT length(payload_json) AS n FROM kyc WHERE case_id = ?').get(id) as {
      n: number;
    };
    expect(row.n).toBeLessThan(RESPONSE_LIMITS.maxStoredBytes);
    expect(cases.get(db, WS, id)?.kyc?.payload['document']).toMatchObject({ lastName: 'Petraitė' });
    expect(notices(db, id)).toHaveLength(1);
  });
});
