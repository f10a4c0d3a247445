import { readJson } from './body';
import { joinUrl } from './environments';
import { OndatoError } from './errors';
import { request, type HttpContext } from './http';
import { tokenResponseSchema } from '../../shared/wire/schemas';

export interface AccessToken {
  value: string;
  /** Scopes granted (from the response's `scope`), or null when Ondato did not say. */
  scopes: string[] | null;
  /** Epoch ms after which the token is not used any more (already includes the safety margin). */
  refreshAt: number;
}

export interface TokenProvider {
  /** A valid token: cached, or fetched once for all concurrent callers (single flight). */
  getToken(): Promise<AccessToken>;
  /**
   * Drops `token` after Ondato refused it (401). Only that token is dropped: when 20 requests fail
   * with the same token at once, the first call clears it and the rest are no-ops, so exactly one
   * refresh follows.
   */
  invalidate(token: string): void;
}

export interface TokenProviderOptions {
  authUrl: string;
  clientId: string;
  clientSecret: string;
  /** Space-separated; omitted = every scope of the client. */
  scope?: string;
  http: HttpContext;
}

export const TOKEN_OPERATION = 'sign in to Ondato';
const MAX_MARGIN_MS = 60_000;

/** Refresh this long before `expires_in` runs out: 60 s or 10 % of the lifetime, whichever is smaller. */
export function refreshMarginMs(lifetimeMs: number): number {
  return Math.min(MAX_MARGIN_MS, Math.floor(lifetimeMs * 0.1));
}

/** IdentityServer answers bad credentials with 400 `{ error: "invalid_client" }`. */
export function tokenError(status: number, body: unknown): OndatoError | undefined {
  const oauthError =
    typeof body === 'object' && body !== null && 'error' in body && typeof body.error === 'string'
      ? body.error
      : undefined;
  if (oauthError === 'invalid_scope') {
    return new OndatoError('forbidden', {
      operation: TOKEN_OPERATION,
      status,
      message: `Ondato refused the requested scope (HTTP ${status}). Check the scope in the workspace settings.`,
    });
  }
  if (status === 400 || status === 401 || status === 403) {
    // invalid_client, unauthorized_client, invalid_grant, or no OAuth error at all: the credentials.
    return new OndatoError('auth_failed', { operation: TOKEN_OPERATION, status });
  }
  return undefined;
}

export function createTokenProvider(options: TokenProviderOptions): TokenProvider {
  const { http } = options;
  const url = joinUrl(options.authUrl, '/connect/token');
  let cached: AccessToken | null = null;
  let inflight: Promise<AccessToken> | null = null;

  async function fetchToken(): Promise<AccessToken> {
    const form = new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: options.clientId,
      client_secret: options.clientSecret,
    });
    const scope = options.scope?.trim();
    if (scope) form.set('scope', scope);
    const requestedAt = http.clock.now();
    const body = await request(http, {
      operation: TOKEN_OPERATION,
      method: 'POST',
      url,
      path: '/connect/token',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: form.toString(),
      // Asking for a token changes nothing on the server: safe to repeat.
      retry: 'idempotent',
      read: (response, ctx) => readJson(response, tokenResponseSchema, ctx),
      mapError: tokenError,
    });
    const lifetimeMs = body.expires_in * 1000;
    const token: AccessToken = {
      value: body.access_token,
      scopes: body.scope ? body.scope.split(/\s+/).filter(Boolean) : null,
      // Counted from when the request was sent, so a slow answer cannot make us overestimate.
      refreshAt: requestedAt + lifetimeMs - refreshMarginMs(lifetimeMs),
    };
    http.logger.debug('ondato: token obtained', {
      lifetimeS: body.expires_in,
      scopes: token.scopes ?? undefined,
    });
    return token;
  }

  return {
    getToken() {
      if (cached && http.clock.now() < cached.refreshAt) return Promise.resolve(cached);
      if (!inflight) {
        cached = null;
        const pending = fetchToken().then(
          (token) => {
            if (inflight === pending) {
              cached = token;
              inflight = null;
            }
            return token;
          },
          (error: unknown) => {
            if (inflight === pending) inflight = null;
            throw error;
          },
        );
        inflight = pending;
      }
      return inflight;
    },
    invalidate(token) {
      if (cached?.value === token) cached = null;
    },
  };
}
