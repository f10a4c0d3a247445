import { randomUUID } from 'node:crypto';
import type { Client } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setFourEyesPolicy } from '../../../src/team-db/admin';
import { describeStatementError } from '../../../src/team-db/errors';
import { checkTeamSchema, migrateTeamDatabase } from '../../../src/team-db/migrate';
import { TEAM_SCHEMA_VERSION } from '../../../src/team-db/migrations';
import { hasPostgres } from '../../support/pg-cluster';
import { startTeamFixture, type TeamFixture } from './support';

// Four eyes, append-only records and the audit chain are enforced by PostgreSQL itself: these tests
// talk to it as a hand-written SQL client would, logged in as the team's officers.
describe.skipIf(!hasPostgres())('team database rules', () => {
  let team: TeamFixture;
  let alice: Client; // officer
  let bob: Client; // officer
  let sam: Client; // supervisor

  beforeAll(async () => {
    team = await startTeamFixture();
    await team.officer('alice');
    await team.officer('bob');
    await team.officer('sam', { supervisor: true });
    await team.officer('sue', { supervisor: true });
    alice = await team.connect('alice');
    bob = await team.connect('bob');
    sam = await team.connect('sam');
  });
  afterAll(async () => {
    await team?.close();
  });

  async function newCase(client: Client): Promise<string> {
    const id = randomUUID();
    await client.query('SELECT kyc_team.register_case($1, $2, $3, $4)', [
      id,
      'setup-1',
      'REF-1',
      { firstName: 'Šimkutė' },
    ]);
    return id;
  }

  async function decide(
    client: Client,
    caseId: string,
    outcome: string,
    basedOn: number | null = null,
  ): Promise<{ decision_id: string; state: string; conflicts_with: string | null }> {
    const result = await client.query('SELECT * FROM kyc_team.decide($1, $2, $3, $4, $5, $6, $7, $8)', [
      randomUUID(),
      caseId,
      outcome,
      'doc-ok',
      'checked',
      '[]',
      new Date(),
      basedOn,
    ]);
    return result.rows[0];
  }

  it('migrates once, and a desk refuses a schema newer than it knows', async () => {
    expect(await migrateTeamDatabase(team.owner)).toEqual([]);
    expect(await checkTeamSchema(alice)).toBe(TEAM_SCHEMA_VERSION);
    await team.owner.query('BEGIN');
    try {
      await team.owner.query("INSERT INTO public.kyc_team_meta (version, name) VALUES (999, 'future')");
      await expect(checkTeamSchema(team.owner)).rejects.toMatchObject({ code: 'team_schema_too_new' });
      await expect(migrateTeamDatabase(team.owner)).rejects.toBeTruthy();
    } finally {
      await team.owner.query('ROLLBACK').catch(() => undefined);
    }
  });

  it('upgrades a version-1 database forward, keeping its records', async () => {
    const { Client: PgClient } = await import('pg');
    const admin = new PgClient({ connectionString: team.cluster.url() });
    await admin.connect();
    await admin.query('CREATE DATABASE upgrade_me');
    await admin.end();
    const owner = new PgClient({ connectionString: team.cluster.url(undefined, undefined, 'upgrade_me') });
    await owner.connect();
    try {
      const { TEAM_MIGRATIONS } = await import('../../../src/team-db/migrations');
      // Version 1 exactly as it was released, applied by hand.
      await owner.query(
        'CREATE TABLE kyc_team_meta (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now(), applied_by name NOT NULL DEFAULT session_user)',
      );
      await owner.query(TEAM_MIGRATIONS[0]!.sql);
      await owner.query("INSERT INTO kyc_team_meta (version, name) VALUES (1, 'initial')");
      await owner.query("INSERT INTO kyc_team.officers (role, display_name) VALUES ('kyc_owner', 'Owner')");
      await owner.query(
        "SELECT kyc_team.register_case('00000000-0000-0000-0000-000000000001', NULL, 'KEEP', NULL)",
      );
      expect(await migrateTeamDatabase(owner)).toEqual(TEAM_MIGRATIONS.slice(1).map((m) => m.version));
      const kept = await owner.query('SELECT external_ref FROM kyc_team.cases');
      expect(kept.rows).toEqual([{ external_ref: 'KEEP' }]);
      expect((await owner.query('SELECT * FROM kyc_team.verify_audit()')).rows[0].broken_at).toBeNull();
    } finally {
      await owner.end();
    }
  });

  it('records who decided from the login role, whatever the client says or SET ROLE does', async () => {
    const caseId = await newCase(alice);
    await alice.query('SET ROLE kyc_desk_officer');
    try {
      await decide(alice, caseId, 'accept');
    } finally {
      await alice.query('RESET ROLE');
    }
    const row = await team.owner.query('SELECT officer FROM kyc_team.decisions WHERE case_id = $1', [caseId]);
    expect(row.rows).toEqual([{ officer: 'alice' }]);
  });

  it('refuses direct writes: no UPDATE, DELETE or INSERT on records for an officer', async () => {
    const caseId = await newCase(alice);
    const { decision_id } = await decide(alice, caseId, 'accept');
    for (const statement of [
      ["UPDATE kyc_team.decisions SET outcome = 'reject' WHERE id = $1", [decision_id]],
      ['DELETE FROM kyc_team.decisions WHERE id = $1', [decision_id]],
      ['DELETE FROM kyc_team.audit WHERE seq > 0', []],
      ["UPDATE kyc_team.audit SET action = 'x'", []],
      ["UPDATE kyc_team.cases SET external_ref = 'x' WHERE id = $1", [caseId]],
      [
        `INSERT INTO kyc_team.decisions (client_id, case_id, outcome, reason_code, officer, decided_at, needs_approval)
         VALUES (gen_random_uuid(), $1, 'accept', 'x', 'bob', now(), false)`,
        [caseId],
      ],
      [
        "INSERT INTO kyc_team.approvals (decision_id, verdict, proposer, approver) VALUES ($1, 'approved', 'x', 'alice')",
        [decision_id],
      ],
      ["UPDATE kyc_team.settings SET four_eyes = 'none'", []],
    ] as const) {
      await expect(alice.query(statement[0], [...statement[1]]), statement[0]).rejects.toMatchObject({
        code: '42501',
      });
    }
  });

  it('keeps decisions and the trail append-only even for the schema owner', async () => {
    await expect(team.owner.query("UPDATE kyc_team.decisions SET note = 'edited'")).rejects.toThrow(
      /append-only/,
    );
    await expect(team.owner.query('DELETE FROM kyc_team.audit')).rejects.toThrow(/append-only/);
    await expect(team.owner.query('TRUNCATE kyc_team.decisions CASCADE')).rejects.toThrow(/append-only/);
  });

  it('four eyes: a reject stays proposed until a different supervisor approves it', async () => {
    await setFourEyesPolicy(team.owner, 'reject');
    try {
      const caseId = await newCase(sam);
      const proposal = await decide(sam, caseId, 'reject');
      expect(proposal.state).toBe('proposed');
      // The proposer cannot approve their own decision, through the function…
      const own = sam.query("SELECT kyc_team.review_proposal($1, 'approved', '')", [proposal.decision_id]);
      await expect(own).rejects.toMatchObject({ code: '23514' });
      await own.catch((error) => expect(describeStatementError(error).code).toBe('team_four_eyes'));
      // …an officer cannot approve at all…
      await expect(
        bob.query("SELECT kyc_team.review_proposal($1, 'approved', '')", [proposal.decision_id]),
      ).rejects.toMatchObject({ code: '42501' });
      // …and not even the owner can insert an approval by the proposer: the constraint holds.
      await expect(
        team.owner.query(
          "INSERT INTO kyc_team.approvals (decision_id, verdict, proposer, approver) VALUES ($1, 'approved', 'nobody', 'sam')",
          [proposal.decision_id],
        ),
      ).rejects.toMatchObject({ code: '23514' });
      const sue = await team.connect('sue');
      await sue.query("SELECT kyc_team.review_proposal($1, 'approved', 'agreed')", [proposal.decision_id]);
      const approval = await team.owner.query(
        'SELECT proposer, approver, verdict FROM kyc_team.approvals WHERE decision_id = $1',
        [proposal.decision_id],
      );
      expect(approval.rows).toEqual([{ proposer: 'sam', approver: 'sue', verdict: 'approved' }]);
      // An accept needs no approval under the "reject" policy.
      expect((await decide(alice, await newCase(alice), 'accept')).state).toBe('final');
    } finally {
      await setFourEyesPolicy(team.owner, 'none');
    }
  });

  it('keeps both of two concurrent decisions and marks the later one as a conflict', async () => {
    const caseId = await newCase(alice);
    const first = await decide(alice, caseId, 'accept', null);
    const second = await decide(bob, caseId, 'reject', null);
    expect(first.conflicts_with).toBeNull();
    expect(second.conflicts_with).toBe(first.decision_id);
    const resolved = await decide(alice, caseId, 'reject', Number(second.decision_id));
    expect(resolved.conflicts_with).toBeNull();
    const rows = await team.owner.query(
      'SELECT count(*)::int AS n FROM kyc_team.decisions WHERE case_id = $1',
      [caseId],
    );
    expect(rows.rows[0].n).toBe(3);
  });

  it('a pushed decision retried with the same client id is recorded once', async () => {
    const caseId = await newCase(alice);
    const clientId = randomUUID();
    const args = [clientId, caseId, 'accept', 'doc-ok', '', '[]', new Date(), null];
    const a = await alice.query('SELECT * FROM kyc_team.decide($1, $2, $3, $4, $5, $6, $7, $8)', args);
    const b = await alice.query('SELECT * FROM kyc_team.decide($1, $2, $3, $4, $5, $6, $7, $8)', args);
    expect(b.rows[0].decision_id).toBe(a.rows[0].decision_id);
    await expect(
      bob.query('SELECT * FROM kyc_team.decide($1, $2, $3, $4, $5, $6, $7, $8)', args),
    ).rejects.toMatchObject({
      code: '23505',
    });
  });

  it('chains the audit trail inside the database, and reports an edit made behind its back', async () => {
    const intact = await alice.query('SELECT * FROM kyc_team.verify_audit()');
    expect(intact.rows[0].broken_at).toBeNull();
    expect(Number(intact.rows[0].head_seq)).toBeGreaterThan(5);
    // Only someone who can drop triggers (the owner) can edit; the chain still shows it.
    await team.owner.query('BEGIN');
    try {
      await team.owner.query('ALTER TABLE kyc_team.audit DISABLE TRIGGER audit_append_only');
      await team.owner.query("UPDATE kyc_team.audit SET details = '{}' WHERE seq = 3");
      const broken = await team.owner.query('SELECT * FROM kyc_team.verify_audit()');
      expect(Number(broken.rows[0].broken_at)).toBe(3);
    } finally {
      await team.owner.query('ROLLBACK');
    }
  });

  it('hands each due case to one desk at a time, and to another once the lease expires', async () => {
    await team.owner.query("UPDATE kyc_team.poll_schedule SET next_due = now() + interval '1 day'");
    const ids = [await newCase(alice), await newCase(alice), await newCase(alice), await newCase(alice)];
    const [a, b] = await Promise.all([
      alice.query("SELECT kyc_team.claim_polls('desk-a', 3, 60) AS id"),
      bob.query("SELECT kyc_team.claim_polls('desk-b', 3, 60) AS id"),
    ]);
    const claimedA = a.rows.map((r) => r.id);
    const claimedB = b.rows.map((r) => r.id);
    expect(claimedA.filter((id) => claimedB.includes(id))).toEqual([]);
    expect([...claimedA, ...claimedB].sort()).toEqual([...ids].sort());
    // desk-a dies: its leases lapse (moved into the past here rather than waiting) and desk-b takes over.
    await team.owner.query(
      "UPDATE kyc_team.poll_schedule SET lease_expires = now() - interval '1 second' WHERE lease_holder = 'desk-a'",
    );
    const again = await bob.query("SELECT kyc_team.claim_polls('desk-b', 10, 60) AS id");
    expect(again.rows.map((r) => r.id).sort()).toEqual([...claimedA].sort());
  });

  it('never lets an older poll result overwrite a newer one', async () => {
    const caseId = await newCase(alice);
    const publish = (
      client: Client,
      status: string,
      modified: string,
    ): Promise<{ rows: { publish_result: boolean }[] }> =>
      client.query('SELECT kyc_team.publish_result($1, $2, $3, $4, NULL, NULL, NULL, NULL, NULL, $5)', [
        caseId,
        { id: caseId, status },
        status,
        modified,
        'desk',
      ]);
    expect((await publish(alice, 'Completed', '2026-01-02T00:00:00Z')).rows[0].publish_result).toBe(true);
    expect((await publish(bob, 'InProgress', '2026-01-01T00:00:00Z')).rows[0].publish_result).toBe(false);
    const row = await alice.query('SELECT idv_status FROM kyc_team.cases WHERE id = $1', [caseId]);
    expect(row.rows[0].idv_status).toBe('Completed');
  });

  it('a disabled officer can no longer decide', async () => {
    await team.officer('carol');
    const carol = await team.connect('carol');
    const caseId = await newCase(alice);
    const { disableOfficer } = await import('../../../src/team-db/admin');
    await disableOfficer(team.owner, 'carol');
    await expect(decide(carol, caseId, 'accept')).rejects.toMatchObject({ code: '42501' });
  });
});
