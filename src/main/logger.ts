import { appendFileSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
export type LogMeta = Record<string, unknown>;

/**
 * The app's log. Callers pass a constant message and metadata made of codes, counts, ids and error
 * kinds — never customer data, secrets or raw error messages (which can carry either). As a second
 * line of defence, metadata strings are clipped and any value that looks like a credential (a long
 * opaque token, a Bearer header, a key=value secret) is written as "[redacted]".
 * Compatible with the Ondato client's Logger and dispatch()'s DispatchLog.
 */
export interface AppLogger {
  debug(message: string, meta?: LogMeta): void;
  info(message: string, meta?: LogMeta): void;
  warn(message: string, meta?: LogMeta): void;
  error(message: string, meta?: LogMeta): void;
}

export const silentLogger: AppLogger = { debug() {}, info() {}, warn() {}, error() {} };

const LEVELS: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };
const MAX_STRING = 200;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const OPAQUE = /^[A-Za-z0-9+/=_.~-]{32,}$/;
const SECRETISH = /bearer\s|secret|password|passwd|token=|authorization|private key/i;

export function looksSecret(text: string): boolean {
  return (OPAQUE.test(text) && !UUID.test(text)) || SECRETISH.test(text);
}

function clean(value: unknown, depth: number): unknown {
  if (value === null || typeof value === 'number' || typeof value === 'boolean') return value;
  if (typeof value === 'string') {
    if (looksSecret(value)) return '[redacted]';
    return value.length > MAX_STRING ? `${value.slice(0, MAX_STRING)}…` : value;
  }
  if (value instanceof Error) return { kind: value.name };
  if (depth >= 2 || typeof value !== 'object') return `[${typeof value}]`;
  if (Array.isArray(value)) return value.slice(0, 20).map((v) => clean(v, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value).slice(0, 30)) {
    // A key naming a secret redacts its value whatever it looks like.
    out[key] = /secret|password|token|key$/i.test(key) ? '[redacted]' : clean(v, depth + 1);
  }
  return out;
}

export function sanitizeMeta(meta: LogMeta | undefined): LogMeta | undefined {
  if (meta === undefined) return undefined;
  return clean(meta, 0) as LogMeta;
}

export interface FileLoggerOptions {
  dir: string;
  /** Rotated to app.log.1 … app.log.<keep> when the current file would pass this size. */
  maxBytes?: number;
  keep?: number;
  level?: LogLevel;
  now?: () => number;
}

/** JSON lines in `<dir>/app.log`, rotated by size. Writes are synchronous: small, rare, and never lost on a crash. */
export function createFileLogger(options: FileLoggerOptions): AppLogger {
  const maxBytes = options.maxBytes ?? 1024 * 1024;
  const keep = Math.max(1, options.keep ?? 3);
  const min = LEVELS[options.level ?? 'info'];
  const now = options.now ?? Date.now;
  const file = join(options.dir, 'app.log');
  let ready = false;

  function rotate(): void {
    rmSync(`${file}.${keep}`, { force: true });
    for (let i = keep - 1; i >= 1; i--) {
      try {
        renameSync(`${file}.${i}`, `${file}.${i + 1}`);
      } catch {
        // a gap in the numbering is fine
      }
    }
    renameSync(file, `${file}.1`);
  }

  function write(level: LogLevel, message: string, meta?: LogMeta): void {
    if (LEVELS[level] < min) return;
    const entry = {
      at: new Date(now()).toISOString(),
      level,
      message: message.slice(0, MAX_STRING),
      ...sanitizeMeta(meta),
    };
    const line = `${JSON.stringify(entry)}\n`;
    try {
      if (!ready) {
        mkdirSync(options.dir, { recursive: true, mode: 0o700 });
        ready = true;
      }
      let size = 0;
      try {
        size = statSync(file).size;
      } catch {
        size = 0;
      }
      if (size > 0 && size + line.length > maxBytes) rotate();
      appendFileSync(file, line, { mode: 0o600 });
    } catch {
      // Logging must never take the app down (full disk, read-only profile).
    }
  }

  return {
    debug: (message, meta) => write('debug', message, meta),
    info: (message, meta) => write('info', message, meta),
    warn: (message, meta) => write('warn', message, meta),
    error: (message, meta) => write('error', message, meta),
  };
}
