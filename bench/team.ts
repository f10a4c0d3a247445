import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { createCore, type Core } from '../src/main/app/core';
import { silentLogger } from '../src/main/logger';
import { createMemoryStore } from '../src/main/secrets/memory-store';
import { addOfficer } from '../src/team-db/admin';
import { migrateTeamDatabase } from '../src/team-db/migrate';
import { startPgCluster } from '../test/support/pg-cluster';
import { measureVisibility } from './team-visibility';
import { measureOndatoShare, type OndatoShare } from './team-ondato';
import { percentile, printTable, writeResult, type Row } from './stats';

/*
 * `npm run bench -- team`: one team database on a throwaway PostgreSQL cluster holding 100,000 cases, and
 * 50 desks in this process, each with its own encrypted cache, keychain (in memory here), login role and
 * live team session (a work and a LISTEN connection). Measured: a decision made on one desk until every
 * other desk has it in its cache; one desk catching up on the whole case book from the change feed; the
 * case list page on that desk's cache (100,000 cases); connections per desk.
 * Sizes: BENCH_TEAM_CASES, BENCH_TEAM_DESKS, BENCH_TEAM_SAMPLES.
 */
const CASES = Number(process.env.BENCH_TEAM_CASES ?? 100_000);
const DESKS = Number(process.env.BENCH_TEAM_DESKS ?? 50);
const SAMPLES = Number(process.env.BENCH_TEAM_SAMPLES ?? 40);
const PASSWORD = 'bench desk password';

interface Desk {
  role: string;
  core: Core;
  ws: string;
  dir: string;
}

async function openDesk(role: string, url: string): Promise<Desk> {
  const dir = mkdtempSync(join(tmpdir(), 'kyc-desk-bench-team-'));
  const core = await createCore({
    dataDir: dir,
    secrets: createMemoryStore(),
    osUser: role,
    logger: silentLogger,
    shell: { openExternal: async () => undefined },
    notifier: { notify: () => undefined },
    confirmer: { confirm: () => Promise.resolve(true) },
    team: { env: {}, home: dir },
  });
  await core.start({ polling: false });
  // Never contacted: this benchmark measures the team, not Ondato.
  const base = 'http://127.0.0.1:9';
  const ws = await core.services.workspaces.add({
    name: `Desk ${role}`,
    environment: 'sandbox',
    clientId: 'bench',
    clientSecret: 'bench-secret',
    setupId: 'c3a0f7a2-6b1e-4b7e-9a51-1d2f3e4a5b61',
    customerBaseUrl: base,
    overrides: { authUrl: base, idvApiUrl: base, kycApiUrl: base },
    officerName: role,
  });
  await core.services.team.join({ workspaceId: ws.id, url, password: PASSWORD });
  return { role, core, ws: ws.id, dir };
}

async function seed(owner: Client): Promise<void> {
  // The change feed first (one row per case), then the cases pointing at their change.
  await owner.query(
    `INSERT INTO kyc_team.changes (kind, case_id, actor)
     SELECT 'case', md5('bench' || g)::uuid::text, 'desk_00' FROM generate_series(1, $1) g`,
    [CASES],
  );
  await owner.query(
    `INSERT INTO kyc_team.cases (id, setup_id, external_ref, registration, created_by, idv, idv_status,
       idv_modified, customer_finished_at, change_seq)
     SELECT c.case_id, 'c3a0f7a2-6b1e-4b7e-9a51-1d2f3e4a5b61', 'REF-' || c.seq,
       jsonb_build_object('firstName', 'Specimen', 'lastName', 'Person ' || c.seq),
       'desk_00',
       jsonb_build_object('id', c.case_id, 'status', 'Completed', 'externalReferenceId', 'REF-' || c.seq,
         'createdUtc', to_char(now() - make_interval(mins => c.seq::int % 10000), 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
         'modifiedUtc', to_char(now(), 'YYYY-MM-DD"T"HH24:MI:SS"Z"')),
       'Completed', now(), now() - make_interval(mins => c.seq::int % 600), c.seq
     FROM kyc_team.changes c WHERE c.kind = 'case' AND c.actor = 'desk_00'`,
  );
  await owner.query(
    `INSERT INTO kyc_team.poll_schedule (case_id, next_due) SELECT id, now() + interval '1 day' FROM kyc_team.cases`,
  );
  await owner.query('ANALYZE');
}

function progress(line: string): void {
  process.stderr.write(`team bench: ${line}\n`);
}

interface BookResult {
  rows: Row[];
  result: Record<string, unknown>;
}

/*
 * BENCH_TEAM_PARTS=book,ondato (default both): `book` is the 100,000-case database with 50 desks,
 * `ondato` the team's share of Ondato requests (bench/team-ondato.ts), each on its own cluster.
 */
export async function runTeamBench(): Promise<void> {
  const parts = (process.env.BENCH_TEAM_PARTS ?? 'book,ondato').split(',');
  const book = parts.includes('book') ? await measureBook() : null;
  const ondato: OndatoShare | null = parts.includes('ondato') ? await measureOndatoShare() : null;
  printTable(`Team — ${DESKS} desks, one PostgreSQL`, [...(book?.rows ?? []), ...(ondato?.rows ?? [])]);
  const { rows: _rows, ...share } = ondato ?? { rows: [] };
  console.log(`→ ${writeResult('team', { ...(book?.result ?? {}), ...(ondato ? { ondato: share } : {}) })}`);
}

