import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setFourEyesPolicy } from '../../../src/team-db/admin';
import { startSimulator, type Simulator } from '../../../src/simulator';
import { hasPostgres } from '../../support/pg-cluster';
import { coreCli } from '../cli/core-cli';
import { FULL_KYC_SETUP, PERSON, tempDataDir, testKeychain, type TestKeychain } from '../services/support';
import { startTeamFixture, type TeamFixture } from '../team-db/support';
import { addDeskOfficer, DESK_PASSWORD, openDesk, teamUrl, type Desk } from './desk-support';
import { TEAM_SCHEMA_VERSION } from '../../../src/team-db/migrations';

// The desk's team commands as an officer types them, against a real PostgreSQL and the simulator.
describe.skipIf(!hasPostgres())('kyc-desk team mode on the command line', () => {
  let team: TeamFixture;
  let sim: Simulator;
  let ben: Desk;
  const dirs: { dir: string; remove(): void }[] = [];
  const keychains: TestKeychain[] = [];

  beforeAll(async () => {
    team = await startTeamFixture();
    sim = await startSimulator({ port: 0, seed: 12 });
    await addDeskOfficer(team, 'ana');
    await addDeskOfficer(team, 'ben');
    await addDeskOfficer(team, 'sid', { supervisor: true });
    ben = await openDesk(team, sim.url, 'ben');
  }, 60_000);

  afterAll(async () => {
    await ben?.close();
    for (const k of keychains) await k.cleanup();
    for (const d of dirs) d.remove();
    await sim?.stop();
    await team?.close();
  });

  /** A CLI desk: its own data dir and keychain; `run` adds --data-dir and the PG environment. */
  function cliDesk(env: Record<string, string | undefined> = {}) {
    const data = tempDataDir();
    const keychain = testKeychain();
    dirs.push(data);
    keychains.push(keychain);
    const run = (args: string[], stdin?: string, extraEnv: Record<string, string | undefined> = {}) =>
      coreCli([...args, '--data-dir', data.dir], {
        secrets: keychain.store,
        env: { HOME: data.dir, ...env, ...extraEnv },
        ...(stdin === undefined ? {} : { stdin }),
      });
    return { run, keychain, dir: data.dir };
  }

  const addArgs = (role: string) => [
    'workspace',
    'add',
    '--name',
    `Desk ${role}`,
    '--env',
    'sandbox',
    '--client-id',
    'kyc-desk-demo',
    '--setup',
    FULL_KYC_SETUP,
    '--base-url',
    sim.url,
    '--team-url',
    teamUrl(team, role),
  ];

  it('joins with PGPASSWORD, keeps the password in the keychain only, and works the four-eyes flow', async () => {
    const ana = cliDesk();
    const add = await ana.run(addArgs('ana'), 'demo-secret\n', { PGPASSWORD: DESK_PASSWORD });
    expect(add).toMatchObject({ code: 0, err: '' });
    expect(add.out).toContain(
      `Joined ana@${team.cluster.host}:${team.cluster.port}/${team.database} as ana.`,
    );
    expect(add.out).not.toContain(DESK_PASSWORD);
    const accounts = await ana.keychain.store.accounts();
    const teamAccount = accounts.find((a) => a.endsWith(':team-password'));
    expect(teamAccount).toBeDefined();
    expect(await ana.keychain.store.get(teamAccount!)).toBe(DESK_PASSWORD);

    const listed = await ana.run(['workspace', 'list']);
    expect(listed.out).toContain(`team ${teamUrl(team, 'ana')}`);
    // From here on the password comes from the keychain: no PGPASSWORD in the environment.
    const status = await ana.run(['team', 'status']);
    expect(status.code).toBe(0);
    expect(status.out).toContain(`connected, schema version ${TEAM_SCHEMA_VERSION}`);
    expect(status.out).toContain('Webhooks: no team relay has reported; polling Ondato.');
    expect(status.out).toContain('Officer: ana');
    expect(status.out).toContain('Pending pushes: 0');
    expect(status.out).toMatch(/Cross-check: team chain intact/);

    // Another desk's case reaches this one.
    const created = await ben.core.services.cases.create(PERSON);
    await ben.core.services.team.sync();
    const unassigned = await ana.run(['cases', '--queue', 'unassigned']);
    expect(unassigned.code).toBe(0);
    expect(unassigned.out).toContain(created.id);

    await setFourEyesPolicy(team.owner, 'reject');
    const decided = await ana.run([
      'decide',
      created.id,
      '--decision',
      'reject',
      '--reason',
      'customer_withdrew',
    ]);
    expect(decided).toMatchObject({ code: 0, err: '' });
    expect(decided.out).toContain('Team: proposed; needs approval by another officer.');

    const own = await ana.run(['approve', created.id]);
    expect(own.code).toBe(1);
    expect(own.err).toMatch(/^kyc-desk: only a supervisor may approve or send back$/);

    const sid = cliDesk({ PGPASSWORD: DESK_PASSWORD });
    expect((await sid.run(addArgs('sid'), 'demo-secret\n')).code).toBe(0);
    const queue = await sid.run(['cases', '--queue', 'approval', '--json']);
    const rows = (JSON.parse(queue.out) as { rows: { caseId: string; proposer: string }[] }).rows;
    expect(rows).toContainEqual(expect.objectContaining({ caseId: created.id, proposer: 'ana' }));
    expect((await sid.run(['send-back', created.id])).code).toBe(2);
    const sent = await sid.run(['send-back', created.id, '--note', 'Call the customer first']);
    expect(sent).toMatchObject({ code: 0 });
    expect(sent.out).toContain('sent back by sid');

    expect((await ana.run(['sync', '--once'])).out).toMatch(/Team: synced to change #\d+/);
    const shown = await ana.run(['show', created.id]);
    expect(shown.out).toContain('Team: sent back');
    await setFourEyesPolicy(team.owner, 'none');

    expect((await ana.run(['assign', created.id])).out).toContain(`Case ${created.id} is assigned to ana.`);
    expect((await ana.run(['cases', '--queue', 'mine'])).out).toContain(created.id);
    const refused = await ana.run(['assign', created.id, '--to', 'ben']);
    expect(refused).toMatchObject({ code: 1 });
    expect(refused.err).toBe('kyc-desk: only a supervisor may assign a case to someone else');
    expect((await ana.run(['release', created.id])).code).toBe(0);
    expect((await ana.run(['cases', '--queue', 'mine'])).out).not.toContain(created.id);

    // The database away: decide still works (queued), status says which host and why, in one line.
    const other = await ben.core.services.cases.create(PERSON);
    await ben.core.services.team.sync();
    await ana.run(['team', 'status']);
    team.cluster.stop();
    try {
      const offline = await ana.run(['decide', other.id, '--decision', 'escalate', '--reason', 'other']);
      expect(offline.code).toBe(0);
      expect(offline.out).toContain('Queued for the team database');
      const down = await ana.run(['team', 'status']);
      expect(down.code).toBe(1);
      expect(down.out).toContain('Pending pushes: 1');
      expect(down.err.split('\n')).toEqual([
        `kyc-desk: Team database ana@${team.cluster.host}:${team.cluster.port}/${team.database} is unreachable: the connection was refused.`,
      ]);
      expect(down.out + down.err).not.toContain(DESK_PASSWORD);
    } finally {
      team.cluster.start();
    }
    const back = await ana.run(['team', 'status']);
    expect(back).toMatchObject({ code: 0 });
    expect(back.out).toContain('Pending pushes: 0');
  });

  it('refuses a wrong password in one line naming the host, and a password in the URL', async () => {
    const desk = cliDesk();
    const wrong = await desk.run(addArgs('ben'), 'demo-secret\n', { PGPASSWORD: 'nope' });
    expect(wrong.code).toBe(1);
    expect(wrong.err).toBe(
      `kyc-desk: Team database ben@${team.cluster.host}:${team.cluster.port}/${team.database}: the role or password was not accepted.`,
    );
    const inline = await desk.run([
      'team',
      'join',
      `postgres://ben:${DESK_PASSWORD}@${team.cluster.host}:${team.cluster.port}/${team.database}`,
    ]);
    expect(inline.code).toBe(2);
    expect(inline.err).not.toContain(DESK_PASSWORD);
  });

  it('the environment workspace joins through KYC_DESK_TEAM_URL', async () => {
    const desk = cliDesk({
      ONDATO_ENV: 'simulator',
      ONDATO_SIMULATOR_URL: sim.url,
      ONDATO_CLIENT_ID: 'kyc-desk-demo',
      ONDATO_CLIENT_SECRET: 'demo-secret',
      ONDATO_SETUP_ID: FULL_KYC_SETUP,
      KYC_DESK_TEAM_URL: teamUrl(team, 'ben'),
      PGPASSWORD: DESK_PASSWORD,
    });
    const status = await desk.run(['team', 'status', '--json']);
    expect(status.code).toBe(0);
    expect(JSON.parse(status.out)).toMatchObject({ joined: true, connected: true, officer: 'ben' });
  });
});
