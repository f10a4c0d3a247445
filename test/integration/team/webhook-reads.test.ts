import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSyncEngine } from '../../../src/main/sync/engine';
import { addRelay } from '../../../src/team-db/admin';
import { hasPostgres } from '../../support/pg-cluster';
import { advance, type Harness } from '../simulator/helpers';
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

/** Waits for a condition an event (a NOTIFY, a publish) will make true; the test timeout bounds it. */
async function until(check: () => Promise<boolean>): Promise<void> {
  while (!(await check())) await new Promise((resolve) => setTimeout(resolve, 20));
}

/*
 * What one desk with its polling loop running spends on Ondato while the relay is live: the team's
 * safety net leaves a new case alone, and one webhook costs one read of the resource it names — not a
 * scheduled check started by the webhook's lease plus the refresh queued behind it.
 */
describe.skipIf(!hasPostgres())('webhook reads of a desk that polls', () => {
  let team: TeamFixture;
  let relay: RelayRun;
  let h: Harness;
  let desk: Desk;
  /** The engine's refreshes (what a webhook's read goes through), to wait for their end. */
  const refreshes: Promise<unknown>[] = [];

  beforeAll(async () => {
    team = await startTeamFixture();
    await addRelay(team.owner, 'relay_a', RELAY_PASSWORD);
    relay = await startRelay(team, 'relay_a', BASIC_AUTH);
    h = await simulatorFor(311, {
      url: `${relay.url}/ondato/webhooks`,
      auth: SIM_BASIC,
      events: ['KycIdentification.Approved', 'KycIdentification.Rejected'],
    });
    await addDeskOfficer(team, 'dora');
    desk = await openDesk(team, h.url, 'dora', {
      createEngine: (deps) => {
        const engine = createSyncEngine(deps);
        return {
          ...engine,
          refresh(caseId) {
            const read = engine.refresh(caseId);
            refreshes.push(read.catch(() => undefined));
            return read;
          },
        };
      },
    });
    await team.owner.query(
      `INSERT INTO kyc_team.relays (name, role, last_seen) VALUES ('relay_a', 'relay_a', now())
       ON CONFLICT (name) DO UPDATE SET last_seen = excluded.last_seen`,
    );
    // The app's start: the active workspace's engine runs its loop and the team session is live.
    await desk.core.start();
  }, 60_000);

  afterAll(async () => {
    await desk?.close();
    await relay?.close();
    await h?.stop();
    await team?.close();
  });

  /** Reads of a case's IDV or KYC (this file's only case with a KYC). */
  const reads = (): number =>
    h.sim.control.requests().filter((r) => r.route === 'idv.get' || r.route === 'kyc.get').length;
  const teamRow = async (id: string): Promise<{ kyc_status: string | null; lease_holder: string | null }> => {
    const rows = await team.owner.query<{ kyc_status: string | null; lease_holder: string | null }>(
      `SELECT c.kyc_status, s.lease_holder FROM kyc_team.cases c JOIN kyc_team.poll_schedule s ON s.case_id = c.id
        WHERE c.id = $1`,
      [id],
    );
    return rows.rows[0] ?? { kyc_status: null, lease_holder: null };
  };

  it('leaves a just-created case to the webhooks and reads it once per event', async () => {
    const created = await desk.core.services.cases.create(PERSON);
    const id = created.id;
    const status = await desk.core.services.team.sync({ claim: true });
    expect(status.relay?.state).toBe('live');
    // Registered, and not claimed by the safety net: nobody will poll it while webhooks flow.
    expect(await teamRow(id)).toEqual({ kyc_status: null, lease_holder: null });

    const before = reads();
    await advance(h, id, 'decide');
    await settle(h);
    // The webhook's read is done (the refresh settles after any read it queued behind).
    await until(async () => {
      await Promise.all(refreshes);
      return (await teamRow(id)).kyc_status !== null && refreshes.length > 0;
    });
    await Promise.all(refreshes);
    expect(['Approved', 'Rejected']).toContain(desk.core.services.cases.get(id).kycStatus);
    // One read for the one event: Ondato's decision names the KYC, which this desk has not seen yet,
    // so the IDV (to learn the KYC's id) and the KYC. Without the fix: a scheduled check as well.
    expect(reads() - before).toBe(2);
  });
});
