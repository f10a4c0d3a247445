import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { attachAuditChain } from '../src/main/db/audit-chain';
import { openCache } from '../src/main/db/open';
import * as cases from '../src/main/db/repos/cases';
import * as workspaces from '../src/main/db/repos/workspaces';
import { createOndatoClient, resolveEndpoints } from '../src/main/ondato';
import { Worker } from 'node:worker_threads';
import { EVENT_LOOP_P99_TARGET_MS, idleBaseline, watchEventLoop, type EventLoopDelay } from './event-loop';
import { enginePoller, naivePoller, type Poller } from './pollers';
import { scaledTime } from './scaled-time';
import type { SimWorkerData } from './sim-worker';
import { percentile, printTable, writeResult, type Row } from './stats';
import { simulatorToken, upstreamEvents } from './upstream';

/*
 * 1,000 cases moving through Ondato's lifecycle in the simulator (autopilot: customers open links,
 * submit, Ondato decides), created evenly over a working afternoon, with 50 ms of latency per request.
 * The same scenario (same seed) runs twice: once with KYC Desk's engine, once with a naive poller.
 * Reported: polling requests per case, and how long after each upstream change the poller saw it.
 */

const CASES = Number(process.env.BENCH_SYNC_CASES ?? 1000);
const SCALE = Number(process.env.BENCH_SYNC_SCALE ?? 60);
const MINUTE = 60_000;
const WINDOW = Number(process.env.BENCH_SYNC_WINDOW_MIN ?? 150) * MINUTE;
const TAIL = 25 * MINUTE;
const LATENCY_MS = 50;
const SETUP = 'c3a0f7a2-6b1e-4b7e-9a51-1d2f3e4a5b61';
const STATES = ['IDV InProgress', 'IDV Completed', 'KYC Approved', 'KYC Rejected'] as const;

