import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { createOndatoClient, resolveEndpoints, type OndatoClient } from '../src/main/ondato';
import { startPgCluster, type PgCluster } from '../test/support/pg-cluster';
import { naivePoller, type Poller } from './pollers';
import { scaledTime } from './scaled-time';
import { planFor, type FinalState } from './lifecycle-plan';
import type { LifecycleWorkerData } from './sim-lifecycle-worker';
import { percentile } from './stats';
import { simulatorToken, upstreamEvents } from './upstream';
import { HOOK_PASSWORD, HOOK_USER, openWebhookDesk, startTeamRelay, type WebhookDesk } from './webhook-desk';

/*
 * One run of the webhook benchmark's scenario, on the wall clock: CASES cases created evenly over
 * WINDOW, each walking a shortened Ondato lifecycle (sim-lifecycle-worker.ts), watched by either the
 * naive 10 s poller or a desk joined to a team whose relay receives the simulator's webhooks.
 */
export const CASES = Number(process.env.BENCH_WH_CASES ?? 100);
export const WINDOW_MS = Number(process.env.BENCH_WH_WINDOW_S ?? 180) * 1000;
/** The longest lifecycle is about 116 s; then deliveries and reads finish. */
const TAIL_MS = Number(process.env.BENCH_WH_TAIL_S ?? 125) * 1000;
/** After the tail, how long to wait for the last cases to converge (retries of dropped deliveries). */
const CONVERGE_CAP_MS = Number(process.env.BENCH_WH_CONVERGE_S ?? 90) * 1000;
const LATENCY_MS = 50;
const SETUP = 'c3a0f7a2-6b1e-4b7e-9a51-1d2f3e4a5b61';
export const STATES = ['IDV InProgress', 'IDV Completed', 'KYC Approved', 'KYC Rejected'] as const;

export type Mode = 'naive' | 'webhooks' | 'webhooks, 20 % dropped';

export interface ModeResult {
  mode: Mode;
  requests: number;
  requestsPerCase: number;
  /** Ondato reads a webhook triggered (desk modes); the rest of `requests` are polls. */
  webhookReads: number;
  pollsPerCase: number;
  latency: Record<string, { n: number; missed: number; p50: number; p95: number; max: number }>;
  converged: number;
  /** Cases whose final state the desk did not hold when the wait ended. */
  notConverged: string[];
  /** From the end of the window + tail to the last case converging, seconds (0: all had). */
  convergeWaitS: number;
  deliveries?: { total: number; delivered: number; attemptsOver1: number; pending: number };
  relayState?: string;
}

async function simulatorThread(
  data: LifecycleWorkerData,
): Promise<{ url: string; worker: Worker; stop(): Promise<void> }> {
  const worker = new Worker(join(__dirname, 'sim-lifecycle-worker.cjs'), { workerData: data });
  const url = await new Promise<string>((resolve, reject) => {
    const first = (message: { url?: string; error?: string }): void => {
      if (message.url) {
        worker.off('message', first);
        resolve(message.url);
      }
    };
    worker.on('message', first);
    worker.once('error', reject);
  });
  worker.on('message', (message: { error?: string }) => {
    if (message.error) process.stderr.write(`  simulator: ${message.error}\n`);
  });
  return {
    url,
    worker,
    stop: async () => {
      const stopped = new Promise((resolve) =>
        worker.on('message', (m: { stopped?: boolean }) => m.stopped && resolve(null)),
      );
      worker.postMessage('stop');
      await stopped;
      await worker.terminate();
    },
  };
}

/** Counts the Ondato reads a webhook caused: the case's own, and its KYC's and files' by KYC id. */
function attributing(
  client: OndatoClient,
  inWebhookRead: Set<string>,
  counts: { reads: number; fromWebhook: number },
): OndatoClient {
  const kycCase = new Map<string, string>();
  const note = (caseId: string | undefined): void => {
    counts.reads += 1;
    if (caseId !== undefined && inWebhookRead.has(caseId)) counts.fromWebhook += 1;
  };
  return {
    ...client,
    async getIdv(id) {
      note(id);
      const idv = await client.getIdv(id);
      const kycId = idv.step?.kycIdentification?.id;
      if (kycId) kycCase.set(kycId, id);
      return idv;
    },
    getKyc(id) {
      note(kycCase.get(id));
      return client.getKyc(id);
    },
    getKycFile(kycId, fileId, options) {
      note(kycCase.get(kycId));
      return client.getKycFile(kycId, fileId, options);
    },
  };
}

