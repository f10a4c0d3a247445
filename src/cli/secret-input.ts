import { AppError } from '../main/errors';

/**
 * Reads a secret from the process's stdin. On a terminal: a prompt on stderr, input not echoed (raw
 * mode), Enter ends it, Ctrl+C or Ctrl+D aborts. Piped: the first line of stdin (so `pass show x |
 * kyc-desk workspace add ...` works); nothing is echoed either way.
 */
export function readSecretFromStdin(
  prompt: string,
  stdin: NodeJS.ReadStream = process.stdin,
  stderr: NodeJS.WriteStream = process.stderr,
): Promise<string> {
  return stdin.isTTY ? readHidden(prompt, stdin, stderr) : readFirstLine(stdin);
}

function readFirstLine(stdin: NodeJS.ReadStream): Promise<string> {
  return new Promise((resolve, reject) => {
    // A second secret from a pipe already read to its end: nothing more will come.
    if (stdin.readableEnded) {
      resolve('');
      return;
    }
    const chunks: Buffer[] = [];
    const finish = (): void => {
      stdin.off('data', onData);
      stdin.off('end', finish);
      stdin.off('error', reject);
      stdin.pause();
      const text = Buffer.concat(chunks).toString('utf8');
      resolve(text.split(/\r?\n/)[0] ?? '');
    };
    const onData = (chunk: Buffer | string): void => {
      chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
      if (chunks.some((c) => c.includes(0x0a))) finish();
    };
    stdin.on('data', onData);
    stdin.once('end', finish);
    stdin.once('error', reject);
    stdin.resume();
  });
}

function readHidden(prompt: string, stdin: NodeJS.ReadStream, stderr: NodeJS.WriteStream): Promise<string> {
  return new Promise((resolve, reject) => {
    let value = '';
    stderr.write(prompt);
    stdin.setRawMode(true);
    stdin.setEncoding('utf8');
    const done = (error?: Error): void => {
      stdin.off('data', onData);
      stdin.setRawMode(false);
      stdin.pause();
      stderr.write('\n');
      if (error) reject(error);
      else resolve(value);
    };
    const onData = (chunk: string): void => {
      for (const char of chunk) {
        if (char === '\r' || char === '\n') return done();
        if (char === '\u0003' || char === '\u0004')
          return done(new AppError('cancelled', 'Cancelled: no secret was entered.'));
        if (char === '\u007f' || char === '\b') value = value.slice(0, -1);
        else if (char >= ' ') value += char;
      }
    };
    stdin.on('data', onData);
    stdin.resume();
  });
}
