import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../../../src/simulator';
import { hasPostgres } from '../../support/pg-cluster';
import { PERSON } from '../services/support';
import { startTeamFixture, type TeamFixture } from '../team-db/support';
import { addDeskOfficer, openDesk, type Desk } from './desk-support';

// One Ondato poll per case for the whole team: leases in the team database decide which desk polls.
describe.skipIf(!hasPostgres())('poll leases between desks', () => {
  let team: TeamFixture;
  let sim: Simulator;
  let ana: Desk;
  let ben: Desk;

  beforeAll(async () => {
    team = await startTeamFixture();
    sim = await startSimulator({ port: 0, seed: 14 });
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

  const idvRequests = (id: string): number =>
    sim.control.requests().filter((r) => r.path.includes(id)).length;

  it('only the lease holder polls; when it dies, its lease lapses and another desk takes the case over', async () => {
    const created = await ana.core.services.cases.create(PERSON);
    await ana.core.services.team.sync();
    await ben.core.services.team.sync();
    expect(ben.core.services.cases.get(created.id).id).toBe(created.id);

    // Ana's desk claims the due case and then dies before polling or publishing.
    await ana.core.services.team.sync({ claim: true });
    const held = await team.owner.query<{ lease_holder: string | null }>(
      'SELECT lease_holder FROM kyc_team.poll_schedule WHERE case_id = $1',
      [created.id],
    );
    expect(held.rows[0]?.lease_holder).toMatch(/^desk-/);
    await ana.closeCore();

    // Ben's desk may not poll it while Ana's lease runs: no request for the case reaches Ondato.
    const before = idvRequests(created.id);
    await ben.core.services.team.sync({ claim: true });
    const skipped = await ben.core.services.sync.once();
    expect(skipped.checked).toBe(0);
    expect(idvRequests(created.id)).toBe(before);

    // Time passes in the team database: the dead desk's lease expires.
    await team.owner.query(
      "UPDATE kyc_team.poll_schedule SET lease_expires = now() - interval '1 second' WHERE case_id = $1",
      [created.id],
    );
    await ben.core.services.team.sync({ claim: true });
    const taken = await ben.core.services.sync.once();
    expect(taken.checked).toBe(1);
    expect(idvRequests(created.id)).toBeGreaterThan(before);

    // Ben's round publishes the result for the team and gives the lease back.
    await ben.core.services.team.sync();
    const after = await team.owner.query<{ lease_holder: string | null; last_polled: Date | null }>(
      'SELECT lease_holder, last_polled FROM kyc_team.poll_schedule WHERE case_id = $1',
      [created.id],
    );
    expect(after.rows[0]).toMatchObject({ lease_holder: null, last_polled: expect.any(Date) });
  });
});
