import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSecretFromStdin } from '../../../src/cli/secret-input';
import { startSimulator, type Simulator } from '../../../src/simulator';
import { tempDataDir, testKeychain, type TestKeychain } from '../services/support';
import { coreCli } from './core-cli';

let sim: Simulator;
let keychain: TestKeychain;
let data: { dir: string; remove(): void };
let env: Record<string, string>;

beforeAll(async () => {
  sim = await startSimulator({ port: 0, seed: 41 });
  keychain = testKeychain();
  data = tempDataDir();
  env = {
    ONDATO_ENV: 'simulator',
    ONDATO_SIMULATOR_URL: sim.url,
    ONDATO_CLIENT_ID: 'kyc-desk-demo',
    ONDATO_CLIENT_SECRET: 'demo-secret',
    ONDATO_SETUP_ID: 'c3a0f7a2-6b1e-4b7e-9a51-1d2f3e4a5b61',
  };
});

afterAll(async () => {
  await sim.stop();
  await keychain.cleanup();
  data.remove();
});

const run = (args: string[]) => coreCli([...args, '--data-dir', data.dir], { secrets: keychain.store, env });

describe('environment-variable mode', () => {
  it('uses an implicit workspace with its own cache for create --track, sync --once and cases', async () => {
    const created = await run([
      'create',
      '--first-name',
      'Ona',
      '--last-name',
      'Onaitė',
      '--external-ref',
      'ENV-1',
      '--track',
      '--json',
    ]);
    expect(created).toMatchObject({ code: 0, err: '' });
    const { id } = JSON.parse(created.out) as { id: string };

    sim.control.advance(id, 'submit');
    const synced = await run(['sync', '--once']);
    expect(synced).toMatchObject({ code: 0, err: '' });
    expect(synced.out).toMatch(/Checked 1 case\(s\): 1 changed/);
    const cases = await run(['cases']);
    expect(cases.out).toContain(`${id}  ENV-1  Ona Onaitė  InProgress  Awaiting  -`);

    // Its own cache directory, and only the cache key in the keychain: the secret stays in memory.
    const dirs = readdirSync(data.dir).filter((d) => d.startsWith('env-'));
    expect(dirs).toHaveLength(1);
    expect(existsSync(join(data.dir, dirs[0]!, 'cache.db'))).toBe(true);
    expect(existsSync(join(data.dir, 'cache.db'))).toBe(false);
    expect((await keychain.store.accounts()).sort()).toEqual(
      [`audit:chain-key:${dirs[0]}`, `audit:head:${dirs[0]}`, `cache:db-key:${dirs[0]}`].sort(),
    );
    // A second command re-opens the same keyed trail: the chain key and anchor are scoped to this cache.
    expect(await run(['audit', 'verify'])).toMatchObject({ code: 0, err: '' });
    // Workspace commands ignore ONDATO_*: they manage the stored workspaces.
    expect((await run(['workspace', 'list'])).out).toMatch(/^No workspaces/);
  });
});

describe('reading a secret from stdin', () => {
  it('takes the first line of piped input and echoes nothing', async () => {
    const stdin = new PassThrough() as unknown as NodeJS.ReadStream;
    const stderr = new PassThrough() as unknown as NodeJS.WriteStream;
    const written: string[] = [];
    (stderr as unknown as PassThrough).on('data', (c: Buffer) => written.push(c.toString()));
    const secret = readSecretFromStdin('Secret: ', stdin, stderr);
    (stdin as unknown as PassThrough).end('s3cret value\nsecond line\n');
    expect(await secret).toBe('s3cret value');
    expect(written.join('')).toBe('');
  });
});
