import { randomUUID } from 'node:crypto';
import type { Client } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  assignCase,
  caseSnapshots,
  changesSince,
  claimPolls,
  publishResult,
  pushDecision,
  registerCase,
  releaseCase,
  reviewProposal,
  whoAmI,
} from '../../../src/main/team/team-api';
import { setFourEyesPolicy } from '../../../src/team-db/admin';
import { hasPostgres } from '../../support/pg-cluster';
import { startTeamFixture, type TeamFixture } from '../team-db/support';

// Three desks (separate logins) sharing one case book through the desk's own team calls.
describe.skipIf(!hasPostgres())('desk ↔ team database', () => {
  let team: TeamFixture;
  let ana: Client;
  let ben: Client;
  let sid: Client;

  beforeAll(async () => {
    team = await startTeamFixture();
    await team.officer('ana');
    await team.officer('ben');
    await team.officer('sid', { supervisor: true });
    [ana, ben, sid] = await Promise.all([team.connect('ana'), team.connect('ben'), team.connect('sid')]);
  });
  afterAll(async () => team?.close());

  it('knows who the desk is from its login, not from the desk', async () => {
    expect(await whoAmI(ana)).toEqual({ role: 'ana', displayName: 'ana', supervisor: false });
    expect(await whoAmI(sid)).toMatchObject({ supervisor: true });
  });

  it("one desk's case, result and decision reach the others through the change feed", async () => {
    const start = (await changesSince(ben, 0, 10_000)).at(-1)?.seq ?? 0;
    const caseId = randomUUID();
    expect(
      await registerCase(ana, {
        caseId,
        setupId: 's',
        externalRef: 'R-1',
        registration: { lastName: 'Øster' },
      }),
    ).toBe(true);
    expect(await registerCase(ben, { caseId, setupId: 's', externalRef: 'R-1', registration: null })).toBe(
      false,
    );
    await publishResult(ana, 'desk-ana', {
      caseId,
      idv: { id: caseId, status: 'Completed' },
      idvStatus: 'Completed',
      idvModified: new Date('2026-11-30T10:00:00Z'),
      kyc: null,
      kycStatus: null,
      kycModified: null,
      customerFinishedAt: new Date('2026-11-30T10:00:00Z'),
      nextDue: null,
    });
    const decision = await pushDecision(ana, {
      clientId: randomUUID(),
      caseId,
      outcome: 'accept',
      reasonCode: 'identity-verified',
      note: '',
      overriddenFlags: [],
      decidedAt: new Date(),
      basedOn: null,
    });
    expect(decision).toMatchObject({ state: 'final', conflictsWith: null });
    const changes = await changesSince(ben, start, 100);
    expect(changes.map((c) => c.kind)).toEqual(['case', 'result', 'decision']);
    const [snapshot] = await caseSnapshots(ben, [caseId]);
    expect(snapshot).toMatchObject({
      caseId,
      externalRef: 'R-1',
      registration: { lastName: 'Øster' },
      createdBy: 'ana',
      idv: { status: 'Completed' },
    });
    expect(snapshot?.decisions).toEqual([
      expect.objectContaining({ officer: 'ana', outcome: 'accept', verdict: null }),
    ]);
  });

  it('four eyes through the desk calls: proposed, then approved by someone else', async () => {
    await setFourEyesPolicy(team.owner, 'all');
    try {
      const caseId = randomUUID();
      await registerCase(ben, { caseId, setupId: null, externalRef: null, registration: null });
      const proposed = await pushDecision(ben, {
        clientId: randomUUID(),
        caseId,
        outcome: 'reject',
        reasonCode: 'document-forged',
        note: 'hologram missing',
        overriddenFlags: [],
        decidedAt: new Date(),
        basedOn: null,
      });
      expect(proposed.state).toBe('proposed');
      await expect(reviewProposal(ben, proposed.decisionId, 'approved', '')).rejects.toMatchObject({
        code: 'team_forbidden',
      });
      await reviewProposal(sid, proposed.decisionId, 'approved', 'agreed');
      const [snapshot] = await caseSnapshots(ana, [caseId]);
      expect(snapshot?.decisions[0]?.verdict).toMatchObject({
        verdict: 'approved',
        approver: 'sid',
        note: 'agreed',
      });
    } finally {
      await setFourEyesPolicy(team.owner, 'none');
    }
  });

  it('claims, assigns to others only as a supervisor, and releases', async () => {
    const caseId = randomUUID();
    await registerCase(ana, { caseId, setupId: null, externalRef: null, registration: null });
    await assignCase(ana, caseId, null);
    expect((await caseSnapshots(ben, [caseId]))[0]?.assignee).toBe('ana');
    await expect(assignCase(ben, caseId, 'ben')).resolves.toBeUndefined();
    await expect(assignCase(ben, caseId, 'ana')).rejects.toMatchObject({ code: 'team_forbidden' });
    await assignCase(sid, caseId, 'ana');
    await expect(releaseCase(ben, caseId)).rejects.toMatchObject({ code: 'team_forbidden' });
    await releaseCase(ana, caseId);
    expect((await caseSnapshots(ben, [caseId]))[0]?.assignee).toBeNull();
  });

  it('polls each due case from one desk only', async () => {
    await team.owner.query("UPDATE kyc_team.poll_schedule SET next_due = now() + interval '1 day'");
    // One after another: a pg client runs one query at a time (the desks below race on their own clients).
    const ids: string[] = [];
    for (let i = 0; i < 30; i += 1) {
      const caseId = randomUUID();
      await registerCase(ana, { caseId, setupId: null, externalRef: null, registration: null });
      ids.push(caseId);
    }
    const claims = await Promise.all([ana, ben, sid].map((c, i) => claimPolls(c, `desk-${i}`, 15, 60)));
    const all = claims.flat();
    expect(new Set(all).size).toBe(all.length);
    expect(all.sort()).toEqual([...ids].sort());
  });
});
