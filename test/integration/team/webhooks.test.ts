import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as casesRepo from '../../../src/main/db/repos/cases';
import { addRelay } from '../../../src/team-db/admin';
import { hasPostgres } from '../../support/pg-cluster';
import { advance, MINUTE, type Harness } from '../simulator/helpers';
import { PERSON } from '../services/support';
import { startTeamFixture, type TeamFixture } from '../team-db/support';
import {
  BASIC_AUTH,
  RELAY_PASSWORD,
  settle,
  SIM_BASIC,
  simulatorFor,
  startRelay,
  type RelayRun,
} from '../relay/e2e-support';
import { addDeskOfficer, openDesk, type Desk } from './desk-support';

/** Waits for a condition that an event (a NOTIFY, a pull) will make true; the test timeout bounds it. */
async function until(check: () => boolean): Promise<void> {
  while (!check()) await new Promise((resolve) => setTimeout(resolve, 20));
}

const SETTLED = ['Approved', 'Rejected'];

// Ondato → simulator's webhooks → relay → team database → LISTENing desks → one read from Ondato.
describe.skipIf(!hasPostgres())('webhooks on the desk', () => {
  let team: TeamFixture;
  let relay: RelayRun;
  let h: Harness;
  let ana: Desk;
  let ben: Desk;

  beforeAll(async () => {
    team = await startTeamFixture();
    await addRelay(team.owner, 'relay_a', RELAY_PASSWORD);
    relay = await startRelay(team, 'relay_a', BASIC_AUTH);
    h = await simulatorFor(301, {
      url: `${relay.url}/ondato/webhooks`,
      auth: SIM_BASIC,
      // One event per case (Ondato's decision), each delivered twice: one read, by one desk.
      events: ['KycIdentification.Approved', 'KycIdentification.Rejected'],
      faults: { duplicate: 1 },
    });
    await addDeskOfficer(team, 'ana');
    await addDeskOfficer(team, 'ben');
    ana = await openDesk(team, h.url, 'ana');
    ben = await openDesk(team, h.url, 'ben');
  }, 60_000);

  afterAll(async () => {
    await ana?.close();
    await ben?.close();
    await relay?.close();
    await h?.stop();
    await team?.close();
  });

  const gets = (id: string): number =>
    h.sim.control.requests().filter((r) => r.method === 'GET' && r.path.includes(id)).length;
  const fetched = (desk: Desk): number => casesRepo.maxFetchSeq(desk.core.db);
  const beat = (ago: string): Promise<unknown> =>
    team.owner.query(
      `INSERT INTO kyc_team.relays (name, role, last_seen) VALUES ('relay_a', 'relay_a', now() - $1::interval)
       ON CONFLICT (name) DO UPDATE SET last_seen = excluded.last_seen`,
      [ago],
    );

  // First: the relay's events of the next test would keep it live for a while.
  it('polls only as a safety net while the relay beats, and at the normal cadence once it is silent, saying so', async () => {
    const created = await ana.core.services.cases.create(PERSON);
    await ana.core.services.team.sync({ claim: false });
    // The case is due in the team schedule and was polled a minute ago.
    await team.owner.query(
      "UPDATE kyc_team.poll_schedule SET next_due = now() - interval '1 second', last_polled = now() - interval '1 minute', lease_holder = NULL, lease_expires = NULL WHERE case_id = $1",
      [created.id],
    );

    await beat('0 seconds');
    const live = await ana.core.services.team.sync({ claim: true });
    expect(live.relay?.state).toBe('live');
    expect(ana.core.services.sync.status().teamRelay?.state).toBe('live');
    expect((await ana.core.services.sync.once()).checked).toBe(0);

    await beat('10 minutes');
    const silent = await ana.core.services.team.sync({ claim: true });
    expect(silent.relay).toMatchObject({ state: 'silent', since: expect.any(Number) });
    expect(ana.core.services.sync.status().teamRelay?.state).toBe('silent');
    expect((await ana.core.services.sync.once()).checked).toBe(1);
  });

  it('an event makes one desk read the case from Ondato; the other sees the result; an unknown case is not read', async () => {
    const created = await ana.core.services.cases.create(PERSON);
    const id = created.id;
    await ana.core.services.team.sync({ claim: false });
    await ben.core.services.team.sync({ claim: false });
    expect(ben.core.services.cases.get(id).id).toBe(id);
    // Live sessions: LISTEN on the changes and on the relay's webhooks. Polling loops stay off, so
    // every read from Ondato below is one a webhook caused.
    await ana.core.services.team.start(true);
    await ben.core.services.team.start(true);
    const stranger = await h.createIdv(); // a verification the team does not track
    const before = { ana: fetched(ana), ben: fetched(ben), gets: gets(id) };

    await advance(h, stranger, 'decide');
    await advance(h, id, 'decide');
    await settle(h);

    await until(() => SETTLED.includes(ben.core.services.cases.get(id).kycStatus ?? ''));
    await until(() => SETTLED.includes(ana.core.services.cases.get(id).kycStatus ?? ''));
    expect(ana.core.services.cases.get(id).kycStatus).toBe(ben.core.services.cases.get(id).kycStatus);
    expect(ben.core.services.cases.get(id).idvStatus).toBe('Completed');

    // Exactly one desk read from Ondato; the other only applied what the team published.
    const readers = [fetched(ana) > before.ana, fetched(ben) > before.ben].filter(Boolean);
    expect(readers).toHaveLength(1);
    expect(gets(id)).toBeGreaterThan(before.gets);
    expect(gets(stranger)).toBe(0);
  });

  it('duplicated and reordered events never move a case backwards', async () => {
    await h.control('DELETE', '/webhooks/subscriptions', {});
    const sub = await h.control('POST', '/webhooks/subscriptions', {
      url: `${relay.url}/ondato/webhooks`,
      auth: SIM_BASIC,
      faults: { duplicate: 1, reorder: true },
    });
    expect(sub.status).toBe(200);
    const created = await ana.core.services.cases.create(PERSON);
    const id = created.id;
    await ana.core.services.team.sync();
    await ben.core.services.team.sync();

    await advance(h, id, 'open');
    h.clock.advance(MINUTE);
    await advance(h, id, 'decide');
    await settle(h); // every event twice, newest first: the oldest (InProgress) arrives last

    await until(() => SETTLED.includes(ben.core.services.cases.get(id).kycStatus ?? ''));
    await until(() => SETTLED.includes(ana.core.services.cases.get(id).kycStatus ?? ''));
    // Late, stale and duplicate events only trigger reads: after another round the case is where it was.
    const settled = ben.core.services.cases.get(id).kycStatus;
    await ana.core.services.team.sync();
    await ben.core.services.team.sync();
    for (const desk of [ana, ben]) {
      expect(desk.core.services.cases.get(id)).toMatchObject({ idvStatus: 'Completed', kycStatus: settled });
    }
    const row = await team.owner.query<{ kyc_status: string; idv_status: string }>(
      'SELECT kyc_status, idv_status FROM kyc_team.cases WHERE id = $1',
      [id],
    );
    expect(row.rows[0]).toEqual({ kyc_status: settled, idv_status: 'Completed' });
  });
});
