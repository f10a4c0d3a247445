import { spawn } from 'node:child_process';
import { join } from 'node:path';

export interface WriterReport {
  opened: boolean;
  saved: number[];
  failures: string[];
}

const CHILDREN = __dirname;

/**
 * Runs the writer in its own Node process (tsx loads the TypeScript). `fileSizeLimitKiB` applies
 * RLIMIT_FSIZE through the shell's `ulimit -f` (counted in 512-byte blocks), so the writer meets a real EFBIG/SQLITE_FULL.
 */
export function runWriter(
  args: { path: string; key: string; workspace: string; count: number; pad?: number },
  options: { fileSizeLimitKiB?: number } = {},
): Promise<WriterReport> {
  const argv = [args.path, args.key, args.workspace, String(args.count), String(args.pad ?? 0)];
  return runChild<WriterReport>('writer.ts', argv, options);
}

/** Runs `children/<script>` and parses the JSON line it prints last. */
export function runChild<T>(
  script: string,
  argv: string[],
  options: { fileSizeLimitKiB?: number } = {},
): Promise<T> {
  const node = [process.execPath, '--import', 'tsx', join(CHILDREN, script), ...argv];
  const quoted = node.map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');
  const child =
    options.fileSizeLimitKiB === undefined
      ? spawn(node[0]!, node.slice(1), { stdio: ['ignore', 'pipe', 'pipe'] })
      : // SIGXFSZ would kill the writer; ignored, the write fails with EFBIG instead, as on a full disk.
        spawn('sh', ['-c', `trap '' XFSZ; ulimit -f ${options.fileSizeLimitKiB * 2}; exec ${quoted}`], {
          stdio: ['ignore', 'pipe', 'pipe'],
        });
  let out = '';
  let err = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => {
      const line = out.trim().split('\n').pop() ?? '';
      try {
        resolve(JSON.parse(line) as T);
      } catch {
        reject(new Error(`writer exited ${code}: ${err.slice(0, 2000)}`));
      }
    });
  });
}
