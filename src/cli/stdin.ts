/**
 * All of stdin as UTF-8 text, up to `maxBytes` (+1, so the caller can tell it was too long). On a
 * terminal a hint goes to stderr first: the JSON is pasted or typed, then Ctrl+D.
 */
export function readAllStdin(
  maxBytes = 1024 * 1024,
  stdin: NodeJS.ReadStream = process.stdin,
  stderr: NodeJS.WriteStream = process.stderr,
): Promise<string> {
  if (stdin.isTTY) stderr.write('Paste the registration JSON, then press Ctrl+D.\n');
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let total = 0;
    const finish = (): void => {
      stdin.off('data', onData);
      stdin.off('end', finish);
      stdin.off('error', reject);
      stdin.pause();
      resolve(Buffer.concat(chunks).toString('utf8'));
    };
    const onData = (chunk: Buffer | string): void => {
      const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
      chunks.push(bytes);
      total += bytes.length;
      if (total > maxBytes) finish();
    };
    stdin.on('data', onData);
    stdin.once('end', finish);
    stdin.once('error', reject);
    stdin.resume();
  });
}
