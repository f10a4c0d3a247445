/*
 * Test-only: one desk in its own process, so a test can SIGKILL it in the middle of pushing its team
 * outbox. Its data dir and keychain service come from the environment; it prints "ready" once the cache
 * is open and "pushed" after the round (a killed child never prints it).
 */
import { createCore } from '../../src/main/app/core';
import { silentLogger } from '../../src/main/logger';
import { createKeytarStore } from '../../src/main/secrets/keytar-store';

function env(name: string): string {
  const value = process.env[name];
  if (value === undefined || value === '') throw new Error(`${name} is not set`);
  return value;
}

async function main(): Promise<void> {
  const dataDir = env('TEAM_CHILD_DATA_DIR');
  const core = await createCore({
    dataDir,
    secrets: createKeytarStore(env('TEAM_CHILD_KEYCHAIN')),
    osUser: 'child',
    logger: silentLogger,
    shell: { openExternal: async () => undefined },
    notifier: { notify: () => undefined },
    team: { env: {}, home: dataDir },
  });
  await core.start({ polling: false });
  process.stdout.write('ready\n');
  await core.services.team.pushSoon();
  process.stdout.write(`pushed ${core.services.team.status().pendingPushes}\n`);
  await core.close();
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : 'failed'}\n`);
  process.exit(1);
});
