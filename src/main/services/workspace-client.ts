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

/**
 * The keychain entry that binds the client secret to the sign-in origin it was entered for. Kept next to
 * the secret (not in the cache) so both go with the keychain entry, and `remove` deletes both by prefix.
 */
export function secretOriginAccount(workspaceId: string): string {
  return `${workspaceId}:client-secret:origin`;
}

function originOf(url: string): string {
  return new URL(url).origin;
}

/** Stores a secret bound to `authUrl`'s origin: the binding first, so a secret never exists unbound. */
export async function storeSecret(
  secrets: SecretStore,
  workspaceId: string,
  secret: string,
  authUrl: string,
): Promise<void> {
  await secrets.set(secretOriginAccount(workspaceId), originOf(authUrl));
  await secrets.set(secretAccount(workspaceId), secret);
}

/** Deletes the secret before its binding, so a failure half-way leaves no secret behind. */
export async function deleteSecret(secrets: SecretStore, workspaceId: string): Promise<void> {
  await secrets.delete(secretAccount(workspaceId));
  await secrets.delete(secretOriginAccount(workspaceId));
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

/**
 * The credentials of a workspace, for a client that signs in at `authUrl`. The secret is only handed out
 * for the origin it was entered for (`secret_host_mismatch` otherwise). A secret stored before the
 * binding existed is bound, on first use, to the sign-in origin the workspace has then: every host change
 * since goes through `workspaces.update`, which replaces the secret and its binding together.
 */
export async function credentialsOf(
  ws: Workspace,
  secrets: SecretStore,
  authUrl: string,
): Promise<{ clientId: string; clientSecret: string }> {
  if (ws.environment === 'demo') return { ...DEMO_CREDENTIALS };
  const secret = await secrets.get(secretAccount(ws.id));
  if (secret === null) {
    throw new AppError(
      'secret_missing',
      'The client secret of this workspace is not in the system keychain. Enter it again in the workspace settings.',
    );
  }
  const origin = originOf(authUrl);
  const bound = await secrets.get(secretOriginAccount(ws.id));
  if (bound === null) {
    await secrets.set(secretOriginAccount(ws.id), origin);
  } else if (bound !== origin) {
    throw new AppError(
      'secret_host_mismatch',
      'The stored client secret was entered for another Ondato sign-in address, so it is not sent to this one. Enter the secret again in the workspace settings.',
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
