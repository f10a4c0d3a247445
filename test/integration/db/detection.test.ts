import { closeSync, openSync, statSync, truncateSync, writeSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { takeBackup } from '../../../src/main/db/backup';
import { openCache } from '../../../src/main/db/open';
import * as audit from '../../../src/main/db/repos/audit';
import { addWorkspace, openKeyedCache, openTempCache, type TempCache } from '../../unit/main/db/fixture';

const opened: TempCache[] = [];
afterEach(() => {
  for (const c of opened.splice(0)) c.dispose();
});

function seeded(events = 300): TempCache {
  const c = openTempCache();
  opened.push(c);
  addWorkspace(c.db, 'ws1');
  for (let i = 0; i < events; i++)
    audit.append(c.db, 'ws1', {
      action: 'test.write',
      at: i,
      osUser: 'tester',
      officerName: null,
      details: { text: `event ${i} `.repeat(20) },
    });
  c.db.pragma('wal_checkpoint(TRUNCATE)');
  return c;
}

const appendOne = (db: TempCache['db']) =>
  audit.append(db, 'ws1', { action: 'test.more', at: 1, osUser: 't', officerName: null, details: {} });

describe('a lost or damaged cache is detected when it opens', () => {
  it('a zero-length cache.db (truncated) is cache_missing, not a new empty cache', () => {
    const c = seeded(3);
    c.close();
    truncateSync(c.path, 0);
    expect(() => openCache({ path: c.path, key: c.key })).toThrow(
      expect.objectContaining({ code: 'cache_missing' }),
    );
    expect(statSync(c.path).size).toBe(0);
  });

  it('a damaged page in the middle of the file is found by the quick check; writes are refused', () => {
    const c = seeded();
    takeBackup(c.db, c.path, 1_000, 7);
    c.close();
    const size = statSync(c.path).size;
    const page = 4096;
    const middle = Math.floor(size / page / 2) * page;
    const fd = openSync(c.path, 'r+');
    writeSync(fd, Buffer.alloc(512, 0xa5), 0, 512, middle + 1024);
    closeSync(fd);

    const again = openKeyedCache(c.path, c.key);
    try {
      expect(again.damaged).toBe(true);
      expect(() => appendOne(again.db)).toThrow(expect.objectContaining({ code: 'cache_damaged' }));
      expect(statSync(c.path).size).toBe(size);
    } finally {
      again.close();
    }
  });

  it('a healthy cache opens undamaged and writable', () => {
    const c = seeded(5);
    c.close();
    const again = openKeyedCache(c.path, c.key);
    expect(again.damaged).toBe(false);
    expect(appendOne(again.db).action).toBe('test.more');
    again.close();
  });
});
