import { rmSync } from 'node:fs';
import { afterEach, expect, it } from 'vitest';
import { createAnchorWriter } from '../../../../src/main/db/audit-anchor';
import * as audit from '../../../../src/main/db/repos/audit';
import { silentLogger, type AppLogger } from '../../../../src/main/logger';
import { createMemoryStore } from '../../../../src/main/secrets/memory-store';
import { addWorkspace, openTempCache } from './fixture';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

// The anchor update runs on the next tick; a cache closed before it must not turn that tick into an
// uncaught exception (in the app: a crashed main process).
it('a cache closed before the anchor tick is logged, not thrown', async () => {
  const c = openTempCache();
  dirs.push(c.dir);
  addWorkspace(c.db, 'ws1');
  const warnings: string[] = [];
  const logger: AppLogger = {
    ...silentLogger,
    warn: (message) => void warnings.push(message),
    error: (message) => void warnings.push(message),
  };
  const writer = createAnchorWriter({
    db: c.db,
    dataDir: c.dir,
    secrets: createMemoryStore(),
    logger,
    initial: {},
  });
  audit.append(c.db, 'ws1', { action: 'test.write', at: 1, osUser: 't', officerName: null, details: {} });
  writer.appended('ws1');
  c.close();
  await new Promise((resolve) => setImmediate(resolve));
  await new Promise((resolve) => setImmediate(resolve));
  expect(warnings).toEqual(['audit anchor not advanced: the cache was closed first']);
});
