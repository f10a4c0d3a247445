// A separate writer process for the concurrency and disk-full tests: opens the cache, appends
// `count` audit events (each a read-then-write transaction, the case SQLite's WAL mode cannot
// upgrade without the write lock) and prints one JSON line: how many it reported saved, and the
// code of every failure ('untyped' for anything that is not an AppError).
import { openKeyedCache } from '../../../unit/main/db/fixture';
import * as audit from '../../../../src/main/db/repos/audit';
import { isAppError } from '../../../../src/main/errors';

const [path, key, workspace, countText, padText] = process.argv.slice(2);
const count = Number(countText);
const pad = 'x'.repeat(Number(padText ?? '0'));
const saved: number[] = [];
const failures: string[] = [];
let opened = false;
try {
  const cache = openKeyedCache(path!, key!);
  opened = true;
  for (let i = 0; i < count; i++) {
    try {
      const event = audit.append(cache.db, workspace!, {
        action: 'test.write',
        at: i,
        osUser: `pid-${process.pid}`,
        officerName: null,
        details: { i, pad },
      });
      saved.push(event.seq);
    } catch (error) {
      failures.push(isAppError(error) ? error.code : 'untyped');
    }
  }
  cache.close();
} catch (error) {
  failures.push(isAppError(error) ? `open:${error.code}` : 'open:untyped');
}
process.stdout.write(`${JSON.stringify({ opened, saved, failures })}\n`);
