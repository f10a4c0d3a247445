import type { OndatoClient, OndatoEndpoints } from '../ondato';
import type { SyncEngine } from '../sync/types';
import type { SyncStatus } from '../../shared/domain/views';
import type { Workspace } from '../../shared/domain/workspace';

/*
 * What the services need from the composition layer (src/main/app), as interfaces the app implements.
 * Declared here so the arrow points one way: app imports services, never the reverse.
 */

export interface DemoSimulator {
  /** Base URL while running, else null. */
  url(): string | null;
  /** The setup a new demo workspace starts with. */
  defaultSetupId(): string;
  /** Starts the in-process simulator (restoring the saved state) unless it runs already. */
  ensureStarted(): Promise<string>;
  /** Something changed: save soon. */
  markDirty(): void;
  /** Saves now (no-op when not running). */
  save(): void;
  /** Saves and stops. */
  stop(): Promise<void>;
  /** Stops and forgets the saved state (the demo workspace was removed). */
  discard(): Promise<void>;
}

export interface Runtime {
  activeId(): string | null;
  /** The active workspace from the cache; throws `no_workspace`. */
  workspace(): Workspace;
  endpoints(ws: Workspace): OndatoEndpoints;
  /** A fresh client for any stored workspace (test, probe of stored credentials). */
  clientFor(ws: Workspace): Promise<OndatoClient>;
  /** The active workspace's client; throws when there is none (no secret, no workspace). */
  client(): OndatoClient;
  engine(): SyncEngine | null;
  status(): SyncStatus;
  /** Makes `id` active (null: none), stopping the old engine and starting the new one. */
  activate(id: string | null): Promise<void>;
  /** Rebuilds the active workspace's client and engine (after its settings or secret changed). */
  reload(): Promise<void>;
  stop(): Promise<void>;
}
