import { AppError } from '../errors';
import type { AppLogger } from '../logger';
import {
  createOndatoClient,
  resolveEndpoints,
  type EndpointOverrides,
  type OndatoClient,
  type OndatoClientOptions,
  type OndatoEndpoints,
} from '../ondato';
import type { SecretStore } from '../secrets/secret-store';
import type { Workspace } from '../../shared/domain/workspace';

/** The simulator's public test client (docs/simulator.md): not a secret, kept in memory only. */
export const DEMO_CREDENTIALS = { clientId: 'kyc-desk-demo', clientSecret: 'demo-secret' } as const;

export function secretAccount(workspaceId: string): string {
  return `${workspaceId}:client-secret`;
}

/** Client options a caller (tests, the CLI) may tune; never credentials or endpoints. */
export type ClientTuning = Pick<OndatoClientOptions, 'fetch' | 'timeoutMs' | 'retry'>;

/**
 * The CLI's implicit workspace: endpoints from ONDATO_* variables. Its secret is in the core's
 * SecretStore (a memory store, see secret-scope.ts) under the usual account, never written anywhere.
 */
export interface ImplicitWorkspace {
  id: string;
  name: string;
  endpoints: OndatoEndpoints;
  clientId: string;
  setupId: string | null;
}

export interface EndpointSources {
  /** Base URL of the running demo simulator, when there is one. */
  demoUrl: () => string | null;
  implicit?: ImplicitWorkspace | undefined;
}

const ROLE_KEYS = ['authUrl', 'idvApiUrl', 'kycApiUrl', 'customerWebUrl', 'baseUrl'] as const;

function overridesOf(ws: Workspace): EndpointOverrides {
  const out: EndpointOverrides = {};
  for (const key of ROLE_KEYS) {
    const value = ws.overrides?.[key];
    if (value !== undefined && value.trim() !== '') out[key] = value;
  }
  if (ws.customerBaseUrl) out.customerWebUrl = ws.customerBaseUrl;
  return out;
}

/** The four base URLs of a workspace; throws an AppError when they cannot be resolved (demo not running). */
export function endpointsOf(ws: Workspace, sources: EndpointSources): OndatoEndpoints {
  switch (ws.environment) {
    case 'demo': {
      const url = sources.demoUrl();
      if (url === null) throw new AppError('demo_unavailable', 'The demo simulator is not running.');
      return resolveEndpoints('simulator', { baseUrl: url });
    }
    case 'env':
      if (sources.implicit?.id === ws.id) return sources.implicit.endpoints;
      // Stored for display; the variables themselves are only present while the CLI runs.
      return resolveEndpoints('production', overridesOf(ws));
    case 'production':
    case 'sandbox':
      return resolveEndpoints(ws.environment, overridesOf(ws));
  }
}

export async function credentialsOf(
  ws: Workspace,
  secrets: SecretStore,
): Promise<{ clientId: string; clientSecret: string }> {
  if (ws.environment === 'demo') return { ...DEMO_CREDENTIALS };
  const secret = await secrets.get(secretAccount(ws.id));
  if (secret === null) {
    throw new AppError(
      'secret_missing',
      'The client secret of this workspace is not in the system keychain. Enter it again in the workspace settings.',
    );
  }
  return { clientId: ws.clientId, clientSecret: secret };
}

export function buildClient(
  endpoints: OndatoEndpoints,
  credentials: { clientId: string; clientSecret: string },
  logger: AppLogger,
  tuning: ClientTuning = {},
): OndatoClient {
  return createOndatoClient({ endpoints, credentials, logger, ...tuning });
}
