import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../../src/main/ipc/handle';
import { setFourEyesPolicy } from '../../../src/team-db/admin';
import { startSimulator, type Simulator } from '../../../src/simulator';
import { hasPostgres } from '../../support/pg-cluster';
import { PERSON } from '../services/support';
import { startTeamFixture, type TeamFixture } from '../team-db/support';
import { addDeskOfficer, openDesk, type Desk } from './desk-support';

// Three desks (separate data dirs, keychains and logins) sharing one team database and one Ondato.
describe.skipIf(!hasPostgres())('desks of a team', () => {
  let team: TeamFixture;
  let sim: Simulator;
  let ana: Desk;
  let ben: Desk;
  let sid: Desk;

  beforeAll(async () => {
    team = await startTeamFixture();
    sim = await startSimulator({ port: 0, seed: 11 });
    await addDeskOfficer(team, 'ana');
    await addDeskOfficer(team, 'ben');
    await addDeskOfficer(team, 'sid', { supervisor: true });
    await addDeskOfficer(team, 'ola');
    ana = await openDesk(team, sim.url, 'ana');
    ben = await openDesk(team, sim.url, 'ben');
    sid = await openDesk(team, sim.url, 'sid');
  }, 60_000);

  afterAll(async () => {
    for (const desk of [ana, ben, sid]) await desk?.close();
    await sim?.stop();
    await team?.close();
  });

  const syncAll = async (): Promise<void> => {
    for (const desk of [ana, ben, sid]) await desk.core.services.team.sync();
  };

  it('each desk knows its officer from the login, and keeps the password in the keychain only', async () => {
    expect(ana.core.services.team.status()).toMatchObject({
      joined: true,
      connected: true,
      officer: 'ana',
      supervisor: false,
      where: `ana@${team.cluster.host}:${team.cluster.port}/${team.database}`,
    });
    expect(sid.core.services.team.status().supervisor).toBe(true);
    expect(await ana.keychain.store.get(`${ana.ws.id}:team-password`)).toBe('desk password, not a secret');
    const links = ana.core.db.prepare('SELECT url FROM team_links').all() as { url: string }[];
    expect(links.map((l) => l.url)).toEqual([ana.url]);
  });

  it("one desk's cases and decisions appear on the other two", async () => {
    const created = await ana.core.services.cases.create(PERSON);
    await ana.core.services.team.sync();
    await ben.core.services.team.sync();
    await sid.core.services.team.sync();
    for (const desk of [ben, sid]) {
      const seen = desk.core.services.cases.get(created.id);
      expect(seen.registration?.lastName).toBe('Petraitienė');
      expect(seen.idvStatus).toBe(ana.core.services.cases.get(created.id).idvStatus);
    }

    ana.core.services.review.decide({
      caseId: created.id,
      decision: 'reject',
      reasonCode: 'customer_withdrew',
      note: '',
      overriddenFlags: [],
    });
    expect(ana.core.services.team.caseView(created.id)?.state).toBe('pending-push');
    await ana.core.services.team.pushSoon();
    expect(ana.core.services.team.caseView(created.id)?.state).toBe('final');
    await ben.core.services.team.sync();
    await sid.core.services.team.sync();
    for (const desk of [ben, sid]) {
      expect(desk.core.services.cases.get(created.id).decision).toBe('reject');
      expect(desk.core.services.team.caseView(created.id)?.decisions).toEqual([
        expect.objectContaining({ outcome: 'reject', officer: 'ana', reasonCode: 'customer_withdrew' }),
      ]);
    }
  });

  it('four eyes: a reject stays proposed until another officer approves it', async () => {
    await setFourEyesPolicy(team.owner, 'reject');
    const created = await ben.core.services.cases.create(PERSON);
    await ben.core.services.team.sync();
    ben.core.services.review.decide({
      caseId: created.id,
      decision: 'reject',
      reasonCode: 'suspected_fraud',
      note: 'Document photo re-used',
      overriddenFlags: [],
    });
    await ben.core.services.team.pushSoon();
    expect(ben.core.services.team.caseView(created.id)?.state).toBe('proposed');
    // Not effective yet: the cache shows no decision until a second officer approves.
    expect(ben.core.services.cases.get(created.id).decision).toBeNull();

    await expect(ben.core.services.team.approve(created.id, '')).rejects.toMatchObject({
      code: 'team_forbidden',
    });
    await sid.core.services.team.sync();
    const queue = sid.core.services.team.queue({ queue: 'approval' });
    expect(queue.map((r) => [r.caseId, r.proposer])).toContainEqual([created.id, 'ben']);
    expect(ben.core.services.team.queue({ queue: 'approval' }).map((r) => r.caseId)).not.toContain(
      created.id,
    );

    const approved = await sid.core.services.team.approve(created.id, 'Agreed');
    expect(approved.state).toBe('approved');
    await ben.core.services.team.sync();
    expect(ben.core.services.team.caseView(created.id)).toMatchObject({
      state: 'approved',
      decisions: [expect.objectContaining({ verdict: 'approved', approver: 'sid' })],
    });
    expect(ben.core.services.cases.get(created.id).decision).toBe('reject');
    await setFourEyesPolicy(team.owner, 'none');
  });

  it('concurrent decisions: both stay recorded and the case shows conflicting decisions until decided again', async () => {
    const created = await ana.core.services.cases.create(PERSON);
    await syncAll();
    // Neither desk has seen the other's decision when deciding.
    ana.core.services.review.decide({
      caseId: created.id,
      decision: 'escalate',
      reasonCode: 'needs_second_opinion',
      note: '',
      overriddenFlags: [],
    });
    ben.core.services.review.decide({
      caseId: created.id,
      decision: 'reject',
      reasonCode: 'data_mismatch',
      note: '',
      overriddenFlags: [],
    });
    await ana.core.services.team.pushSoon();
    await ben.core.services.team.pushSoon();
    await syncAll();
    for (const desk of [ana, ben, sid]) {
      const view = desk.core.services.team.caseView(created.id);
      expect(view?.state).toBe('conflict');
      expect(view?.decisions.map((d) => [d.officer, d.outcome])).toEqual([
        ['ana', 'escalate'],
        ['ben', 'reject'],
      ]);
    }
    // Ana's own decision is still in her chain: nothing was overwritten.
    expect(ana.core.services.review.decisions(created.id).map((d) => d.decision)).toEqual(['escalate']);

    // A decision made having seen both resolves it.
    ana.core.services.review.decide({
      caseId: created.id,
      decision: 'reject',
      reasonCode: 'data_mismatch',
      note: 'Agree with Ben',
      overriddenFlags: [],
    });
    await ana.core.services.team.pushSoon();
    await ben.core.services.team.sync();
    expect(ben.core.services.team.caseView(created.id)?.state).toBe('final');
  });

  it('assignment and the queues', async () => {
    const created = await ana.core.services.cases.create(PERSON);
    await syncAll();
    expect(ben.core.services.team.queue({ queue: 'unassigned' }).map((r) => r.caseId)).toContain(created.id);
    await ben.core.services.team.assign(created.id, null);
    await ana.core.services.team.sync();
    expect(ana.core.services.team.caseView(created.id)?.assignee).toBe('ben');
    expect(ben.core.services.team.queue({ queue: 'mine' }).map((r) => r.caseId)).toContain(created.id);
    expect(ana.core.services.team.queue({ queue: 'unassigned' }).map((r) => r.caseId)).not.toContain(
      created.id,
    );
    // Only a supervisor assigns to someone else, and the database says so.
    await expect(ana.core.services.team.assign(created.id, 'ana')).resolves.toMatchObject({
      assignee: 'ana',
    });
    await expect(ana.core.services.team.assign(created.id, 'ben')).rejects.toMatchObject({
      code: 'team_forbidden',
    });
    await sid.core.services.team.assign(created.id, 'ben');
    await ben.core.services.team.release(created.id);
    await ana.core.services.team.sync();
    expect(ana.core.services.team.caseView(created.id)?.assignee).toBeNull();
  });

  it('the SLA clock: a finished, undecided case turns overdue on the desk clock, per the team or the officer', async () => {
    let later = 0;
    const ola = await openDesk(team, sim.url, 'ola', { clock: { now: () => Date.now() + later } });
    try {
      const created = await ola.core.services.cases.create(PERSON);
      sim.control.advance(created.id, 'decide');
      await ola.core.services.cases.refresh(created.id);
      expect(ola.core.services.cases.get(created.id).idvStatus).toBe('Completed');
      await ola.core.services.team.sync();
      const overdue = () => ola.core.services.team.queue({ queue: 'overdue' }).map((r) => r.caseId);
      expect(overdue()).not.toContain(created.id);
      // Five hours later on the desk's clock: past the team's default SLA of four hours.
      later = 5 * 3_600_000;
      expect(overdue()).toContain(created.id);
      const [row] = ola.core.services.team.queue({ queue: 'overdue' }).filter((r) => r.caseId === created.id);
      expect(row).toMatchObject({ overdue: true });
      expect(row!.waitingMs).toBeGreaterThanOrEqual(later);
      // The officer's own threshold wins over the team's.
      expect(
        ola.core.services.team.queue({ queue: 'overdue', overdueAfterMinutes: 600 }).map((r) => r.caseId),
      ).not.toContain(created.id);
      // The other desks know when the customer finished from the result this desk published.
      await ben.core.services.team.sync();
      expect(ben.core.services.team.caseView(created.id)?.customerFinishedAt).not.toBeNull();
      // Decided: no longer overdue.
      ola.core.services.review.decide({
        caseId: created.id,
        decision: 'escalate',
        reasonCode: 'other',
        note: '',
        overriddenFlags: [],
      });
      await ola.core.services.team.pushSoon();
      expect(overdue()).not.toContain(created.id);
    } finally {
      await ola.close();
    }
  });

  it('offers the same through IPC, validated in main', async () => {
    const created = await ana.core.services.cases.create(PERSON);
    await ana.core.services.team.sync();
    expect(await dispatch(ana.core.handlers, 'team:status', undefined)).toMatchObject({
      ok: true,
      value: { joined: true, officer: 'ana' },
    });
    expect(await dispatch(ana.core.handlers, 'team:assign', { caseId: created.id, to: null })).toMatchObject({
      ok: true,
      value: { assignee: 'ana' },
    });
    const queue = await dispatch(ana.core.handlers, 'team:queue', { queue: 'mine' });
    expect(queue).toMatchObject({ ok: true, value: [expect.objectContaining({ caseId: created.id })] });
    expect(await dispatch(ana.core.handlers, 'team:queue', { queue: 'everything' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
    expect(
      await dispatch(ana.core.handlers, 'team:send-back', { caseId: created.id, note: '  ' }),
    ).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(
      await dispatch(ana.core.handlers, 'team:assign', { caseId: created.id, to: 'Robert; DROP' }),
    ).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await dispatch(ana.core.handlers, 'team:approve', { caseId: created.id, note: '' })).toMatchObject(
      {
        ok: false,
        error: { code: 'team_nothing_to_review' },
      },
    );
    expect(await dispatch(ana.core.handlers, 'team:release', { caseId: created.id })).toMatchObject({
      ok: true,
      value: { assignee: null },
    });
  });

  it('cross-checks the desk trail against the team chain', async () => {
    const check = await ana.core.services.team.crossCheck();
    expect(check).toMatchObject({ ok: true, teamChainIntact: true, problems: [] });
    expect(check.pushedChecked).toBeGreaterThanOrEqual(3);
    // A pushed entry whose team row says something else is reported, not ignored.
    ana.core.db.prepare("UPDATE team_outbox SET reason_code = 'verified' WHERE rowid = 1").run();
    const broken = await ana.core.services.team.crossCheck();
    expect(broken.ok).toBe(false);
    expect(broken.problems.join('\n')).toMatch(/differs from what this desk pushed/);
    ana.core.db.prepare("UPDATE team_outbox SET reason_code = 'customer_withdrew' WHERE rowid = 1").run();
  });

  it('decisions made while the team database is down are pushed when it is back', async () => {
    const created = await ana.core.services.cases.create(PERSON);
    await syncAll();
    team.cluster.stop();
    try {
      ana.core.services.review.decide({
        caseId: created.id,
        decision: 'escalate',
        reasonCode: 'other',
        note: 'offline',
        overriddenFlags: [],
      });
      await ana.core.services.team.pushSoon();
      const status = ana.core.services.team.status();
      expect(status).toMatchObject({ connected: false, pendingPushes: 1 });
      expect(status.problem).toContain(`${team.cluster.host}:${team.cluster.port}`);
      expect(status.problem).not.toContain('desk password');
      // Offline-first: the cache still answers.
      expect(ana.core.services.cases.get(created.id).decision).toBe('escalate');
    } finally {
      team.cluster.start();
    }
    await ana.core.services.team.sync();
    expect(ana.core.services.team.status()).toMatchObject({ connected: true, pendingPushes: 0 });
    await ben.core.services.team.sync();
    expect(ben.core.services.team.caseView(created.id)?.decisions).toEqual([
      expect.objectContaining({ officer: 'ana', outcome: 'escalate', note: 'offline' }),
    ]);
  });
});