async function measureBook(): Promise<BookResult> {
  const cluster = await startPgCluster();
  const desks: Desk[] = [];
  try {
    const admin = new Client({ connectionString: cluster.url() });
    await admin.connect();
    await admin.query('CREATE DATABASE team');
    await admin.end();
    const owner = new Client({ connectionString: cluster.url(undefined, undefined, 'team') });
    await owner.connect();
    await migrateTeamDatabase(owner);
    const roles = Array.from({ length: DESKS }, (_, i) => `desk_${String(i).padStart(2, '0')}`);
    for (const role of roles) {
      await addOfficer(owner, { role, displayName: role, supervisor: false, password: PASSWORD });
    }
    const url = (role: string): string => `postgres://${role}@127.0.0.1:${cluster.port}/team`;
    for (const role of roles) desks.push(await openDesk(role, url(role)));
    progress(`${desks.length} desks joined`);

    let started = performance.now();
    await seed(owner);
    const seedMs = performance.now() - started;
    progress(`seeded ${CASES} cases`);
    const head = Number(
      (await owner.query<{ s: string }>('SELECT max(seq) AS s FROM kyc_team.changes')).rows[0]!.s,
    );

    // Desk 0 catches up on the whole book through the feed; the others joined before and are current
    // (their mirror of the same history is desk 0's work, 49 times over).
    for (const desk of desks.slice(1)) {
      desk.core.db.prepare('UPDATE team_links SET last_seq = ?').run(head);
    }
    const catchUp = desks[0]!;
    started = performance.now();
    await catchUp.core.services.team.sync();
    const catchUpMs = performance.now() - started;
    progress('one desk caught up');
    const mirrored = catchUp.core.services.cases.list({ sort: 'created', dir: 'desc', limit: 1 }).total;

    for (const desk of desks) await desk.core.services.team.start(true);

    const pages: number[] = [];
    for (let i = 0; i < 200; i += 1) {
      const t = performance.now();
      catchUp.core.services.cases.list({ sort: 'created', dir: 'desc', limit: 50, offset: (i * 997) % 5000 });
      pages.push(performance.now() - t);
    }

    const connections = await owner.query<{ usename: string; n: string }>(
      "SELECT usename, count(*) AS n FROM pg_stat_activity WHERE usename LIKE 'desk\\_%' GROUP BY usename",
    );
    const maxConnections = Math.max(...connections.rows.map((r) => Number(r.n)));

    progress('measuring decisions');
    const observer = new Client({ connectionString: cluster.url(undefined, undefined, 'team') });
    await observer.connect();
    const vis = await measureVisibility(desks, observer, SAMPLES);
    await observer.end();
    const latencies = vis.latencies;
    const p50 = percentile(latencies, 50);
    const p95 = percentile(latencies, 95);
    const split = (values: number[]): string =>
      `${percentile(values, 50).toFixed(0)} / ${percentile(values, 95).toFixed(0)}`;
    const pageP95 = percentile(pages, 95);

    const rows: Row[] = [
      { metric: `cases in the team database`, value: CASES, unit: 'cases' },
      { metric: 'seed (SQL, one statement per table)', value: seedMs / 1000, unit: 's' },
      { metric: `one desk catching up on the feed (${mirrored} cases)`, value: catchUpMs / 1000, unit: 's' },
      {
        metric: `decision visible on the ${DESKS - 1} other desks p50 / p95`,
        value: `${p50.toFixed(0)} / ${p95.toFixed(0)}`,
        unit: 'ms',
        target: 'p95 ≤ 1000',
        pass: p95 <= 1000,
      },
      { metric: 'of which: decide → NOTIFY (push) p50 / p95', value: split(vis.push), unit: 'ms' },
      { metric: 'of which: NOTIFY → first desk p50 / p95', value: split(vis.firstDesk), unit: 'ms' },
      { metric: 'of which: NOTIFY → median desk p50 / p95', value: split(vis.medianDesk), unit: 'ms' },
      { metric: 'of which: NOTIFY → last desk p50 / p95', value: split(vis.lastDesk), unit: 'ms' },
      {
        metric: `case list page (50 of ${mirrored}) p95`,
        value: pageP95,
        unit: 'ms',
        target: '≤ 20',
        pass: pageP95 <= 20,
      },
      {
        metric: 'connections per desk (max)',
        value: maxConnections,
        unit: '',
        target: '≤ 2',
        pass: maxConnections <= 2,
      },
    ];
    await owner.end();
    return {
      rows,
      result: {
        cases: CASES,
        desks: DESKS,
        samples: SAMPLES,
        seedMs,
        catchUpMs,
        p50,
        p95,
        pageP95,
        maxConnections,
        visibility: vis,
      },
    };
  } finally {
    for (const desk of desks) {
      await desk.core.close().catch(() => undefined);
      rmSync(desk.dir, { recursive: true, force: true });
    }
    cluster.destroy();
  }
}
