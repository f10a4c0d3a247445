import { Client } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addRelay } from '../../../src/team-db/admin';
import { migrateTeamDatabase } from '../../../src/team-db/migrate';
import { TEAM_MIGRATIONS, TEAM_SCHEMA_VERSION } from '../../../src/team-db/migrations';
import { hasPostgres } from '../../support/pg-cluster';
import { startTeamFixture, type TeamFixture } from '../team-db/support';
import { RELAY_PASSWORD } from './e2e-support';

const CASE_A = 'aaaaaaaa-0000-4000-8000-000000000001';
const CASE_B = 'bbbbbbbb-0000-4000-8000-000000000002';
const KYC_B = 'bbbbbbbb-1111-4000-8000-00000000000b';
const STRANGER = 'cccccccc-0000-4000-8000-000000000003';

// What a desk reads to react to webhooks (team schema 3), on a real PostgreSQL.
describe.skipIf(!hasPostgres())('team database: webhook events for desks', () => {
  let team: TeamFixture;
  let alice: Client;
  let relay: Client;

  const record = (id: string, type: string, caseId: string | null, kycId: string | null): Promise<unknown> =>
    relay.query('SELECT kyc_team.record_webhook($1, $2, $3, $4, now(), now(), $5)', [
      id,
      type,
      caseId,
      kycId,
      'relay-t',
    ]);

  beforeAll(async () => {
    team = await startTeamFixture();
    await team.officer('alice');
    await addRelay(team.owner, 'relay_t', RELAY_PASSWORD);
    alice = await team.connect('alice');
    relay = new Client({ connectionString: team.cluster.url('relay_t', RELAY_PASSWORD, team.database) });
    await relay.connect();
    for (const id of [CASE_A, CASE_B]) {
      await alice.query('SELECT kyc_team.register_case($1, NULL, NULL, NULL)', [id]);
    }
    // Case B's KYC identification is known to the team from an earlier poll.
    await alice.query(
      `SELECT kyc_team.publish_result($1, NULL, NULL, NULL, $2, 'Awaiting', now(), NULL, NULL, 'desk-1')`,
      [CASE_B, JSON.stringify({ id: KYC_B.toUpperCase(), status: 'Awaiting' })],
    );
  });
  afterAll(async () => {
    await relay?.end();
    await team?.close();
  });

  it('has schema version 3 (webhook-desk) on a fresh database', async () => {
    expect(TEAM_SCHEMA_VERSION).toBeGreaterThanOrEqual(3);
    const meta = await team.owner.query('SELECT version, name FROM public.kyc_team_meta ORDER BY version');
    expect(meta.rows[2]).toEqual({ version: 3, name: 'webhook-desk' });
  });

  it("health says nothing has arrived before the first event and the first relay's heartbeat", async () => {
    const health = await alice.query('SELECT * FROM kyc_team.webhook_health');
    expect(health.rows).toEqual([
      expect.objectContaining({
        last_event_at: null,
        last_heartbeat_at: null,
        seconds_since_event: null,
        seconds_since_heartbeat: null,
        relays_alive: 0,
        events_last_hour: 0,
      }),
    ]);
  });

  it('maps an event to the team case by IDV id, or by KYC id, and leaves out cases the team does not track', async () => {
    await record('ev-idv-a', 'IdentityVerification.StatusChanged', CASE_A, null);
    await record('ev-kyc-b', 'KycIdentification.Approved', STRANGER, KYC_B);
    await record('ev-stranger', 'IdentityVerification.StatusChanged', STRANGER, null);

    const mapped = await alice.query(
      'SELECT event_id, type, case_id, idv_id, kyc_id FROM kyc_team.webhook_case_events ORDER BY event_id',
    );
    expect(mapped.rows).toEqual([
      {
        event_id: 'ev-idv-a',
        type: 'IdentityVerification.StatusChanged',
        case_id: CASE_A,
        idv_id: CASE_A,
        kyc_id: null,
      },
      {
        event_id: 'ev-kyc-b',
        type: 'KycIdentification.Approved',
        case_id: CASE_B,
        idv_id: STRANGER,
        kyc_id: KYC_B,
      },
    ]);
    const call = (c: string | null, k: string | null): Promise<unknown> =>
      alice.query('SELECT kyc_team.webhook_case($1, $2) AS id', [c, k]).then((r) => r.rows[0].id);
    expect(await call(CASE_A.toUpperCase(), null)).toBe(CASE_A);
    expect(await call(null, KYC_B.toUpperCase())).toBe(CASE_B);
    // The IDV id wins over a KYC id that points elsewhere.
    expect(await call(CASE_A, KYC_B)).toBe(CASE_A);
    expect(await call(STRANGER, null)).toBeNull();
    expect(await call(null, null)).toBeNull();
  });

  it('reports the last event and the freshest heartbeat on the database clock', async () => {
    await relay.query("SELECT kyc_team.relay_heartbeat('relay-t')");
    const fresh = (await alice.query('SELECT * FROM kyc_team.webhook_health')).rows[0];
    const newest = await team.owner.query('SELECT max(received_at) AS at FROM kyc_team.webhook_events');
    expect(fresh.last_event_at).toEqual(newest.rows[0].at);
    expect(fresh.relays_alive).toBe(1);
    expect(fresh.events_last_hour).toBe(3);
    expect(fresh.seconds_since_heartbeat).toBeGreaterThanOrEqual(0);
    expect(fresh.seconds_since_event).toBeGreaterThanOrEqual(0);

    // A relay silent for two minutes is no longer alive, and its age says so.
    await team.owner.query("UPDATE kyc_team.relays SET last_seen = now() - interval '2 minutes'");
    const stale = (await alice.query('SELECT * FROM kyc_team.webhook_health')).rows[0];
    expect(stale.relays_alive).toBe(0);
    expect(stale.seconds_since_heartbeat).toBeGreaterThanOrEqual(120);
  });

  it('officers and auditors read it; a relay cannot', async () => {
    await team.owner.query(
      `CREATE ROLE audrey LOGIN PASSWORD 'correct horse battery' IN ROLE kyc_desk_auditor`,
    );
    const audrey = await team.connect('audrey');
    expect(
      (await audrey.query('SELECT count(*)::int AS n FROM kyc_team.webhook_case_events')).rows[0].n,
    ).toBe(2);
    expect((await audrey.query('SELECT relays_alive FROM kyc_team.webhook_health')).rows).toHaveLength(1);
    for (const statement of [
      'SELECT * FROM kyc_team.webhook_case_events',
      'SELECT * FROM kyc_team.webhook_health',
      `SELECT kyc_team.webhook_case('${CASE_A}', NULL)`,
    ]) {
      await expect(relay.query(statement)).rejects.toMatchObject({ code: '42501' });
    }
  });

  it('upgrades a version-2 database with events in it', async () => {
    const admin = new Client({ connectionString: team.cluster.url() });
    await admin.connect();
    await admin.query('CREATE DATABASE upgrade_v2');
    await admin.end();
    const owner = new Client({ connectionString: team.cluster.url(undefined, undefined, 'upgrade_v2') });
    await owner.connect();
    try {
      // Versions 1 and 2 exactly as released, applied by hand.
      await owner.query(
        'CREATE TABLE kyc_team_meta (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now(), applied_by name NOT NULL DEFAULT session_user)',
      );
      for (const m of TEAM_MIGRATIONS.slice(0, 2)) {
        await owner.query(m.sql);
        await owner.query('INSERT INTO kyc_team_meta (version, name) VALUES ($1, $2)', [m.version, m.name]);
      }
      await owner.query("INSERT INTO kyc_team.officers (role, display_name) VALUES ('kyc_owner', 'Owner')");
      await owner.query('SELECT kyc_team.register_case($1, NULL, NULL, NULL)', [CASE_A]);
      await owner.query(
        "INSERT INTO kyc_team.webhook_events (id, type, case_id, relay) VALUES ('old-1', 'IdentityVerification.StatusChanged', $1, 'r')",
        [CASE_A],
      );
      expect(await migrateTeamDatabase(owner)).toEqual(TEAM_MIGRATIONS.slice(2).map((m) => m.version));
      const rows = await owner.query('SELECT event_id, case_id FROM kyc_team.webhook_case_events');
      expect(rows.rows).toEqual([{ event_id: 'old-1', case_id: CASE_A }]);
    } finally {
      await owner.end();
    }
  });
});
