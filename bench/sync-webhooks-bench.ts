import { startPgCluster } from '../test/support/pg-cluster';
import { printTable, writeResult, type Row } from './stats';
import { CASES, loadAverage, runMode, STATES, WINDOW_MS, type ModeResult } from './sync-webhooks';

/*
 * `npm run bench -- sync-webhooks`: the sync benchmark's webhook mode, on the wall clock (the team
 * database judges leases and relay health on its own clock, so the 30× scaled sync scenario cannot
 * host it). The three runs go side by side, each with its own simulator thread (same seed, same
 * scripted lifecycle): the naive 10 s poller; one desk joined to a team whose relay (on a throwaway
 * PostgreSQL) receives the simulator's webhooks; the same with 20 % of delivery attempts dropped.
 */
const SEED = 2026;

function latencyRows(r: ModeResult): Row[] {
  return STATES.map((state) => {
    const l = r.latency[state]!;
    return {
      metric: `${r.mode}: ${state} seen after, p50 / p95 / max (n=${l.n}, missed ${l.missed})`,
      value: `${l.p50.toFixed(1)} / ${l.p95.toFixed(1)} / ${l.max.toFixed(1)}`,
      unit: 's',
    };
  });
}

export async function runSyncWebhooksBench(): Promise<Row[]> {
  console.log(
    `sync benchmark, webhook mode: ${CASES} cases over ${WINDOW_MS / 1000} s on the wall clock, three runs side by side`,
  );
  const load: string[] = [loadAverage()];
  const sampler = setInterval(() => load.push(loadAverage()), 30_000);
  const cluster = await startPgCluster();
  let results: ModeResult[];
  try {
    results = await Promise.all([
      runMode('naive', null, SEED),
      runMode('webhooks', cluster, SEED),
      runMode('webhooks, 20 % dropped', cluster, SEED),
    ]);
  } finally {
    clearInterval(sampler);
    cluster.destroy();
  }
  load.push(loadAverage());
  const [naive, hooks, dropped] = results as [ModeResult, ModeResult, ModeResult];
  const rows: Row[] = [];
  for (const r of results) {
    rows.push({
      metric: `${r.mode}: Ondato reads per case (of which webhook-triggered ${(r.webhookReads / CASES).toFixed(1)})`,
      value: r.requestsPerCase,
      unit: 'req',
    });
    rows.push(...latencyRows(r));
    rows.push({
      metric: `${r.mode}: cases converged (final state held)${r.relayState ? `, relay ${r.relayState}` : ''}`,
      value: `${r.converged} / ${CASES}`,
      unit: '',
    });
  }
  const p95 = (r: ModeResult, state: string): number => r.latency[state]!.p95;
  const kyc = Math.max(p95(hooks, 'KYC Approved'), p95(hooks, 'KYC Rejected'));
  const missed = (r: ModeResult): number => STATES.reduce((n, s) => n + r.latency[s]!.missed, 0);
  rows.push({
    metric: 'webhooks: KYC Approved / Rejected seen, p95 (worse of the two)',
    value: kyc,
    unit: 's',
    target: '≤ 5',
    pass: kyc <= 5 && missed(hooks) === 0,
  });
  rows.push({
    metric: 'webhooks: IDV Completed seen, p95',
    value: p95(hooks, 'IDV Completed'),
    unit: 's',
    target: '≤ 3',
    pass: p95(hooks, 'IDV Completed') <= 3,
  });
  const pollRatio = hooks.pollsPerCase / naive.requestsPerCase;
  rows.push({
    metric: 'webhooks: polls (reads no webhook asked for) / naive poller requests',
    value: pollRatio,
    unit: '×',
    target: '≤ 0.05',
    pass: pollRatio <= 0.05,
  });
  rows.push({
    metric: 'webhooks: all Ondato reads / naive poller requests',
    value: hooks.requestsPerCase / naive.requestsPerCase,
    unit: '×',
  });
  rows.push({
    metric: '20 % dropped: cases converged',
    value: `${dropped.converged} / ${CASES}`,
    unit: '',
    target: `${CASES} / ${CASES}`,
    pass: dropped.converged === CASES,
  });
  rows.push({
    metric: 'load average during the run (1 / 5 / 15 min), first … last',
    value: `${load[0]} … ${load.at(-1)}`,
    unit: '',
  });
  printTable('Sync benchmark, webhook mode', rows);
  console.log(
    `written ${writeResult('sync-webhooks', { cases: CASES, windowSeconds: WINDOW_MS / 1000, latencyMs: 50, seed: SEED, loadAverage: load, naive, webhooks: hooks, dropped, pollRatio, rows })}`,
  );
  return rows;
}
