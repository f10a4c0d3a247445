// Takes one backup of the cache in a separate process (the test runs it under a file-size limit) and
// prints the error code it met, if any.
import { backupCacheFile } from '../../../../src/main/db/maintenance';
import { isAppError } from '../../../../src/main/errors';

const [path, key, out] = process.argv.slice(2);
try {
  backupCacheFile(path!, key!, out!);
  process.stdout.write(`${JSON.stringify({ ok: true })}\n`);
} catch (error) {
  process.stdout.write(
    `${JSON.stringify({ ok: false, code: isAppError(error) ? error.code : 'untyped' })}\n`,
  );
}
