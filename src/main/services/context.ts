import type { Runtime } from '../app/runtime';
import type { DemoSimulator } from '../app/demo';
import type { ClientTuning } from '../app/workspace-client';
import type { Db } from '../db/sql';
import type { EventBus } from '../events';
import type { AppLogger } from '../logger';
import type { SecretStore } from '../secrets/secret-store';
import type { Timers } from '../sync/options';

export interface Shell {
  openExternal(url: string): Promise<void>;
}

export interface Notifier {
  notify(title: string, body: string): void;
}

/** What every service may use; built once by the core. */
export interface ServiceContext {
  db: Db;
  dataDir: string;
  dbPath: string;
  secrets: SecretStore;
  now(): number;
  /** The OS account running the app, recorded with every audit row and decision. */
  osUser: string;
  logger: AppLogger;
  events: EventBus;
  shell: Shell;
  runtime: Runtime;
  demo: DemoSimulator;
  /** Client options for tests (timeouts, retries); undefined in the app. */
  tuning?: ClientTuning | undefined;
  /** Timers for the retention schedule and the import's pacing; Node's when absent (tests inject). */
  timers?: Timers | undefined;
  /** Requests a second to Ondato, as sync uses (default 5). */
  ratePerSecond?: number | undefined;
  /** The officer looked at (or created) this case: notify when it completes or Ondato decides. */
  watch(caseId: string): void;
}
