import type { Rng } from './random';
import { empty, json, type Reply } from './reply';
import type { OAuthClient } from './types';

export const DEFAULT_CLIENTS: readonly OAuthClient[] = [
  { clientId: 'kyc-desk-demo', clientSecret: 'demo-secret', scopes: ['idv_api', 'kyc_identifications_api'] },
  {
    clientId: 'kyc-desk-readonly',
    clientSecret: 'readonly-secret',
    scopes: ['idv_api_readonly', 'kyc_identifications_api_readonly'],
  },
];

interface IssuedToken {
  clientId: string;
  scopes: string[];
  expiresAt: number;
}

export class TokenStore {
  private readonly tokens = new Map<string, IssuedToken>();
  lifetimeSeconds: number;

  constructor(lifetimeSeconds: number) {
    this.lifetimeSeconds = lifetimeSeconds;
  }

  issue(client: OAuthClient, scopes: string[], now: number, rng: Rng): { token: string; expiresIn: number } {
    // Shaped like IdentityServer's reference tokens; opaque to the client either way.
    const token = rng.hex(32).toUpperCase();
    this.tokens.set(token, {
      clientId: client.clientId,
      scopes,
      expiresAt: now + this.lifetimeSeconds * 1000,
    });
    return { token, expiresIn: this.lifetimeSeconds };
  }

  find(token: string, now: number): IssuedToken | undefined {
    const issued = this.tokens.get(token);
    if (issued && issued.expiresAt <= now) {
      this.tokens.delete(token);
      return undefined;
    }
    return issued;
  }

  clear(): void {
    this.tokens.clear();
  }
}

function oauthError(error: string, description?: string): Reply {
  return json(400, description ? { error, error_description: description } : { error }, {
    'cache-control': 'no-store',
    pragma: 'no-cache',
  });
}

function basicCredentials(header: string | undefined): { id: string; secret: string } | undefined {
  const match = header ? /^Basic\s+(\S+)$/i.exec(header) : null;
  if (!match?.[1]) return undefined;
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return undefined;
  // RFC 6749 §2.3.1: both parts are form-urlencoded inside the Basic header.
  const decode = (s: string): string => decodeURIComponent(s.replace(/\+/g, ' '));
  try {
    return { id: decode(decoded.slice(0, colon)), secret: decode(decoded.slice(colon + 1)) };
  } catch {
    return undefined;
  }
}

export interface TokenRequest {
  contentType: string | undefined;
  authorization: string | undefined;
  body: Buffer;
}

/** `POST /connect/token`, IdentityServer style: client first, then grant type, then scope. */
export function handleTokenRequest(
  req: TokenRequest,
  clients: readonly OAuthClient[],
  tokens: TokenStore,
  now: number,
  rng: Rng,
): Reply {
  if (!req.contentType?.toLowerCase().startsWith('application/x-www-form-urlencoded')) {
    return oauthError('invalid_request', 'The request must be application/x-www-form-urlencoded.');
  }
  const form = new URLSearchParams(req.body.toString('utf8'));
  const basic = basicCredentials(req.authorization);
  const id = basic?.id ?? form.get('client_id') ?? '';
  const secret = basic?.secret ?? form.get('client_secret') ?? '';
  const client = clients.find((c) => c.clientId === id && c.clientSecret === secret);
  if (!client) return oauthError('invalid_client');
  if (form.get('grant_type') !== 'client_credentials') return oauthError('unsupported_grant_type');

  const requested = (form.get('scope') ?? '').split(/\s+/).filter((s) => s.length > 0);
  if (requested.some((s) => !client.scopes.includes(s))) return oauthError('invalid_scope');
  const scopes = requested.length > 0 ? [...new Set(requested)] : client.scopes;
  const issued = tokens.issue(client, scopes, now, rng);
  return json(
    200,
    {
      access_token: issued.token,
      expires_in: issued.expiresIn,
      token_type: 'Bearer',
      scope: scopes.join(' '),
    },
    { 'cache-control': 'no-store', pragma: 'no-cache' },
  );
}

export type ApiFamily = 'idv' | 'kyc';

const SCOPES: Record<ApiFamily, { write: string; read: string }> = {
  idv: { write: 'idv_api', read: 'idv_api_readonly' },
  kyc: { write: 'kyc_identifications_api', read: 'kyc_identifications_api_readonly' },
};

/** Undefined when allowed; otherwise the 401/403 ASP.NET's JWT bearer handler would send (no body). */
export function authorize(
  authorization: string | undefined,
  family: ApiFamily,
  write: boolean,
  tokens: TokenStore,
  now: number,
): Reply | undefined {
  const match = authorization ? /^Bearer\s+(\S+)\s*$/i.exec(authorization) : null;
  const issued = match?.[1] ? tokens.find(match[1], now) : undefined;
  if (!issued) return empty(401, { 'www-authenticate': 'Bearer error="invalid_token"' });
  const { read, write: writeScope } = SCOPES[family];
  const allowed = issued.scopes.includes(writeScope) || (!write && issued.scopes.includes(read));
  return allowed ? undefined : empty(403);
}
