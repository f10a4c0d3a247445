import { afterAll, beforeAll } from 'vitest';
import { runCli } from '../../../src/cli/main';
import type { SecretStore } from '../../../src/main/secrets/secret-store';
import { startSimulator, type Simulator } from '../../../src/simulator';
import { tempDataDir, testKeychain, type TestKeychain } from '../services/support';

export interface CoreCliRun {
  code: number;
  out: string;
  err: string;
  /** Prompts shown by readSecret. */
  prompts: string[];
}

/** Runs the CLI in-process with a test keychain and, optionally, what a pipe would put on stdin. */
export async function coreCli(
  args: string[],
  options: { secrets: SecretStore; env?: Record<string, string | undefined>; stdin?: string },
): Promise<CoreCliRun> {
  const out: string[] = [];
  const err: string[] = [];
  const prompts: string[] = [];
  const code = await runCli(
    {
      out: (line) => out.push(line),
      err: (line) => err.push(line),
      env: options.env ?? {},
      interrupted: new Promise(() => undefined),
      cwd: process.cwd(),
      secrets: options.secrets,
      ...(options.stdin === undefined
        ? {}
        : {
            readSecret: async (prompt: string) => {
              prompts.push(prompt);
              return options.stdin ?? '';
            },
          }),
    },
    args,
  );
  return { code, out: out.join('\n'), err: err.join('\n'), prompts };
}

/**
 * The setup every CLI integration file shares: a simulator on loopback, a throwaway keychain and data
 * directory, and `run` for `kyc-desk … --data-dir <dir>` against them. Registers its own hooks.
 */
export function useCliSession(seed: number): {
  readonly sim: Simulator;
  readonly keychain: TestKeychain;
  readonly dataDir: string;
  run(args: string[], stdin?: string): Promise<CoreCliRun>;
} {
  let sim: Simulator | undefined;
  let keychain: TestKeychain | undefined;
  let data: { dir: string; remove(): void } | undefined;
  beforeAll(async () => {
    sim = await startSimulator({ port: 0, seed });
    keychain = testKeychain();
    data = tempDataDir();
  });
  afterAll(async () => {
    await sim?.stop();
    await keychain?.cleanup();
    data?.remove();
  });
  const ready = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('the CLI session is used before its beforeAll ran');
    return value;
  };
  return {
    get sim() {
      return ready(sim);
    },
    get keychain() {
      return ready(keychain);
    },
    get dataDir() {
      return ready(data).dir;
    },
    run: (args, stdin) =>
      coreCli([...args, '--data-dir', ready(data).dir], {
        secrets: ready(keychain).store,
        ...(stdin === undefined ? {} : { stdin }),
      }),
  };
}
