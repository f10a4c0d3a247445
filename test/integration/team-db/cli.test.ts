import { Client } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEAM_SCHEMA_VERSION } from '../../../src/team-db/migrations';
import { cli } from '../../support/cli';
import { freePort, hasPostgres, startPgCluster, type PgCluster } from '../../support/pg-cluster';

// The administrator's commands against a real PostgreSQL, as the database owner.
describe.skipIf(!hasPostgres())('kyc-desk team (admin)', () => {
  let cluster: PgCluster;
  let env: Record<string, string | undefined>;
  let url: string;

  beforeAll(async () => {
    cluster = await startPgCluster();
    const admin = new Client({ connectionString: cluster.url() });
    await admin.connect();
    await admin.query('CREATE DATABASE book');
    await admin.end();
    url = `postgres://${cluster.superuser}@127.0.0.1:${cluster.port}/book`;
    env = { PGPASSWORD: cluster.password, HOME: '/nonexistent' };
  });
  afterAll(() => cluster?.destroy());

  it('initialises, adds officers with a one-time password, and sets the policy', async () => {
    const init = await cli(env, ['team', 'init', '--database', url]);
    expect(init.err).toBe('');
    expect(init.out).toContain(`schema version ${TEAM_SCHEMA_VERSION}`);
    expect((await cli(env, ['team', 'init', '--database', url])).out).toMatch(/up to date/);

    const added = await cli({ ...env, DATABASE_URL: url }, [
      'team',
      'officer',
      'add',
      'ona',
      '--display-name',
      'Ona Šimkutė',
      '--json',
    ]);
    expect(added.code).toBe(0);
    const { password } = JSON.parse(added.out) as { password: string };
    expect(password).toMatch(/^[A-Za-z2-9]{24}$/);
    // The printed password really logs in as that role.
    const ona = new Client({ connectionString: `postgres://ona:${password}@127.0.0.1:${cluster.port}/book` });
    await ona.connect();
    const me = await ona.query(
      'SELECT session_user AS who, display_name FROM kyc_team.officers WHERE role = session_user',
    );
    expect(me.rows).toEqual([{ who: 'ona', display_name: 'Ona Šimkutė' }]);
    await ona.end();

    const policy = await cli({ ...env, DATABASE_URL: url }, ['team', 'policy', '--four-eyes', 'reject']);
    expect(policy.out).toBe('Four eyes: reject.');
    const owner = new Client({ connectionString: cluster.url(undefined, undefined, 'book') });
    await owner.connect();
    expect((await owner.query('SELECT four_eyes FROM kyc_team.settings')).rows[0].four_eyes).toBe('reject');
    // Never the plaintext: the role's password is stored as a SCRAM verifier we computed.
    expect(
      (await owner.query("SELECT rolpassword FROM pg_authid WHERE rolname = 'ona'")).rows[0].rolpassword,
    ).toMatch(/^SCRAM-SHA-256\$4096:/);
    await owner.end();

    const disabled = await cli({ ...env, DATABASE_URL: url }, ['team', 'officer', 'disable', 'ona']);
    expect(disabled.code).toBe(0);
    const again = new Client({
      connectionString: `postgres://ona:${password}@127.0.0.1:${cluster.port}/book`,
    });
    again.on('error', () => undefined);
    await expect(again.connect()).rejects.toBeTruthy();
  });

  it('says in one line which host failed and why, without the password', async () => {
    const wrong = await cli({ PGPASSWORD: 'not-the-password', HOME: '/nonexistent' }, [
      'team',
      'init',
      '--database',
      url,
    ]);
    expect(wrong.code).toBe(1);
    expect(wrong.err).toBe(
      `kyc-desk: Team database ${cluster.superuser}@127.0.0.1:${cluster.port}/book: the role or password was not accepted.`,
    );

    const port = await freePort();
    const down = await cli(env, ['team', 'init', '--database', `postgres://x@127.0.0.1:${port}/book`]);
    expect(down.err).toBe(
      `kyc-desk: Team database x@127.0.0.1:${port}/book is unreachable: the connection was refused.`,
    );

    const leaky = await cli(env, [
      'team',
      'init',
      '--database',
      `postgres://x:secret@127.0.0.1:${port}/book`,
    ]);
    expect(leaky.code).toBe(2);
    expect(leaky.err).not.toContain('secret@');
    expect(leaky.err).toMatch(/Leave the password out of --database/);

    const noTls = await cli(env, ['team', 'init', '--database', `${url}?sslmode=verify-full`]);
    expect(noTls.err).toMatch(
      /the TLS connection failed \(the server does not offer TLS\)|TLS connection failed/,
    );
  });

  it('refuses bad role names and policies before touching the database', async () => {
    const bad = await cli({ ...env, DATABASE_URL: url }, [
      'team',
      'officer',
      'add',
      'Robert"; DROP',
      '--display-name',
      'x',
    ]);
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(/role name is 1–63 characters/);
    const policy = await cli({ ...env, DATABASE_URL: url }, ['team', 'policy', '--four-eyes', 'sometimes']);
    expect(policy.code).toBe(2);
  });
});
