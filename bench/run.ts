import { runCacheBench } from './cache';
import { runOpenCasesBench } from './open-cases';
import { runRelayBench } from './relay';
import { runSyncBench } from './sync';
import { runSyncWebhooksBench } from './sync-webhooks-bench';
import { runTeamBench } from './team';
import { runUiBench } from './ui';

/* `npm run bench [-- cache|sync|ui|open-cases|relay|team]`: each benchmark prints a table and writes bench/results/<name>.json. */
const all: Record<string, () => unknown> = {
  cache: runCacheBench,
  sync: runSyncBench,
  ui: runUiBench,
  relay: runRelayBench,
  'open-cases': runOpenCasesBench,
  team: runTeamBench,
  'sync-webhooks': runSyncWebhooksBench,
};

async function main(): Promise<void> {
  const wanted = process.argv.slice(2);
  const names = wanted.length > 0 ? wanted : Object.keys(all);
  for (const name of names) {
    const bench = all[name];
    if (!bench) {
      console.error(`Unknown benchmark "${name}". Known: ${Object.keys(all).join(', ')}`);
      process.exitCode = 2;
      return;
    }
    await bench();
  }
}

void main();
