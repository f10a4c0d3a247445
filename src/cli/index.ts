import { runCli } from './main';

// The process entry: real streams, real environment, Ctrl+C ends long-running commands cleanly.
const interrupted = new Promise<void>((resolve) => {
  process.once('SIGINT', () => resolve());
  process.once('SIGTERM', () => resolve());
});

void runCli(
  {
    out: (line) => process.stdout.write(`${line}\n`),
    err: (line) => process.stderr.write(`${line}\n`),
    env: process.env,
    interrupted,
    cwd: process.cwd(),
  },
  process.argv.slice(2),
).then((code) => process.exit(code));
