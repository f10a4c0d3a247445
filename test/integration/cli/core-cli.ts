import { runCli } from '../../../src/cli/main';
import type { SecretStore } from '../../../src/main/secrets/secret-store';

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
