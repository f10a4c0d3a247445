import { runCli } from './main';
import { readSecretFromStdin } from './secret-input';
import { readAllStdin } from './stdin';

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
    readSecret: (prompt) => readSecretFromStdin(prompt),
    readStdin: () => readAllStdin(),
  },
  process.argv.slice(2),
).then((code) => process.exit(code));
