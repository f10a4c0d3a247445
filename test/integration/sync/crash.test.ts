import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import * as audit from '../../../src/main/db/repos/audit';
import * as decisions from '../../../src/main/db/repos/decisions';
import * as caseList from '../../../src/main/db/repos/sync-queue';
import type { Simulator } from '../../../src/simulator';
import { startSimulator } from '../../../src/simulator';
import { wallScaledClock } from '../../support/sync-clock';
import {
  cachedState,
  createCase,
  DOCUMENT_ONLY_SETUP,
  FULL_KYC_SETUP,
  sleep,
  syncClient,
  T0,
  tempCache,
  upstreamState,
  waitFor,
  WS,
  type CaseState,
  type TempCache,
} from '../../support/sync-harness';

const SCALE = 40;
const CHILD = join(__dirname, '../../support/sync-child.ts');

let sim: Simulator | null = null;
let cache: TempCache | null = null;
let child: ChildProcess | null = null;
afterEach(async () => {
  child?.kill('SIGKILL');
  await sim?.stop();
  cache?.dispose();
  sim = null;
  cache = null;
  child = null;
});

function spawnChild(env: Record<string, string>): Promise<ChildProcess> {
  const proc = spawn(process.execPath, ['--import', 'tsx', CHILD], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  proc.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve, reject) => {
    proc.stdout.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('ready')) resolve(proc);
    });
    proc.on('exit', (code) => reject(new Error(`child exited (${code}) before ready: ${stderr}`)));
  });
}

const exited = (proc: ChildProcess): Promise<number | null> =>
  proc.exitCode !== null || proc.signalCode !== null
    ? Promise.resolve(proc.exitCode)
    : new Promise((resolve) => proc.once('exit', (code) => resolve(code)));

describe('sync engine killed mid-run', () => {
  it(
    'survives repeated SIGKILLs: intact cache, no lost rows, audit chain, convergence',
    { timeout: 180_000 },
    async () => {
      const wall0 = Date.now();
      const clock = wallScaledClock(T0, wall0, SCALE);
      sim = await startSimulator({ port: 0, seed: 5, clock });
      cache = tempCache();
      const { db } = cache;
      const client = syncClient(sim.url, clock);
      const ids: string[] = [];
      for (let i = 0; i < 12; i += 1) {
        const full = i % 4 === 0;
        const id = await createCase(client, db, WS, i, full ? FULL_KYC_SETUP : DOCUMENT_ONLY_SETUP);
        if (!full) sim.control.setDocument(id, { type: 'Passport' });
        ids.push(id);
      }
      const env = {
        SYNC_CACHE_PATH: cache.path,
        SYNC_CACHE_KEY: cache.key,
        SYNC_SIM_URL: sim.url,
        SYNC_WS: WS,
        SYNC_SCALE: String(SCALE),
        SYNC_T0: String(T0),
        SYNC_WALL0: String(wall0),
      };
      const steps = ['open', 'kyc-start', 'submit', 'complete', 'decide'] as const;
      const progress = new Map<string, number>(ids.map((id) => [id, 0]));
      const recorded: number[] = [];
      let seed = 7;
      const random = (): number => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;

      for (let run = 0; run < 8; run += 1) {
        child = await spawnChild(env);
        // Move a few cases upstream while the child syncs, then kill it at a random moment.
        for (const id of ids) {
          const at = progress.get(id)!;
          if (at < steps.length && random() < 0.4) {
            sim.control.advance(id, steps[at]!);
            progress.set(id, at + 1);
          }
        }
        await sleep(50 + Math.floor(random() * 600));
        child.kill('SIGKILL');
        await exited(child);
        child = null;
        // The officer decides a case between runs (same file, this process).
        const caseId = ids[Math.floor(random() * ids.length)]!;
        const decision = decisions.record(db, WS, {
          caseId,
          decision: 'accept',
          reasonCode: null,
          note: `run ${run}`,
          officerName: 'Officer One',
          osUser: 'parent',
          decidedAt: clock.now(),
        });
        recorded.push(decision.id);
      }

      // The killed runs did real work (rows written between kills), not only start-ups.
      const syncRows = (): number =>
        audit.listForWorkspace(db, WS, { limit: 10_000 }).filter((e) => e.action.startsWith('sync.')).length;
      expect(syncRows()).toBeGreaterThan(0);

      // A final, uninterrupted run after everything has settled upstream.
      for (const id of ids) if (progress.get(id)! < steps.length) sim.control.advance(id, 'decide');
      const verifier = syncClient(sim.url, clock);
      const truth = new Map<string, CaseState>();
      for (const id of ids) truth.set(id, await upstreamState(verifier, id));
      child = await spawnChild(env);
      const behind = (): string[] =>
        ids.filter((id) => JSON.stringify(cachedState(db, WS, id)) !== JSON.stringify(truth.get(id)));
      await waitFor('convergence after the crashes', () => behind().length === 0, 90_000).catch(() => {
        const diff = behind().map((id) => ({ cached: cachedState(db, WS, id), truth: truth.get(id) }));
        throw new Error(`not converged: ${JSON.stringify(diff)}`);
      });
      child.kill('SIGTERM');
      expect(await exited(child)).toBe(0);
      child = null;

      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      const stored = caseList.casesOf(db, WS).map((c) => c.caseId);
      expect(stored).toHaveLength(ids.length);
      expect(new Set(stored)).toEqual(new Set(ids));
      const decisionIds = ids.flatMap((id) => decisions.listForCase(db, WS, id).map((d) => d.id));
      expect(decisionIds.sort((a, b) => a - b)).toEqual([...recorded].sort((a, b) => a - b));
      const chain = audit.verifyChain(db, WS);
      expect(chain.ok).toBe(true);
      const actions = audit.listForWorkspace(db, WS, { limit: 10_000 }).map((e) => e.action);
      expect(actions.filter((a) => a === 'decision.recorded')).toHaveLength(recorded.length);
    },
  );
});
