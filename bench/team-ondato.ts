import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { Client } from 'pg';
import { createCore, type Core } from '../src/main/app/core';
import { silentLogger } from '../src/main/logger';
import { createOndatoClient, resolveEndpoints } from '../src/main/ondato';
import { createMemoryStore } from '../src/main/secrets/memory-store';
import { addOfficer } from '../src/team-db/admin';
import { migrateTeamDatabase } from '../src/team-db/migrate';
import { startPgCluster, type PgCluster } from '../test/support/pg-cluster';
import type { SimWorkerData } from './sim-worker';
import { percentile, type Row } from './stats';
import { simulatorToken, upstreamEvents } from './upstream';

/*
 * Team-wide Ondato requests against a single desk's, on the sync benchmark's scenario (autopilot
 * lifecycle, seed 2026, 50 ms latency), scaled down and run at REAL time: the team database judges
 * leases (claim_polls, their expiry, next_due) on its own clock, so a scaled desk clock would make
 * every case look due (or never due) to the database and distort exactly what is measured.
 * Three runs at once, each against its own simulator (same seed, same case creation times):
 * one desk not joined to any team; one desk joined to a team alone; N desks joined to one team.
 * Every desk is a full core (cache, engine, team session with its two connections) in this process.
 * Sizes: BENCH_TEAM_POLL_CASES, BENCH_TEAM_POLL_DESKS, BENCH_TEAM_POLL_WINDOW_S, BENCH_TEAM_POLL_RUN_S.
 */
const CASES = Number(process.env.BENCH_TEAM_POLL_CASES ?? 40);
const DESKS = Number(process.env.BENCH_TEAM_POLL_DESKS ?? 50);
const WINDOW_MS = Number(process.env.BENCH_TEAM_POLL_WINDOW_S ?? 120) * 1000;
const RUN_MS = Number(process.env.BENCH_TEAM_POLL_RUN_S ?? 360) * 1000;
const SETUP = 'c3a0f7a2-6b1e-4b7e-9a51-1d2f3e4a5b61';
const PASSWORD = 'bench desk password';
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));

async function simulatorThread(): Promise<{ url: string; stop(): Promise<void> }> {
  const now = Date.now();
  const data: SimWorkerData = {
    seed: 2026,
    factor: 1,
    start: now,
    realStart: now,
    latencyMs: 50,
    specimenPool: 8,
  };
  const worker = new Worker(join(__dirname, 'sim-worker.cjs'), { workerData: data });
  const url = await new Promise<string>((resolve, reject) => {
    worker.once('message', (message: { url: string }) => resolve(message.url));
    worker.once('error', reject);
  });
  return {
    url,
    stop: async () => {
      worker.postMessage('stop');
      await new Promise((resolve) => worker.once('message', resolve));
      await worker.terminate();
    },
  };
}

interface Desk {
  core: Core;
  dir: string;
}

async function openDesk(name: string, simUrl: string, teamUrl: string | null): Promise<Desk> {
  const dir = mkdtempSync(join(tmpdir(), 'kyc-desk-bench-poll-'));
  const core = await createCore({
    dataDir: dir,
    secrets: createMemoryStore(),
    osUser: name,
    logger: silentLogger,
    shell: { openExternal: async () => undefined },
    notifier: { notify: () => undefined },
    confirmer: { confirm: () => Promise.resolve(true) },
    team: { env: {}, home: dir },
  });
  await core.start({ polling: true });
  const ws = await core.services.workspaces.add({
    name: `Desk ${name}`,
    environment: 'sandbox',
    clientId: 'kyc-desk-demo',
    clientSecret: 'demo-secret',
    setupId: SETUP,
    customerBaseUrl: simUrl,
    overrides: { authUrl: simUrl, idvApiUrl: simUrl, kycApiUrl: simUrl },
    officerName: name,
  });
  await core.services.workspaces.activate(ws.id);
  if (teamUrl) await core.services.team.join({ workspaceId: ws.id, url: teamUrl, password: PASSWORD });
  return { core, dir };
}

async function teamDatabase(cluster: PgCluster, name: string, roles: string[]): Promise<void> {
  const admin = new Client({ connectionString: cluster.url() });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const owner = new Client({ connectionString: cluster.url(undefined, undefined, name) });
  await owner.connect();
  await migrateTeamDatabase(owner);
  for (const role of roles) {
    await addOfficer(owner, { role, displayName: role, supervisor: false, password: PASSWORD });
  }
  await owner.end();
}

export interface PollRun {
  label: string;
  desks: number;
  /** Requests other than creating a case and fetching a token (the sync benchmark's count). */
  pollingRequests: number;
  byRoute: Record<string, number>;
  /** IDV Completed, upstream change → in the cache of the last desk opened (in the team, not the creator). */
  completedSeen: { n: number; missed: number; p50: number; p95: number };
}

/** When `desk`'s cache first held each case as IDV Completed (real ms). */
function watchCompleted(desk: Desk, seen: Map<string, number>): void {
  desk.core.events.on('cases:changed', ({ ids }) => {
    const at = Date.now();
    for (const id of ids) {
      if (seen.has(id)) continue;
      try {
        if (desk.core.services.cases.get(id).idvStatus === 'Completed') seen.set(id, at);
      } catch {
        // Not in this desk's cache yet.
      }
    }
  });
}

