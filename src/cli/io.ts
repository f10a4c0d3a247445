import type { SecretStore } from '../main/secrets/secret-store';

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
}

export function print(io: CliIo, json: boolean, value: unknown, human: () => string[]): void {
  if (json) io.out(JSON.stringify(value, null, 2));
  else for (const line of human()) io.out(line);
}
