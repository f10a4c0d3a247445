import type { AuditTrail } from './audit-trail';
import type { ClientTuning } from './workspace-client';
import type { Db } from '../db/sql';
import type { EventBus } from '../events';
import type { AppLogger } from '../logger';
import type { SecretStore } from '../secrets/secret-store';
import type { Confirmer } from './confirm';
import type { DemoSimulator, Runtime } from './ports';
import type { Timers } from '../sync/options';
import type { LeaseBook } from '../sync/poll-gate';

export interface Shell {
  openExternal(url: string): Promise<void>;
}

export interface Notifier {
  /** `onClick`: what a click on the notification does (open the queue the cases are in). */
  notify(title: string, body: string, onClick?: () => void): void;
}

/** The native "Save as" dialog (Electron); resolves to the chosen absolute path, or null when cancelled. */
export interface SaveDialog {
  choose(request: {
    title: string;
    defaultName: string;
    filters: { name: string; extensions: string[] }[];
  }): Promise<string | null>;
}

/**
 * The counter view's own window (Electron): main opens it, decides what it may call, and closes it.
 * Absent in the CLI and the harness, where the caller shows the counter page itself.
 */
export interface CounterScreens {
  /** Opens (or brings forward) the counter window of the case; false when there are no windows here. */
  show(caseId: string): boolean;
  close(caseId: string): void;
}

/** What every service may use; built once by the core. */
export interface ServiceContext {
  db: Db;
  dataDir: string;
  dbPath: string;
  secrets: SecretStore;
  /** The chain key and the anchors of the audit trail. */
  auditTrail: AuditTrail;
  now(): number;
  /** The OS account running the app, recorded with every audit row and decision. */
  osUser: string;
  logger: AppLogger;
  events: EventBus;
  shell: Shell;
  /** Main-side consent for host changes and removals (a native dialog, `--yes`, a test flag). */
  confirmer: Confirmer;
  runtime: Runtime;
  demo: DemoSimulator;
  /** Client options for tests (timeouts, retries); undefined in the app. */
  tuning?: ClientTuning | undefined;
  /** Where exports are saved in the app; absent in the CLI, which takes paths from its arguments. */
  saveDialog?: SaveDialog | undefined;
  /** The counter view's window in the app; absent in the CLI and the harness. */
  counterScreens?: CounterScreens | undefined;
  /** Timers for the retention schedule and the import's pacing; Node's when absent (tests inject). */
  timers?: Timers | undefined;
  /** Requests a second to Ondato, as sync uses (default 5). */
  ratePerSecond?: number | undefined;
  /** The officer looked at (or created) this case: notify when it completes or Ondato decides. */
  watch(caseId: string): void;
  /** Team mode: the lease book of a joined workspace, shared with its sync engine. */
  leaseBook?: ((workspaceId: string) => LeaseBook | undefined) | undefined;
}
