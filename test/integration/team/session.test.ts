import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { Client } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../../../src/main/logger';
import type { TimerHandle, Timers } from '../../../src/main/sync/options';
import { createTeamSession, LEASE_DEFER_MS } from '../../../src/main/team/session';
import { startSimulator, type Simulator } from '../../../src/simulator';
import { hasPostgres } from '../../support/pg-cluster';
import { PERSON, testCore } from '../services/support';
import { startTeamFixture, type TeamFixture } from '../team-db/support';
import { addDeskOfficer, DESK_PASSWORD, openDesk, type Desk } from './desk-support';

const CHILD = join(__dirname, '../../support/team-push-child.ts');

/** Timers the test fires by hand: reconnect backoff runs on these, never on the wall clock. */
function manualTimers() {
  const pending: { callback: () => void; ms: number; handle: TimerHandle }[] = [];
  let wake: (() => void) | null = null;
  const timers: Timers = {
    setTimeout(callback, ms) {
      const handle = setTimeout(() => undefined, 2 ** 31 - 1);
      handle.unref();
      pending.push({ callback, ms, handle });
      wake?.();
      return handle;
    },
    clearTimeout(handle) {
      clearTimeout(handle);
      const i = pending.findIndex((p) => p.handle === handle);
      if (i >= 0) pending.splice(i, 1);
    },
  };
  return {
    timers,
    /** Resolves once a timer of `ms` is pending (the lease tick runs alongside, at its own delay). */
    async next(ms: number): Promise<void> {
      while (!pending.some((p) => p.ms === ms)) await new Promise<void>((resolve) => (wake = resolve));
    },
    pendingDelays: (): number[] => pending.map((p) => p.ms),
    fire(ms: number): void {
      const i = pending.findIndex((p) => p.ms === ms);
      if (i < 0) throw new Error(`no timer of ${ms} ms pending`);
      const [timer] = pending.splice(i, 1);
      clearTimeout(timer!.handle);
      timer!.callback();
    },
  };
}

