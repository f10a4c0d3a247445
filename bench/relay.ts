import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { Agent, request } from 'node:http';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { Client } from 'pg';
import { addRelay } from '../src/team-db/admin';
import { migrateTeamDatabase } from '../src/team-db/migrate';
import { startPgCluster } from '../test/support/pg-cluster';
import { percentile, printTable, writeResult, type Row } from './stats';

/*
 * `npm run bench -- relay`: the webhook relay (its own process, as deployed) against a real PostgreSQL,
 * driven over loopback by keep-alive connections. 10 % of deliveries repeat an earlier envelope, as
 * Ondato's retries do; each must be stored once. Targets: ≥ 500 webhooks/s with ack p99 ≤ 50 ms.
 */
const TOTAL = Number(process.env.BENCH_RELAY_TOTAL ?? 10_000);
const CONCURRENCY = Number(process.env.BENCH_RELAY_CONCURRENCY ?? 16);
const DUPLICATE_SHARE = 0.1;

function envelope(id: string, caseId: string): string {
  return JSON.stringify({
    id,
    applicationId: randomUUID(),
    createdUtc: new Date().toISOString(),
    deliveredUtc: new Date().toISOString(),
    isDelivered: true,
    type: 'KycIdentification.Approved',
    payload: {
      id: randomUUID(),
      identityVerificationId: caseId,
      status: 'Approved',
      createdUtc: new Date().toISOString(),
      document: { firstName: 'Specimen', lastName: 'Person', files: [] },
    },
  });
}

async function startRelay(url: string, password: string): Promise<{ child: ChildProcess; base: string }> {
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      join(__dirname, '../src/cli/index.ts'),
      'relay',
      '--port',
      '0',
      '--database',
      url,
      '--json',
    ],
    {
      env: {
        ...process.env,
        PGPASSWORD: password,
        KYC_DESK_RELAY_USERNAME: 'ondato',
        KYC_DESK_RELAY_PASSWORD: 'bench-secret-123',
      },
      stdio: ['ignore', 'pipe', 'ignore'],
    },
  );
  const lines = createInterface({ input: child.stdout! });
  let text = '';
  for await (const line of lines) {
    text += line;
    try {
      const parsed = JSON.parse(text) as { url: string };
      return { child, base: parsed.url };
    } catch {
      // The JSON spans several lines; keep reading.
    }
  }
  throw new Error('the relay did not start');
}

function post(agent: Agent, base: string, body: string): Promise<{ ms: number; status: number }> {
  const started = process.hrtime.bigint();
  const target = new URL('/ondato/webhooks', base);
  return new Promise((resolve, reject) => {
    const req = request(
      {
        agent,
        host: target.hostname,
        port: target.port,
        path: target.pathname,
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
          authorization: `Basic ${Buffer.from('ondato:bench-secret-123').toString('base64')}`,
        },
      },
      (res) => {
        res.resume();
        res.on('end', () =>
          resolve({ ms: Number(process.hrtime.bigint() - started) / 1e6, status: res.statusCode ?? 0 }),
        );
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

export async function runRelayBench(): Promise<void> {
  const cluster = await startPgCluster();
  let relay: ChildProcess | undefined;
  try {
    const admin = new Client({ connectionString: cluster.url() });
    await admin.connect();
    await admin.query('CREATE DATABASE team');
    await admin.end();
    const owner = new Client({ connectionString: cluster.url(undefined, undefined, 'team') });
    await owner.connect();
    await migrateTeamDatabase(owner);
    await addRelay(owner, 'relay_bench', 'relay-bench-password');
    const started = await startRelay(
      `postgres://relay_bench@127.0.0.1:${cluster.port}/team`,
      'relay-bench-password',
    );
    relay = started.child;

    const unique: string[] = [];
    const bodies: string[] = [];
    for (let i = 0; i < TOTAL; i += 1) {
      if (unique.length > 0 && Math.random() < DUPLICATE_SHARE) {
        bodies.push(bodies[Math.floor(Math.random() * bodies.length)]!);
      } else {
        const id = randomUUID();
        unique.push(id);
        bodies.push(envelope(id, randomUUID()));
      }
    }
    const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });
    const latencies: number[] = [];
    let failures = 0;
    let next = 0;
    const t0 = process.hrtime.bigint();
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (next < bodies.length) {
          const body = bodies[next++]!;
          const { ms, status } = await post(agent, started.base, body);
          latencies.push(ms);
          if (status !== 200) failures += 1;
        }
      }),
    );
    const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
    agent.destroy();
    const stored = await owner.query<{ n: number }>('SELECT count(*)::int AS n FROM kyc_team.webhook_events');
    await owner.end();
    const rate = TOTAL / seconds;
    const p50 = percentile(latencies, 50);
    const p99 = percentile(latencies, 99);
    const storedOnce = stored.rows[0]?.n === unique.length;
    const rows: Row[] = [
      { metric: 'deliveries (10 % repeats)', value: TOTAL, unit: '' },
      { metric: 'concurrent connections', value: CONCURRENCY, unit: '' },
      { metric: 'throughput', value: rate, unit: '/s', target: '≥ 500', pass: rate >= 500 },
      { metric: 'ack p50', value: p50, unit: 'ms' },
      { metric: 'ack p99', value: p99, unit: 'ms', target: '≤ 50', pass: p99 <= 50 },
      { metric: 'non-2xx answers', value: failures, unit: '', target: '0', pass: failures === 0 },
      {
        metric: 'unique events stored once',
        value: `${stored.rows[0]?.n ?? 0} / ${unique.length}`,
        unit: '',
        target: 'equal',
        pass: storedOnce,
      },
    ];
    printTable('Relay — webhooks into the team database', rows);
    console.log(
      `→ ${writeResult('relay', { total: TOTAL, concurrency: CONCURRENCY, rate, p50, p99, failures, storedOnce })}`,
    );
  } finally {
    relay?.kill('SIGTERM');
    cluster.destroy();
  }
}
