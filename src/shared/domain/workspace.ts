/** `env`: the CLI's workspace built from environment variables; `demo`: the bundled simulator. */
export type WorkspaceEnvironment = 'production' | 'sandbox' | 'demo' | 'env';

/** A workspace as the cache knows it. Secrets (client secret) live in the OS keychain, never here. */
export interface Workspace {
  id: string;
  name: string;
  environment: WorkspaceEnvironment;
  clientId: string;
  setupId: string;
  customerBaseUrl: string | null;
  /** Per-role base URL overrides (e.g. `kycApiUrl`), as entered by the officer. */
  overrides: Record<string, string> | null;
  officerName: string | null;
  /** Local clock, ms since epoch. */
  createdAt: number;
  updatedAt: number;
}

export type NewWorkspace = Omit<Workspace, 'createdAt' | 'updatedAt'>;
export type WorkspacePatch = Partial<Omit<Workspace, 'id' | 'createdAt' | 'updatedAt'>>;
