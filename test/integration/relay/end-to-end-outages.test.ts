import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../src/cli/main';
import { addRelay } from '../../../src/team-db/admin';
import { hasPostgres } from '../../support/pg-cluster';
import { advance, HOUR, MINUTE, SECOND, type Harness } from '../simulator/helpers';
import { startTeamFixture, type TeamFixture } from '../team-db/support';
import {
  BASIC_AUTH,
  deliver,
  deliveries,
  HOOK_PASSWORD,
  HOOK_USER,
  RELAY_PASSWORD,
  settle,
  SIM_BASIC,
  simulatorFor,
  startRelay,
  storedFor,
  type DeliveryView,
  type RelayRun,
} from './e2e-support';

/** Ondato's documented schedule: the delay before retry n. */
const SCHEDULE = [
  10 * SECOND,
  30 * SECOND,
  MINUTE,
  5 * MINUTE,
  10 * MINUTE,
  30 * MINUTE,
  HOUR,
  3 * HOUR,
  6 * HOUR,
  12 * HOUR,
];

interface CliRelay {
  url: string;
  port: number;
  log: string[];
  stop(): Promise<void>;
}

/** `kyc-desk relay` as a team runs it (flags and environment), until interrupted. */
async function cliRelay(team: TeamFixture, port: number): Promise<CliRelay> {
  const out: string[] = [];
  const log: string[] = [];
  let interrupt = (): void => undefined;
  const interrupted = new Promise<void>((resolve) => (interrupt = resolve));
  const database = `postgres://relay_a@127.0.0.1:${team.cluster.port}/${team.database}`;
  const running = runCli(
    {
      out: (line) => out.push(line),
      err: (line) => log.push(line),
      env: {
        PGPASSWORD: RELAY_PASSWORD,
        KYC_DESK_RELAY_USERNAME: HOOK_USER,
        KYC_DESK_RELAY_PASSWORD: HOOK_PASSWORD,
        HOME: '/nonexistent',
      },
      interrupted,
      cwd: process.cwd(),
    },
    ['relay', '--port', String(port), '--database', database, '--json', '--name', 'relay-cli'],
  );
  // The address is printed once the server listens (or the command ends with an error).
  let ended: number | undefined;
  void running.then((code) => (ended = code));
  while (out.length === 0 && ended === undefined) await new Promise((resolve) => setImmediate(resolve));
  if (out.length === 0) throw new Error(`relay did not start (${ended}): ${log.join('\n')}`);
  const { url } = JSON.parse(out.join('\n')) as { url: string };
  return {
    url,
    port: Number(new URL(url).port),
    log,
    async stop() {
      interrupt();
      if ((await running) !== 0) throw new Error(`relay ended badly: ${log.join('\n')}`);
    },
  };
}

const statusesOf = (log: string[]): number[] =>
  log
    .filter((line) => line.includes('"/ondato/webhooks"'))
    .map((line) => (JSON.parse(line.slice(line.indexOf('{'))) as { status: number }).status);

