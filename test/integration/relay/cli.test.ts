import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../src/cli/main';
import { addRelay } from '../../../src/team-db/admin';
import { cli } from '../../support/cli';
import { hasPostgres } from '../../support/pg-cluster';
import { startTeamFixture, type TeamFixture } from '../team-db/support';

// `kyc-desk relay` as a team runs it: flags and environment, credentials never on the command line.
describe.skipIf(!hasPostgres())('kyc-desk relay (command)', () => {
  let team: TeamFixture;
  let url: string;

  beforeAll(async () => {
    team = await startTeamFixture();
    await addRelay(team.owner, 'relay_cli', 'relay-cli-password');
    url = `postgres://relay_cli@127.0.0.1:${team.cluster.port}/${team.database}`;
  });
  afterAll(async () => team?.close());

  it('refuses to start without credentials, or with a password on the command line', async () => {
    const noCreds = await cli({ PGPASSWORD: 'relay-cli-password' }, [
      'relay',
      '--port',
      '0',
      '--database',
      url,
    ]);
    expect(noCreds.code).toBe(2);
    expect(noCreds.err).toMatch(/KYC_DESK_RELAY_USERNAME and KYC_DESK_RELAY_PASSWORD/);
    const leaky = await cli({ KYC_DESK_RELAY_USERNAME: 'u', KYC_DESK_RELAY_PASSWORD: 'p' }, [
      'relay',
      '--port',
      '0',
      '--database',
      url.replace('relay_cli@', 'relay_cli:relay-cli-password@'),
    ]);
    expect(leaky.code).toBe(2);
    expect(leaky.err).not.toContain('relay-cli-password');
    const wrong = await cli(
      {
        PGPASSWORD: 'wrong-password',
        KYC_DESK_RELAY_USERNAME: 'u',
        KYC_DESK_RELAY_PASSWORD: 'p',
        HOME: '/nonexistent',
      },
      ['relay', '--port', '0', '--database', url],
    );
    expect(wrong.code).toBe(1);
    expect(wrong.err).toBe(
      `kyc-desk: Team database relay_cli@127.0.0.1:${team.cluster.port}/${team.database}: the role or password was not accepted.`,
    );
  });

  it('serves deliveries until interrupted', async () => {
    const out: string[] = [];
    const err: string[] = [];
    let stop = (): void => undefined;
    const interrupted = new Promise<void>((resolve) => (stop = resolve));
    const running = runCli(
      {
        out: (line) => out.push(line),
        err: (line) => err.push(line),
        env: {
          PGPASSWORD: 'relay-cli-password',
          KYC_DESK_RELAY_USERNAME: 'ondato',
          KYC_DESK_RELAY_PASSWORD: 'hook-pass-1',
          HOME: '/nonexistent',
        },
        interrupted,
        cwd: process.cwd(),
      },
      ['relay', '--port', '0', '--database', url, '--json', '--name', 'cli-relay'],
    );
    // The address is printed once the server listens.
    while (out.length === 0) await new Promise((resolve) => setImmediate(resolve));
    const { url: base } = JSON.parse(out.join('\n')) as { url: string };
    const event = JSON.parse(
      readFileSync(join(__dirname, '../../fixtures/ondato/webhook-kyc-approved.json'), 'utf8'),
    ) as object;
    const response = await fetch(`${base}/ondato/webhooks`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Basic ${Buffer.from('ondato:hook-pass-1').toString('base64')}`,
      },
      body: JSON.stringify(event),
    });
    expect(response.status).toBe(200);
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    stop();
    expect(await running).toBe(0);
    const beat = await team.owner.query("SELECT role FROM kyc_team.relays WHERE name = 'cli-relay'");
    expect(beat.rows).toEqual([{ role: 'relay_cli' }]);
    // One line per request, and none of it from the payload or the credentials.
    expect(err.join('\n')).toMatch(/"status":200/);
    expect(err.join('\n')).not.toMatch(/John|hook-pass-1|relay-cli-password/);
  });
});
