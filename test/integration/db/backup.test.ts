import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { backupCacheFile } from '../../../src/main/db/maintenance';
import * as audit from '../../../src/main/db/repos/audit';
import { addWorkspace, openTempCache, tempDir, type TempCache } from '../../unit/main/db/fixture';
import { runChild } from './children/spawn';

const cleanup: Array<() => void> = [];
afterEach(() => {
  for (const f of cleanup.splice(0)) f();
});

function seeded(events: number, pad = 0): TempCache {
  const c = openTempCache();
  cleanup.push(() => c.dispose());
  addWorkspace(c.db, 'ws1');
  for (let i = 0; i < events; i++)
    audit.append(c.db, 'ws1', {
      action: 'test.write',
      at: i,
      osUser: 'tester',
      officerName: null,
      details: { pad: 'y'.repeat(pad) + String(i) },
    });
  return c;
}

describe('backups', () => {
  it('a backup that fails half-way (file-size limit) leaves no file, partial or empty, behind', async () => {
    const c = seeded(120, 8_000);
    c.db.pragma('wal_checkpoint(TRUNCATE)');
    const outDir = tempDir();
    cleanup.push(() => rmSync(outDir, { recursive: true, force: true }));
    const out = join(outDir, 'copy.bak');
    const report = await runChild<{ ok: boolean; code?: string }>('backup.ts', [c.path, c.key, out], {
      fileSizeLimitKiB: 256,
    });
    expect(report).toEqual({ ok: false, code: 'disk_full' });
    expect(readdirSync(outDir)).toEqual([]);
    // The same backup without the limit succeeds: the failure was the limit, not the cache.
    backupCacheFile(c.path, c.key, out);
    expect(existsSync(out)).toBe(true);
  });
});