describe.skipIf(!hasPostgres())('webhooks end to end: outages and refusals', () => {
  let team: TeamFixture;
  const cleanup: Array<() => Promise<void>> = [];

  beforeAll(async () => {
    team = await startTeamFixture();
    await addRelay(team.owner, 'relay_a', RELAY_PASSWORD);
  });
  afterEach(async () => {
    for (const stop of cleanup.splice(0).reverse()) await stop();
  });
  afterAll(async () => team?.close());

  async function relay(auth = BASIC_AUTH): Promise<RelayRun> {
    const run = await startRelay(team, 'relay_a', auth);
    cleanup.push(() => run.close());
    return run;
  }
  async function sim(seed: number, subscription: Record<string, unknown>): Promise<Harness> {
    const h = await simulatorFor(seed, subscription);
    cleanup.push(() => h.stop());
    return h;
  }
  const pendingOf = (list: DeliveryView[], type: string): DeliveryView | undefined =>
    list.find((d) => d.type === type);

  it('a relay restart: deliveries during the downtime are retried and land after it', async () => {
    const first = await cliRelay(team, 0);
    const h = await sim(201, { url: `${first.url}/ondato/webhooks`, auth: SIM_BASIC });
    const id = await h.createIdv();
    await advance(h, id, 'open');
    await settle(h);
    expect(await storedFor(team, id)).toHaveLength(2);

    await first.stop();
    h.clock.advance(MINUTE);
    await advance(h, id, 'kyc-start');
    await deliver(h);
    const refused = pendingOf(await deliveries(h), 'KycIdentification.Created');
    expect(refused).toMatchObject({ isDelivered: false, pending: true, attempts: 1, lastStatus: 0 });

    const second = await cliRelay(team, first.port);
    cleanup.push(() => second.stop());
    const after = await settle(h);
    expect(pendingOf(after, 'KycIdentification.Created')).toMatchObject({
      isDelivered: true,
      lastStatus: 200,
      attempts: 2,
    });
    expect((await storedFor(team, id)).map((e) => e.type)).toEqual([
      'IdentityVerification.StatusChanged',
      'IdentityVerification.Consented',
      'KycIdentification.Created',
    ]);
    expect(statusesOf(second.log)).toEqual([200]);
  });

  it('a database restart: the relay answers 503, and the next retry lands', async () => {
    const r = await relay();
    const h = await sim(202, { url: `${r.url}/ondato/webhooks`, auth: SIM_BASIC });
    const id = await h.createIdv();
    await advance(h, id, 'open');
    await settle(h);

    team.cluster.stop();
    try {
      h.clock.advance(MINUTE);
      await advance(h, id, 'kyc-start');
      await deliver(h);
      expect(pendingOf(await deliveries(h), 'KycIdentification.Created')).toMatchObject({
        isDelivered: false,
        pending: true,
        lastStatus: 503,
      });
    } finally {
      team.cluster.start();
    }
    const after = await settle(h);
    expect(pendingOf(after, 'KycIdentification.Created')).toMatchObject({
      isDelivered: true,
      lastStatus: 200,
    });
    expect((await storedFor(team, id)).map((e) => e.type)).toEqual([
      'IdentityVerification.StatusChanged',
      'IdentityVerification.Consented',
      'KycIdentification.Created',
    ]);
    const hooks = r.answers.filter((a) => a.path === '/ondato/webhooks').map((a) => a.status);
    expect(hooks.slice(0, 2)).toEqual([200, 200]);
    expect(hooks.slice(2, -1).every((s) => s === 503)).toBe(true);
    expect(hooks.at(-1)).toBe(200);
  });

  it("wrong credentials: 401 on every attempt of Ondato's schedule, never stored", async () => {
    const r = await relay();
    const h = await sim(203, {
      url: `${r.url}/ondato/webhooks`,
      auth: { ...SIM_BASIC, password: 'not-the-password' },
      events: ['IdentityVerification.Consented'],
    });
    const id = await h.createIdv();
    await advance(h, id, 'open');
    // Step the simulator's clock exactly to each attempt the schedule asks for.
    const times: number[] = [];
    for (let n = 0; n < 40; n++) {
      times.push(h.clock.now());
      await deliver(h);
      const next = (await deliveries(h))[0]?.nextAttemptUtc ?? null;
      if (next === null) break;
      h.clock.set(Date.parse(next));
    }

    const gaps = times.slice(1).map((t, i) => t - (times[i] ?? 0));
    expect(gaps).toHaveLength(SCHEDULE.length);
    gaps.forEach((gap, i) => {
      const base = SCHEDULE[i] ?? 0;
      expect(gap).toBeGreaterThanOrEqual(base * 0.9);
      expect(gap).toBeLessThanOrEqual(base * 1.1);
    });
    // Jittered, not exact.
    expect(gaps.some((gap, i) => gap !== SCHEDULE[i])).toBe(true);
    // The next 12-hourly retry would fall past 24 h after the first attempt: the simulator gave up.
    expect((times.at(-1) ?? 0) - (times[0] ?? 0)).toBeLessThan(24 * HOUR);
    expect(await deliveries(h)).toEqual([
      expect.objectContaining({ attempts: 11, isDelivered: false, pending: false, lastStatus: 401 }),
    ]);
    const hooks = r.answers.filter((a) => a.path === '/ondato/webhooks');
    expect(hooks.map((a) => a.status)).toEqual(times.map(() => 401));
    expect(await storedFor(team, id)).toEqual([]);
    const records = await h.json<Array<{ isDelivered: boolean }>>(
      'GET',
      `/v1/identity-verifications/${id}/webhooks`,
    );
    expect(records.map((x) => x.isDelivered)).toEqual([false]);
  });

  it('a wrong OAuth2 client secret gets no token, so no delivery is ever stored', async () => {
    const r = await relay({ mode: 'oauth2', clientId: 'ondato-client', clientSecret: 'right-secret-123' });
    const h = await sim(204, {
      url: `${r.url}/ondato/webhooks`,
      auth: {
        kind: 'oauth2',
        tokenUrl: `${r.url}/oauth/token`,
        clientId: 'ondato-client',
        clientSecret: 'wrong-secret-456',
      },
      events: ['IdentityVerification.Consented'],
    });
    const id = await h.createIdv();
    await advance(h, id, 'open');
    const after = await settle(h);

    expect(after).toEqual([expect.objectContaining({ attempts: 11, isDelivered: false, pending: false })]);
    expect(r.answers.map((a) => `${a.path} ${a.status}`)).toEqual(
      Array.from({ length: 11 }, () => '/oauth/token 401'),
    );
    expect(await storedFor(team, id)).toEqual([]);
  });
});