async function simulatorThread(data: SimWorkerData): Promise<{ url: string; stop(): Promise<void> }> {
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

interface RunResult {
  poller: string;
  pollingRequests: number;
  requestsPerCase: number;
  latency: Record<string, { n: number; missed: number; p50: number; p95: number }>;
  /** Main-thread event-loop delay while this poller ran (the simulator runs in a worker thread). */
  eventLoop: EventLoopDelay;
}

async function run(kind: 'engine' | 'naive'): Promise<RunResult> {
  const time = scaledTime(SCALE);
  const sim = await simulatorThread({
    seed: 2026,
    factor: time.factor,
    start: time.start,
    realStart: time.realStart,
    latencyMs: LATENCY_MS / SCALE,
    specimenPool: 8,
  });
  const dir = mkdtempSync(join(tmpdir(), 'kyc-bench-sync-'));
  const cache = openCache({ path: join(dir, 'cache.db'), key: randomBytes(32).toString('hex') });
  attachAuditChain(cache.db, { key: randomBytes(32).toString('hex') });
  const ws = 'ws-bench';
  workspaces.add(
    cache.db,
    {
      id: ws,
      name: 'bench',
      environment: 'demo',
      clientId: 'kyc-desk-demo',
      setupId: SETUP,
      customerBaseUrl: null,
      overrides: null,
      officerName: null,
    },
    time.clock.now(),
  );
  const client = createOndatoClient({
    endpoints: resolveEndpoints('simulator', { baseUrl: sim.url }),
    credentials: { clientId: 'kyc-desk-demo', clientSecret: 'demo-secret' },
    clock: time.clock,
  });
  const poller: Poller =
    kind === 'engine' ? enginePoller(cache.db, ws, client, time) : naivePoller(client, time);
  const start = time.clock.now();
  const ids: string[] = [];
  const loop = watchEventLoop();
  let eventLoop: EventLoopDelay;
  try {
    for (let i = 0; i < CASES; i += 1) {
      const due = start + (i * WINDOW) / CASES;
      const wait = due - time.clock.now();
      if (wait > 0) await time.sleep(wait);
      const { id } = await client.createIdv({
        setupId: SETUP,
        externalReferenceId: `BENCH-${i}`,
        registration: { firstName: 'Bench', lastName: `Case${i}` },
      });
      const createdUtc = new Date(time.clock.now()).toISOString();
      if (kind === 'engine')
        cases.insertCreated(cache.db, ws, {
          idvId: id,
          externalRef: `BENCH-${i}`,
          setupId: SETUP,
          registration: null,
          createdUtc,
        });
      poller.track(id);
      ids.push(id);
      if (i % 100 === 99) process.stderr.write(`  ${kind}: ${i + 1} cases created\n`);
    }
    await time.sleep(start + WINDOW + TAIL - time.clock.now());
  } finally {
    await poller.stop();
    eventLoop = loop.stop();
  }
  const counters = (await (await fetch(`${sim.url}/__sim/counters`)).json()) as {
    total: number;
    byRoute: Record<string, number>;
  };
  const upstream = await upstreamEvents(sim.url, await simulatorToken(sim.url), ids);
  await sim.stop();
  cache.close();
  rmSync(dir, { recursive: true, force: true });

  const byRoute = counters.byRoute;
  const pollingRequests = counters.total - (byRoute['idv.create'] ?? 0) - (byRoute['token'] ?? 0);
  const latency: RunResult['latency'] = {};
  for (const state of STATES) {
    const delays: number[] = [];
    let missed = 0;
    for (const event of upstream.filter((e) => e.state === state && e.at <= start + WINDOW + TAIL - MINUTE)) {
      const seenAt = poller.seen.get(`${event.caseId}|${state}`);
      if (seenAt === undefined) missed += 1;
      else delays.push(Math.max(0, seenAt - event.at) / 1000);
    }
    latency[state] = { n: delays.length, missed, p50: percentile(delays, 50), p95: percentile(delays, 95) };
  }
  return {
    poller: poller.name,
    pollingRequests,
    requestsPerCase: pollingRequests / CASES,
    latency,
    eventLoop,
  };
}

export async function runSyncBench(): Promise<Row[]> {
  console.log(
    `sync benchmark: ${CASES} cases over ${WINDOW / MINUTE} min (+${TAIL / MINUTE} min), time ×${SCALE}, ${LATENCY_MS} ms latency`,
  );
  const idle = await idleBaseline();
  const engine = await run('engine');
  const naive = await run('naive');
  const ratio = engine.pollingRequests / naive.pollingRequests;
  const rows: Row[] = [];
  for (const r of [engine, naive]) {
    rows.push({ metric: `${r.poller}: requests per case`, value: r.requestsPerCase, unit: 'req' });
    for (const state of STATES) {
      const l = r.latency[state]!;
      rows.push({
        metric: `${r.poller}: ${state} seen after, p50 / p95 (n=${l.n}, missed ${l.missed})`,
        value: `${l.p50.toFixed(1)} / ${l.p95.toFixed(1)}`,
        unit: 's',
      });
    }
  }
  const completed = engine.latency['IDV Completed']!;
  rows.push({
    metric: 'engine: InProgress → Completed seen, p95',
    value: completed.p95,
    unit: 's',
    target: '≤ 15',
    pass: completed.p95 <= 15 && completed.missed === 0,
  });
  rows.push({
    metric: 'engine requests / naive requests',
    value: ratio,
    unit: '×',
    target: '≤ 0.25',
    pass: ratio <= 0.25,
  });
  for (const r of [engine, naive]) {
    rows.push({
      metric: `${r.poller}: main-thread event-loop delay p99 (max ${r.eventLoop.max.toFixed(1)} ms)`,
      value: r.eventLoop.p99,
      unit: 'ms',
      ...(r === engine
        ? { target: `≤ ${EVENT_LOOP_P99_TARGET_MS}`, pass: r.eventLoop.p99 <= EVENT_LOOP_P99_TARGET_MS }
        : {}),
    });
  }
  rows.push({
    metric: 'machine alone (idle loop): event-loop delay p99 / max',
    value: `${idle.p99.toFixed(1)} / ${idle.max.toFixed(1)}`,
    unit: 'ms',
  });
  printTable('Sync benchmark', rows);
  console.log(
    `written ${writeResult(CASES === 1000 ? 'sync' : `sync-${CASES}`, { cases: CASES, scale: SCALE, windowMinutes: WINDOW / MINUTE, latencyMs: LATENCY_MS, idle, engine, naive, ratio, rows })}`,
  );
  return rows;
}
