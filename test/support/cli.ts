import { runCli } from '../../src/cli/main';

export interface CliRun {
  code: number;
  out: string;
  err: string;
}

/** Runs the CLI in-process with its own environment and captured output. */
export async function cli(
  env: Record<string, string | undefined>,
  args: string[],
  cwd = process.cwd(),
  /** What the command reads from stdin (`create --from-json -`); absent: no stdin at all. */
  stdin?: string,
): Promise<CliRun> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(
    {
      out: (line) => out.push(line),
      err: (line) => err.push(line),
      env,
      interrupted: new Promise(() => undefined),
      cwd,
      ...(stdin === undefined ? {} : { readStdin: () => Promise.resolve(stdin) }),
    },
    args,
  );
  return { code, out: out.join('\n'), err: err.join('\n') };
}
