import { afterEach, describe, expect, it } from 'vitest';
import { openCache } from '../../../src/main/db/open';
import * as audit from '../../../src/main/db/repos/audit';
import { addWorkspace, openTempCache, type TempCache } from '../../unit/main/db/fixture';
import { runChild } from './children/spawn';

const opened: TempCache[] = [];
afterEach(() => {
  for (const c of opened.splice(0)) c.dispose();
});

describe('the WAL file deleted under a running writer', () => {
  it('no write is reported saved that is not on disk after the writer dies; later writes are refused, typed', async () => {
    const c = openTempCache();
    opened.push(c);
    addWorkspace(c.db, 'ws1');
    c.close();
    const report = await runChild<{ saved: number[]; failures: string[] }>('wal-writer.ts', [c.path, c.key]);

    const again = openCache({ path: c.path, key: c.key });
    const onDisk = new Set(audit.listForWorkspace(again.db, 'ws1').map((e) => e.seq));
    again.close();
    // Every write reported as saved is really there; the others failed with the typed error.
    expect(report.saved.filter((seq) => !onDisk.has(seq))).toEqual([]);
    // The commit that noticed rescued the orphaned WAL into the main file; later writes are refused.
    expect(report.saved).toHaveLength(2);
    expect(report.failures).toEqual(['storage_lost', 'storage_lost']);
  });
});
