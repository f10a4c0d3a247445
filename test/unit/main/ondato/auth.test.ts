import { describe, expect, it } from 'vitest';
import { createTokenProvider, refreshMarginMs } from '../../../../src/main/ondato/auth';
import { OndatoError } from '../../../../src/main/ondato/errors';
import { createHttpContext, type FetchLike } from '../../../../src/main/ondato/http';
import {
  captureLogger,
  fetchFailed,
  jsonResponse,
  manualClock,
  recordingSleep,
  scriptedFetch,
  tokenResponse,
} from './fake';

const SECRET = 'super-secret-value';

function provider(fetch: FetchLike, clock = manualClock(), scope?: string) {
  const logger = captureLogger();
  const http = createHttpContext({ fetch, clock, sleep: recordingSleep(), random: () => 0.5, logger });
  const tokens = createTokenProvider({
    authUrl: 'https://id.example',
    clientId: 'client-1',
    clientSecret: SECRET,
    ...(scope === undefined ? {} : { scope }),
    http,
  });
  return { tokens, clock, logger };
}

async function rejection(promise: Promise<unknown>): Promise<OndatoError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof OndatoError) return error;
    throw error;
  }
  throw new Error('expected a rejection');
}

describe('refreshMarginMs', () => {
  it('is 60 s or 10 % of the lifetime, whichever is smaller', () => {
    expect(refreshMarginMs(3_600_000)).toBe(60_000);
    expect(refreshMarginMs(600_000)).toBe(60_000);
    expect(refreshMarginMs(300_000)).toBe(30_000);
    expect(refreshMarginMs(5_000)).toBe(500);
  });
});

describe('createTokenProvider', () => {
  it('posts the client credentials as a form to /connect/token', async () => {
    const fetch = scriptedFetch(() => tokenResponse('tok-1'));
    const { tokens } = provider(fetch, manualClock(), 'idv_api  kyc_identifications_api ');
    const token = await tokens.getToken();
    expect(token).toMatchObject({ value: 'tok-1', scopes: ['idv_api'] });
    const [call] = fetch.calls;
    expect(call?.url).toBe('https://id.example/connect/token');
    expect(call?.method).toBe('POST');
    expect(call?.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(call?.headers.authorization).toBeUndefined();
    const form = new URLSearchParams(call?.body);
    expect(Object.fromEntries(form)).toEqual({
      grant_type: 'client_credentials',
      client_id: 'client-1',
      client_secret: SECRET,
      scope: 'idv_api  kyc_identifications_api',
    });
  });

  it('omits scope when none is configured', async () => {
    const fetch = scriptedFetch(() => tokenResponse());
    await provider(fetch).tokens.getToken();
    expect(new URLSearchParams(fetch.calls[0]?.body).has('scope')).toBe(false);
  });

  it('caches the token until expires_in minus the margin', async () => {
    let n = 0;
    const fetch = scriptedFetch(() => tokenResponse(`tok-${++n}`, 300));
    const { tokens, clock } = provider(fetch);
    expect((await tokens.getToken()).value).toBe('tok-1');
    clock.advance(269_999); // margin for 300 s is 30 s
    expect((await tokens.getToken()).value).toBe('tok-1');
    clock.advance(1);
    expect((await tokens.getToken()).value).toBe('tok-2');
    expect(fetch.calls).toHaveLength(2);
  });

  it('shares one refresh among concurrent callers', async () => {
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    const fetch = scriptedFetch(async () => {
      await gate;
      return tokenResponse('shared');
    });
    const { tokens } = provider(fetch);
    const all = Promise.all(Array.from({ length: 20 }, () => tokens.getToken()));
    release();
    const values = (await all).map((t) => t.value);
    expect(new Set(values)).toEqual(new Set(['shared']));
    expect(fetch.calls).toHaveLength(1);
  });

  it('invalidates only the refused token, so many 401s cause one refresh', async () => {
    let n = 0;
    const fetch = scriptedFetch(() => tokenResponse(`tok-${++n}`));
    const { tokens } = provider(fetch);
    const first = await tokens.getToken();
    for (let i = 0; i < 20; i += 1) tokens.invalidate(first.value);
    const fresh = await Promise.all(Array.from({ length: 20 }, () => tokens.getToken()));
    expect(new Set(fresh.map((t) => t.value))).toEqual(new Set(['tok-2']));
    tokens.invalidate(first.value); // late 401 with the old token: no-op
    expect((await tokens.getToken()).value).toBe('tok-2');
    expect(fetch.calls).toHaveLength(2);
  });

  it.each(['invalid_client', 'unauthorized_client', 'invalid_grant'])(
    'maps 400 %s to auth_failed without retrying or leaking the secret',
    async (oauthError) => {
      const fetch = scriptedFetch(() => jsonResponse(400, { error: oauthError }));
      const { tokens, logger } = provider(fetch);
      const error = await rejection(tokens.getToken());
      expect(error.code).toBe('auth_failed');
      expect(error.retryable).toBe(false);
      expect(fetch.calls).toHaveLength(1);
      expect(`${error.message} ${JSON.stringify(logger.entries)}`).not.toContain(SECRET);
    },
  );

  it('maps invalid_scope to forbidden', async () => {
    const fetch = scriptedFetch(() => jsonResponse(400, { error: 'invalid_scope' }));
    expect((await rejection(provider(fetch, manualClock(), 'admin').tokens.getToken())).code).toBe(
      'forbidden',
    );
  });

  it('retries a 503 from the token endpoint, then succeeds', async () => {
    const fetch = scriptedFetch(
      () => new Response('busy', { status: 503 }),
      () => tokenResponse('after-503'),
    );
    expect((await provider(fetch).tokens.getToken()).value).toBe('after-503');
    expect(fetch.calls).toHaveLength(2);
  });

  it('reports network failures as network and lets the next call try again', async () => {
    let fail = true;
    const fetch = scriptedFetch(() => {
      if (fail) throw fetchFailed('ECONNRESET');
      return tokenResponse('later');
    });
    const { tokens } = provider(fetch);
    expect((await rejection(tokens.getToken())).code).toBe('network');
    expect(fetch.calls).toHaveLength(3);
    fail = false;
    expect((await tokens.getToken()).value).toBe('later');
  });

  it('rejects a token response without access_token as bad_response', async () => {
    const fetch = scriptedFetch(() => jsonResponse(200, { expires_in: 3600 }));
    expect((await rejection(provider(fetch).tokens.getToken())).code).toBe('bad_response');
  });

  it('does not log the token', async () => {
    const fetch = scriptedFetch(() => tokenResponse('very-private-token'));
    const { tokens, logger } = provider(fetch);
    await tokens.getToken();
    expect(logger.entries.length).toBeGreaterThan(0);
    expect(JSON.stringify(logger.entries)).not.toContain('very-private-token');
  });
});