describe.skipIf(!hasPostgres())('the team session of a desk', () => {
  let team: TeamFixture;
  let sim: Simulator;
  let ana: Desk;
  let ben: Desk;

  beforeAll(async () => {
    team = await startTeamFixture();
    sim = await startSimulator({ port: 0, seed: 13 });
    await addDeskOfficer(team, 'ana');
    await addDeskOfficer(team, 'ben');
    ana = await openDesk(team, sim.url, 'ana');
    ben = await openDesk(team, sim.url, 'ben');
  }, 60_000);

  afterAll(async () => {
    await ana?.close();
    await ben?.close();
    await sim?.stop();
    await team?.close();
  });

  it('hears NOTIFY, and after the database restarts reconnects with backoff on its timers and catches up', async () => {
    const clock = manualTimers();
    const applied: string[][] = [];
    let onApplied: (() => void) | null = null;
    const live = createTeamSession({
      db: ben.core.db,
      workspaceId: ben.ws.id,
      password: () => Promise.resolve(DESK_PASSWORD),
      env: {},
      now: () => Date.now(),
      timers: clock.timers,
      logger: silentLogger,
      live: true,
      backoff: { minMs: 1_000, maxMs: 8_000 },
      onApplied: (ids) => {
        applied.push(ids);
        onApplied?.();
      },
    });
    const appliedCase = (id: string) =>
      new Promise<void>((resolve) => {
        const check = () => {
          if (applied.some((ids) => ids.includes(id))) resolve();
        };
        onApplied = check;
        check();
      });
    try {
      await live.sync();
      expect(live.status()).toMatchObject({ connected: true, officer: 'ben' });

      // Ana decides; Ben's desk learns it from the notification, not from a poll of its own.
      const first = await ana.core.services.cases.create(PERSON);
      const heard = appliedCase(first.id);
      await ana.core.services.team.sync();
      await heard;
      expect(ben.core.services.cases.get(first.id).externalRef).toBe(first.externalRef);

      // Connected: the lease tick is armed.
      expect(clock.pendingDelays()).toEqual([LEASE_DEFER_MS]);
      team.cluster.stop();
      // The lost connection schedules a reconnect at the minimum backoff, and stops the lease tick.
      await clock.next(1_000);
      expect(clock.pendingDelays()).toEqual([1_000]);
      expect(live.status().connected).toBe(false);
      expect(live.status().problem).toContain(`${team.cluster.host}:${team.cluster.port}`);
      // Still down: the next attempt waits twice as long.
      clock.fire(1_000);
      await clock.next(2_000);

      team.cluster.start();
      // Ana decided while Ben's desk was away; the reconnect's round brings it.
      await ana.core.services.team.sync();
      const second = await ana.core.services.cases.create(PERSON);
      await ana.core.services.team.sync();
      const caughtUp = appliedCase(second.id);
      clock.fire(2_000);
      await caughtUp;
      expect(live.status()).toMatchObject({ connected: true, problem: null });
    } finally {
      await live.stop();
    }
  });

  it('shares a new local case with the team at once, without waiting for the round tick', async () => {
    const liveOf = (desk: Desk, onApplied?: (ids: string[]) => void) =>
      createTeamSession({
        db: desk.core.db,
        workspaceId: desk.ws.id,
        password: () => Promise.resolve(DESK_PASSWORD),
        env: {},
        now: () => Date.now(),
        // Never fired: the 30 s round tick cannot be what brings the case.
        timers: manualTimers().timers,
        logger: silentLogger,
        live: true,
        ...(onApplied ? { onApplied } : {}),
      });
    let heard: (ids: string[]) => void = () => undefined;
    const anaLive = liveOf(ana);
    const benLive = liveOf(ben, (ids) => heard(ids));
    try {
      await anaLive.sync();
      await benLive.sync();
      const created = await ana.core.services.cases.create(PERSON);
      const arrived = new Promise<void>((resolve) => {
        heard = (ids) => {
          if (ids.includes(created.id)) resolve();
        };
      });
      anaLive.share();
      await arrived;
      expect(ben.core.services.cases.get(created.id).externalRef).toBe(created.externalRef);
    } finally {
      await anaLive.stop();
      await benLive.stop();
    }
  });

  it('a desk killed while pushing loses nothing: the retry finds its decision by client id', async () => {
    const created = await ana.core.services.cases.create(PERSON);
    await ana.core.services.team.sync();
    ana.core.services.review.decide({
      caseId: created.id,
      decision: 'reject',
      reasonCode: 'customer_withdrew',
      note: 'killed mid-push',
      overriddenFlags: [],
    });
    expect(ana.core.services.team.status().pendingPushes).toBe(1);
    const dataDir = ana.dataDir;
    await ana.closeCore();

    // The owner holds the case row, so the child's decide() blocks inside the team database.
    const blocker = new Client({ connectionString: team.cluster.url(undefined, undefined, team.database) });
    const watcher = new Client({ connectionString: team.cluster.url(undefined, undefined, team.database) });
    await blocker.connect();
    await watcher.connect();
    try {
      await blocker.query('BEGIN');
      await blocker.query('SELECT 1 FROM kyc_team.cases WHERE id = $1 FOR UPDATE', [created.id]);
      const child = spawn(process.execPath, ['--import', 'tsx', CHILD], {
        env: { ...process.env, TEAM_CHILD_DATA_DIR: dataDir, TEAM_CHILD_KEYCHAIN: ana.keychain.service },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let out = '';
      child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      // Wait for the event (the child's statement waiting on the lock), not for a duration.
      for (;;) {
        const waiting = await watcher.query(
          "SELECT 1 FROM pg_stat_activity WHERE usename = 'ana' AND wait_event_type = 'Lock'",
        );
        if (waiting.rowCount) break;
        if (child.exitCode !== null) throw new Error(`child exited early: ${out}`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      child.kill('SIGKILL');
      await exited;
      expect(out).toBe('ready\n');
      // The server finishes the statement the dead desk started: the team has the decision, the
      // desk's outbox does not know it.
      await blocker.query('COMMIT');
    } finally {
      await blocker.end();
    }

    const reopened = await testCore(dataDir, ana.keychain.store, { team: { env: {}, home: dataDir } });
    try {
      await reopened.start({ polling: false });
      expect(reopened.services.team.status().pendingPushes).toBe(1);
      await reopened.services.team.sync();
      expect(reopened.services.team.status().pendingPushes).toBe(0);
      const rows = await watcher.query<{ n: string }>(
        "SELECT count(*) AS n FROM kyc_team.decisions WHERE case_id = $1 AND note = 'killed mid-push'",
        [created.id],
      );
      expect(rows.rows[0]?.n).toBe('1');
      expect(reopened.services.team.caseView(created.id)?.state).toBe('final');
      expect((await reopened.services.audit.verify()).ok).toBe(true);
      expect((await reopened.services.team.crossCheck()).ok).toBe(true);
    } finally {
      await reopened.close();
      await watcher.end();
    }
  });
});
