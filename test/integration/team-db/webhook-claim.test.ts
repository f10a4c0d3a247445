import type { Client } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEAM_MIGRATIONS } from '../../../src/team-db/migrations';
import { hasPostgres } from '../../support/pg-cluster';
import { startTeamFixture, type TeamFixture } from './support';

const CASE = '0c1f7e55-2f6c-4a43-9d59-2c8c1a4b0001';
const OTHER = '0c1f7e55-2f6c-4a43-9d59-2c8c1a4b0002';
const NEW = '0c1f7e55-2f6c-4a43-9d59-2c8c1a4b0003';
const LATE = '0c1f7e55-2f6c-4a43-9d59-2c8c1a4b0004';

// Team schema 4 on a fresh database: the lease a webhook hands to one desk, and the quiet claim.
describe.skipIf(!hasPostgres())('team schema 4: webhook claims', () => {
  let team: TeamFixture;
  let alice: Client;
  let bob: Client;

  beforeAll(async () => {
    team = await startTeamFixture();
    await team.officer('alice');
    await team.officer('bob');
    alice = await team.connect('alice');
    bob = await team.connect('bob');
    for (const id of [CASE, OTHER]) {
      await alice.query('SELECT kyc_team.register_case($1, NULL, NULL, NULL)', [id]);
    }
  }, 60_000);
  afterAll(async () => team?.close());

  const claim = async (who: Client, desk: string, id: string, after: Date | string | null): Promise<string> =>
    (
      await who.query<{ a: string }>('SELECT kyc_team.claim_case($1, $2, 60, $3::timestamptz) AS a', [
        desk,
        id,
        after,
      ])
    ).rows[0]!.a;

  it('is version 4 on a fresh database', async () => {
    const meta = await team.owner.query<{ version: number; name: string }>(
      'SELECT version, name FROM public.kyc_team_meta ORDER BY version',
    );
    expect(meta.rows.map((r) => r.version)).toEqual(TEAM_MIGRATIONS.map((m) => m.version));
    expect(meta.rows[3]).toEqual({ version: 4, name: 'webhook-claim' });
  });

  it('gives a case to one desk; another is told it is held, then fresh once the result is published', async () => {
    const event = new Date(Date.now() - 60_000);
    expect(await claim(alice, 'desk-a', CASE, event)).toBe('claimed');
    expect(await claim(bob, 'desk-b', CASE, event)).toBe('held');
    expect(await claim(alice, 'desk-a', CASE, event)).toBe('claimed'); // its own lease, renewed
    await alice.query(
      `SELECT kyc_team.publish_result($1, '{"status":"Completed"}', 'Completed', now(), NULL, NULL, NULL, NULL, NULL, 'desk-a')`,
      [CASE],
    );
    expect(await claim(bob, 'desk-b', CASE, event)).toBe('fresh');
    expect(await claim(bob, 'desk-b', 'no-such-case', event)).toBe('unknown');
  });

  it('claims only due cases nobody polled for the quiet period', async () => {
    await team.owner.query(
      "UPDATE kyc_team.poll_schedule SET next_due = now() - interval '1 second', lease_holder = NULL, lease_expires = NULL, last_polled = now() - interval '1 minute'",
    );
    await team.owner.query(
      "UPDATE kyc_team.poll_schedule SET last_polled = now() - interval '1 hour' WHERE case_id = $1",
      [OTHER],
    );
    const quiet = await bob.query<{ id: string }>(
      'SELECT kyc_team.claim_quiet_polls($1, 10, 60, 600) AS id',
      ['desk-b'],
    );
    expect(quiet.rows.map((r) => r.id)).toEqual([OTHER]);
    const normal = await alice.query<{ id: string }>('SELECT kyc_team.claim_polls($1, 10, 60) AS id', [
      'desk-a',
    ]);
    expect(normal.rows.map((r) => r.id)).toEqual([CASE]);
  });

  // Schema 5: without it a just-registered case was polled at once although webhooks report its changes.
  it('counts a case nobody polled yet as quiet since its registration', async () => {
    await team.owner.query(
      'UPDATE kyc_team.poll_schedule SET last_polled = now(), lease_holder = NULL, lease_expires = NULL',
    );
    await alice.query('SELECT kyc_team.register_case($1, NULL, NULL, NULL)', [NEW]);
    await team.owner.query("UPDATE kyc_team.poll_schedule SET next_due = now() - interval '1 second'");
    const quietFor = async (seconds: number): Promise<string[]> =>
      (
        await bob.query<{ id: string }>('SELECT kyc_team.claim_quiet_polls($1, 10, 60, $2) AS id', [
          'desk-b',
          seconds,
        ])
      ).rows.map((r) => r.id);
    expect(await quietFor(600)).toEqual([]);
    await team.owner.query("UPDATE kyc_team.cases SET created_at = now() - interval '1 hour' WHERE id = $1", [
      NEW,
    ]);
    expect(await quietFor(600)).toEqual([NEW]);
  });

  // Schema 6: 'fresh' means the published read began after the event, not merely that it was
  // published after it — a read answered before the event and published after it hid the change.
  it('is fresh only when the published read was taken under a claim made after the event', async () => {
    await alice.query('SELECT kyc_team.register_case($1, NULL, NULL, NULL)', [LATE]);
    const publish = (who: Client, desk: string): Promise<unknown> =>
      who.query(
        `SELECT kyc_team.publish_result($1, '{"status":"InProgress"}', 'InProgress', now(), NULL, NULL, NULL, NULL, NULL, $2)`,
        [LATE, desk],
      );
    // The database's clock to the microsecond, as a desk passes an event's arrival (a JS Date would
    // drop the microseconds).
    const dbNow = async (): Promise<string> =>
      (
        await team.owner.query<{ t: string }>(
          `SELECT to_char(clock_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS t`,
        )
      ).rows[0]!.t;

    expect(await claim(alice, 'desk-a', LATE, null)).toBe('claimed');
    const first = await dbNow(); // arrives while alice's read, begun under that lease, is out
    await publish(alice, 'desk-a');
    expect(await claim(bob, 'desk-b', LATE, first)).toBe('claimed');
    await publish(bob, 'desk-b');
    // Bob's read began after the event: a desk that hears of it later has nothing to read.
    expect(await claim(alice, 'desk-a', LATE, first)).toBe('fresh');

    // A holder that claims its own lease again for a newer event reads after that claim.
    expect(await claim(bob, 'desk-b', LATE, null)).toBe('claimed');
    const second = await dbNow();
    expect(await claim(bob, 'desk-b', LATE, second)).toBe('claimed');
    await publish(bob, 'desk-b');
    expect(await claim(alice, 'desk-a', LATE, second)).toBe('fresh');
  });
});
