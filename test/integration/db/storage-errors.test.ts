import { rmSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import * as audit from '../../../src/main/db/repos/audit';
import { addWorkspace, openKeyedCache, openTempCache, type TempCache } from '../../unit/main/db/fixture';
import { runWriter } from './children/spawn';

const TYPED = new Set(['storage_busy', 'disk_full', 'storage_io', 'cache_damaged', 'storage_readonly']);
const opened: TempCache[] = [];
afterEach(() => {
  for (const c of opened.splice(0)) c.dispose();
});

function seeded(): TempCache {
  const c = openTempCache();
  opened.push(c);
  addWorkspace(c.db, 'ws1');
  return c;
}

describe('storage errors', () => {
  it('6 concurrent writer processes: every reported write is saved, none lost, every failure typed', async () => {
    const c = seeded();
    const count = 40;
    const reports = await Promise.all(
      Array.from({ length: 6 }, () => runWriter({ path: c.path, key: c.key, workspace: 'ws1', count })),
    );
    const failures = reports.flatMap((r) => r.failures);
    expect(failures.filter((f) => !TYPED.has(f))).toEqual([]);
    const saved = reports.flatMap((r) => r.saved).sort((a, b) => a - b);
    const inDb = audit
      .listForWorkspace(c.db, 'ws1', { limit: 10_000 })
      .filter((e) => e.action === 'test.write')
      .map((e) => e.seq)
      .sort((a, b) => a - b);
    expect(inDb).toEqual(saved);
    // busy_timeout plus the bounded retry absorb six writers: nothing is lost at all.
    expect(saved).toHaveLength(6 * count);
    expect(audit.verifyChain(c.db, 'ws1').ok).toBe(true);
  });

  it('a full disk (file-size limit) is a typed disk_full error and nothing is half-saved', async () => {
    const c = seeded();
    c.db.pragma('wal_checkpoint(TRUNCATE)');
    // A few KiB of padding per event: the 2 MiB limit is reached within the first hundred writes.
    const report = await runWriter(
      { path: c.path, key: c.key, workspace: 'ws1', count: 200, pad: 16_000 },
      { fileSizeLimitKiB: 2048 },
    );
    expect(report.opened).toBe(true);
    expect(report.failures.length).toBeGreaterThan(0);
    expect(new Set(report.failures)).toEqual(new Set(['disk_full']));
    c.close();
    const again = openKeyedCache(c.path, c.key);
    try {
      const inDb = audit
        .listForWorkspace(again.db, 'ws1', { limit: 10_000 })
        .filter((e) => e.action === 'test.write')
        .map((e) => e.seq)
        .sort((a, b) => a - b);
      expect(inDb).toEqual(report.saved);
      expect(again.db.pragma('integrity_check', { simple: true })).toBe('ok');
    } finally {
      again.close();
    }
    rmSync(`${c.path}-wal`, { force: true });
  });
});
