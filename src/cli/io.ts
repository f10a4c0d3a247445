import type { SecretStore } from '../main/secrets/secret-store';
import { safeBlock, safeJson, safeLine } from './safe-text';

/** What a command may touch: injected so tests run the CLI in-process and read what it printed. */
export interface CliIo {
  out(line: string): void;
  err(line: string): void;
  env: Record<string, string | undefined>;
  /** Resolves when the command should stop (Ctrl+C for long-running commands). */
  interrupted: Promise<void>;
  cwd: string;
  /**
   * Reads a secret: a hidden prompt on a terminal, or the first line of piped stdin. Secrets are never
   * taken from flags (shell history, `ps`). Absent: commands that need one refuse.
   */
  readSecret?: (prompt: string) => Promise<string>;
  /** The keychain; defaults to the OS keychain (service `kyc-desk`). Tests pass their own service. */
  secrets?: SecretStore;
  /** All of stdin as text, for `create --from-json -` (so customer data stays out of `ps` and history). */
  readStdin?: () => Promise<string>;
}

/** Every printer's way out: JSON with terminal-active characters escaped, or lines with them removed. */
export function print(io: CliIo, json: boolean, value: unknown, human: () => string[]): void {
  if (json) io.out(safeJson(value));
  else for (const line of human()) io.out(safeLine(line));
}

/**
 * The same io with every line that is written made safe for a terminal, so a printer that writes
 * directly (or an error message quoting the officer's input) cannot slip a control or bidi character
 * through. JSON written by `print` is already escaped and passes unchanged.
 */
export function terminalSafe(io: CliIo): CliIo {
  return { ...io, out: (line) => io.out(safeBlock(line)), err: (line) => io.err(safeBlock(line)) };
}
