// Writes one event, has its WAL file deleted, writes three more, prints what it reported saved and
// then dies without closing (as a crash or power cut would): nothing checkpoints the orphaned WAL.
import { rmSync } from 'node:fs';
import { openKeyedCache } from '../../../unit/main/db/fixture';
import * as audit from '../../../../src/main/db/repos/audit';
import { isAppError } from '../../../../src/main/errors';

const [path, key] = process.argv.slice(2);
const cache = openKeyedCache(path!, key!);
const write = (i: number) =>
  audit.append(cache.db, 'ws1', {
    action: 'test.write',
    at: i,
    osUser: 't',
    officerName: null,
    details: { i },
  });
const saved = [write(0).seq];
rmSync(`${path!}-wal`);
const failures: string[] = [];
for (let i = 1; i <= 3; i++) {
  try {
    saved.push(write(i).seq);
  } catch (error) {
    failures.push(isAppError(error) ? error.code : 'untyped');
  }
}
process.stdout.write(`${JSON.stringify({ saved, failures })}\n`, () => process.kill(process.pid, 'SIGKILL'));