/** One scenario: cases created at the same offsets, adopted by the first desk, then left to run. */
async function scenario(
  label: string,
  cluster: PgCluster,
  team: { db: string; desks: number } | null,
): Promise<PollRun> {
  const sim = await simulatorThread();
  // The worker subscribes its simulator to a closed port, so it keeps the upstream ground truth.
  const roles = team
    ? Array.from({ length: team.desks }, (_, i) => `${team.db}_${String(i).padStart(2, '0')}`)
    : ['solo'];
  if (team) await teamDatabase(cluster, team.db, roles);
  const desks: Desk[] = [];
  const ids: string[] = [];
  const completed = new Map<string, number>();
  let start = Date.now();
  try {
    for (const role of roles) {
      const url = team ? `postgres://${role}@127.0.0.1:${cluster.port}/${team.db}` : null;
      desks.push(await openDesk(role, sim.url, url));
    }
    watchCompleted(desks.at(-1)!, completed);
    // The cases are created by a client of their own (as the sync benchmark does; not counted).
    const creator = createOndatoClient({
      endpoints: resolveEndpoints('simulator', { baseUrl: sim.url }),
      credentials: { clientId: 'kyc-desk-demo', clientSecret: 'demo-secret' },
      clock: { now: () => Date.now() },
    });
    start = Date.now();
    for (let i = 0; i < CASES; i += 1) {
      await sleep(start + (i * WINDOW_MS) / CASES - Date.now());
      const externalRef = `BENCH-${i}`;
      const { id } = await creator.createIdv({
        setupId: SETUP,
        externalReferenceId: externalRef,
        registration: { firstName: 'Bench', lastName: `Case${i}` },
      });
      ids.push(id);
      desks[0]!.core.services.cases.adopt({ idvId: id, externalRef, setupId: SETUP, registration: null });
    }
    process.stderr.write(`team bench: ${label}: ${CASES} cases created\n`);
    await sleep(start + RUN_MS - Date.now());
  } finally {
    for (const desk of desks) {
      await desk.core.close().catch(() => undefined);
      rmSync(desk.dir, { recursive: true, force: true });
    }
  }
  const counters = (await (await fetch(`${sim.url}/__sim/counters`)).json()) as {
    total: number;
    byRoute: Record<string, number>;
  };
  const upstream = await upstreamEvents(sim.url, await simulatorToken(sim.url), ids);
  await sim.stop();
  const delays: number[] = [];
  let missed = 0;
  // Changes in the last minute may not have had their chance yet.
  for (const e of upstream.filter((u) => u.state === 'IDV Completed' && u.at <= start + RUN_MS - 60_000)) {
    const at = completed.get(e.caseId);
    if (at === undefined) missed += 1;
    else delays.push(Math.max(0, at - e.at) / 1000);
  }
  const byRoute = counters.byRoute;
  return {
    label,
    desks: roles.length,
    pollingRequests: counters.total - (byRoute['idv.create'] ?? 0) - (byRoute['token'] ?? 0),
    byRoute,
    completedSeen: { n: delays.length, missed, p50: percentile(delays, 50), p95: percentile(delays, 95) },
  };
}

export interface OndatoShare {
  cases: number;
  windowS: number;
  runS: number;
  runs: PollRun[];
  ratio: number;
  rows: Row[];
}

export async function measureOndatoShare(): Promise<OndatoShare> {
  const cluster = await startPgCluster();
  try {
    const runs = await Promise.all([
      scenario('one desk, no team', cluster, null),
      scenario('one desk, joined alone', cluster, { db: 'poll_one', desks: 1 }),
      scenario(`${DESKS} desks, one team`, cluster, { db: 'poll_team', desks: DESKS }),
    ]);
    const [solo, alone, team] = runs as [PollRun, PollRun, PollRun];
    const ratio = team.pollingRequests / solo.pollingRequests;
    const rows: Row[] = [
      ...runs.map((r): Row => ({
        metric: `Ondato requests, ${r.label} (${CASES} cases, ${RUN_MS / 60_000} min, real time)`,
        value: r.pollingRequests,
        unit: 'req',
      })),
      ...runs.map((r): Row => ({
        metric: `IDV Completed seen, ${r.label}, p50 / p95 (n=${r.completedSeen.n}, missed ${r.completedSeen.missed})`,
        value: `${r.completedSeen.p50.toFixed(1)} / ${r.completedSeen.p95.toFixed(1)}`,
        unit: 's',
      })),
      {
        metric: `team-wide (${DESKS} desks) / single desk (no team)`,
        value: ratio,
        unit: '×',
        target: '≤ 1.2',
        pass: ratio <= 1.2,
      },
      {
        metric: `team-wide (${DESKS} desks) / single desk (joined alone)`,
        value: team.pollingRequests / alone.pollingRequests,
        unit: '×',
      },
    ];
    return { cases: CASES, windowS: WINDOW_MS / 1000, runS: RUN_MS / 1000, runs, ratio, rows };
  } finally {
    cluster.destroy();
  }
}
