import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../../../src/simulator';
import { useCliSession } from './core-cli';

const SETUP = 'c3a0f7a2-6b1e-4b7e-9a51-1d2f3e4a5b61';
const session = useCliSession(41);
const { run } = session;

let other: Simulator;

beforeAll(async () => {
  other = await startSimulator({ port: 0, seed: 42 });
});

afterAll(async () => {
  await other.stop();
});

interface Listed {
  workspaces: { id: string; name: string; overrides: Record<string, string> | null; customerHost: string }[];
}
const listed = async (): Promise<Listed> =>
  JSON.parse((await run(['workspace', 'list', '--json'])).out) as Listed;

describe('kyc-desk workspace: host changes and removal need --yes', () => {
  it('refuses a host change or a removal without --yes with one line, and does both with it', async () => {
    const add = await run(
      [
        'workspace',
        'add',
        '--name',
        'Sim',
        '--env',
        'sandbox',
        '--client-id',
        'kyc-desk-demo',
        '--setup',
        SETUP,
        '--base-url',
        session.sim.url,
      ],
      'demo-secret\n',
    );
    expect(add).toMatchObject({ code: 0, err: '' });

    const moved = await run(
      ['workspace', 'set', 'Sim', '--kyc-api-url', 'https://kyc.example.test'],
      'demo-secret\n',
    );
    expect(moved.code).toBe(1);
    expect(moved.err.split('\n')).toHaveLength(1);
    expect(moved.err).toContain('--yes');
    expect(moved.prompts).toEqual([]);
    expect((await listed()).workspaces[0]?.overrides).toEqual({
      authUrl: session.sim.url,
      idvApiUrl: session.sim.url,
      kycApiUrl: session.sim.url,
    });

    const removed = await run(['workspace', 'remove', 'Sim']);
    expect(removed.code).toBe(1);
    expect(removed.err.split('\n')).toHaveLength(1);
    expect(removed.err).toContain('--yes');
    expect((await listed()).workspaces.map((w) => w.name)).toEqual(['Sim']);

    const confirmed = await run(
      ['workspace', 'set', 'Sim', '--base-url', other.url, '--yes'],
      'demo-secret\n',
    );
    expect(confirmed).toMatchObject({ code: 0, err: '' });
    expect(confirmed.prompts).toHaveLength(1);
    expect((await listed()).workspaces[0]?.customerHost).toBe(new URL(other.url).host);
    expect(await run(['workspace', 'test', 'Sim'])).toMatchObject({ code: 0 });

    expect(await run(['workspace', 'remove', 'Sim', '--yes'])).toMatchObject({ code: 0, err: '' });
    expect((await listed()).workspaces).toEqual([]);
  });
});