/** Answers every delivery 200 and keeps nothing. */
async function startSink(): Promise<{ url: string; close(): Promise<void> }> {
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => res.writeHead(200).end());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks`,
    close: () => {
      server.closeAllConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));

export async function runMode(mode: Mode, cluster: PgCluster | null, seed: number): Promise<ModeResult> {
  const team =
    mode === 'naive' || !cluster ? null : await startTeamRelay(cluster, mode === 'webhooks' ? 'a' : 'b');
  // The naive run's simulator delivers to a sink nobody reads: its delivery records are the ground truth.
  const sink = team ? null : await startSink();
  const webhooks = [
    {
      url: team?.webhookUrl ?? sink!.url,
      auth: { kind: 'basic', username: HOOK_USER, password: HOOK_PASSWORD },
      faults: mode === 'webhooks, 20 % dropped' ? { drop: 0.2 } : {},
    },
  ];
  const sim = await simulatorThread({ seed, latencyMs: LATENCY_MS, webhooks });
  // Scale 1 starting now: the naive poller's times are wall-clock times, like the simulator's records.
  const time = scaledTime(1, Date.now());
  const raw = createOndatoClient({
    endpoints: resolveEndpoints('simulator', { baseUrl: sim.url }),
    credentials: { clientId: 'kyc-desk-demo', clientSecret: 'demo-secret' },
    clock: time.clock,
  });
  const inWebhookRead = new Set<string>();
  const counts = { reads: 0, fromWebhook: 0 };
  const client = attributing(raw, inWebhookRead, counts);
  const desk: WebhookDesk | null = team
    ? await openWebhookDesk(team, client, inWebhookRead, { webhook: 0 })
    : null;
  const poller: Poller = desk ?? naivePoller(client, time);
  const ids: string[] = [];
  const finals = new Map<string, FinalState>();
  const start = Date.now();
  try {
    for (let i = 0; i < CASES; i += 1) {
      await sleep(start + (i * WINDOW_MS) / CASES - Date.now());
      const { id } = await raw.createIdv({
        setupId: SETUP,
        externalReferenceId: `BENCH-${i}`,
        registration: { firstName: 'Bench', lastName: `Case${i}` },
      });
      sim.worker.postMessage({ track: { id, index: i } });
      finals.set(id, planFor(i).final);
      ids.push(id);
      if (desk) await desk.created(id, `BENCH-${i}`);
      else poller.track(id);
      if (i % 50 === 49) process.stderr.write(`  ${mode}: ${i + 1} cases created\n`);
    }
    await sleep(start + WINDOW_MS + TAIL_MS - Date.now());
  } catch (error) {
    await poller.stop();
    throw error;
  }
  const holds = (id: string): boolean => {
    const want = finals.get(id)!;
    if (desk) {
      const has = desk.cached(id);
      return has !== null && has.idv === want.idv && has.kyc === (want.kyc ?? has.kyc);
    }
    return (
      poller.seen.has(`${id}|IDV ${want.idv}`) &&
      (want.kyc === null || poller.seen.has(`${id}|KYC ${want.kyc}`))
    );
  };
  const waitStart = Date.now();
  let open = ids.filter((id) => !holds(id));
  while (open.length > 0 && Date.now() - waitStart < CONVERGE_CAP_MS) {
    await sleep(1_000);
    open = open.filter((id) => !holds(id));
  }
  const convergeWaitS = (Date.now() - waitStart) / 1000;
  const relayState = desk?.relayState();
  await poller.stop();
  const counters = (await (await fetch(`${sim.url}/__sim/counters`)).json()) as {
    total: number;
    byRoute: Record<string, number>;
  };
  const deliveryList = team
    ? ((await (await fetch(`${sim.url}/__sim/webhooks/deliveries`)).json()) as Array<{
        attempts: number;
        isDelivered: boolean;
        pending: boolean;
      }>)
    : null;
  const upstream = await upstreamEvents(sim.url, await simulatorToken(sim.url), ids);
  await sim.stop();
  await team?.close();
  await sink?.close();

  const requests = counters.total - (counters.byRoute['idv.create'] ?? 0) - (counters.byRoute['token'] ?? 0);
  const latency: ModeResult['latency'] = {};
  for (const state of STATES) {
    const delays: number[] = [];
    let missed = 0;
    for (const event of upstream.filter((e) => e.state === state)) {
      const seenAt = poller.seen.get(`${event.caseId}|${state}`);
      if (seenAt === undefined) missed += 1;
      else delays.push(Math.max(0, seenAt - event.at) / 1000);
    }
    latency[state] = {
      n: delays.length,
      missed,
      p50: percentile(delays, 50),
      p95: percentile(delays, 95),
      max: delays.length ? Math.max(...delays) : 0,
    };
  }
  return {
    mode,
    requests,
    requestsPerCase: requests / CASES,
    webhookReads: counts.fromWebhook,
    pollsPerCase: (requests - counts.fromWebhook) / CASES,
    latency,
    converged: CASES - open.length,
    notConverged: open,
    convergeWaitS,
    ...(deliveryList
      ? {
          deliveries: {
            total: deliveryList.length,
            delivered: deliveryList.filter((d) => d.isDelivered).length,
            attemptsOver1: deliveryList.filter((d) => d.attempts > 1).length,
            pending: deliveryList.filter((d) => d.pending).length,
          },
        }
      : {}),
    ...(relayState === undefined ? {} : { relayState }),
  };
}

export function loadAverage(): string {
  return readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
}

export { startPgCluster };
