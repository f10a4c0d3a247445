import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  DEMO_CLIENT,
  form,
  HOUR,
  harness,
  READONLY_CLIENT,
  REGISTRATION,
  FULL_KYC_SETUP,
  type Harness,
} from './helpers';

let h: Harness;
beforeEach(async () => {
  h = await harness();
});
afterEach(async () => {
  await h.stop();
});

function tokenRequest(
  fields: Record<string, string>,
  headers: Record<string, string> = {},
): Promise<Response> {
  return fetch(`${h.url}/connect/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    body: form(fields),
  });
}

const demoFields = {
  grant_type: 'client_credentials',
  client_id: DEMO_CLIENT.id,
  client_secret: DEMO_CLIENT.secret,
};

describe('POST /connect/token', () => {
  it('issues a bearer token with all of the client scopes when none are asked for', async () => {
    const res = await tokenRequest(demoFields);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const body = (await res.json()) as Record<string, unknown>;
    expect(body).toEqual({
      access_token: expect.stringMatching(/^[0-9A-F]{64}$/),
      expires_in: 3600,
      token_type: 'Bearer',
      scope: 'idv_api kyc_identifications_api',
    });
  });

  it('narrows to the requested scope', async () => {
    const res = await tokenRequest({ ...demoFields, scope: 'idv_api' });
    expect(((await res.json()) as { scope: string }).scope).toBe('idv_api');
  });

  it('accepts client credentials in a Basic header', async () => {
    const basic = Buffer.from(`${DEMO_CLIENT.id}:${DEMO_CLIENT.secret}`).toString('base64');
    const res = await tokenRequest({ grant_type: 'client_credentials' }, { authorization: `Basic ${basic}` });
    expect(res.status).toBe(200);
  });

  it('answers invalid_client for a wrong secret or unknown client', async () => {
    for (const fields of [
      { ...demoFields, client_secret: 'nope' },
      { ...demoFields, client_id: 'who' },
      { grant_type: 'client_credentials' },
    ]) {
      const res = await tokenRequest(fields);
      expect(res.status).toBe(400);
      expect(await res.json()).toEqual({ error: 'invalid_client' });
    }
  });

  it('answers unsupported_grant_type and invalid_scope', async () => {
    const grant = await tokenRequest({ ...demoFields, grant_type: 'password' });
    expect(grant.status).toBe(400);
    expect(await grant.json()).toEqual({ error: 'unsupported_grant_type' });
    const scope = await tokenRequest({ ...demoFields, scope: 'idv_api admin' });
    expect(scope.status).toBe(400);
    expect(await scope.json()).toEqual({ error: 'invalid_scope' });
  });

  it('refuses a JSON body', async () => {
    const res = await fetch(`${h.url}/connect/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(demoFields),
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: string }).error).toBe('invalid_request');
  });
});

describe('bearer authentication', () => {
  it('answers 401 with WWW-Authenticate for a missing or unknown token', async () => {
    for (const token of ['', 'not-a-token']) {
      const res = await h.api('GET', '/v1/identity-verifications/3fa85f64-5717-4562-b3fc-2c963f66afa6', {
        token,
      });
      expect(res.status).toBe(401);
      expect(res.headers.get('www-authenticate')).toBe('Bearer error="invalid_token"');
    }
  });

  it('expires tokens on the simulator clock', async () => {
    const token = await h.token();
    const id = await h.createIdv();
    expect((await h.api('GET', `/v1/identity-verifications/${id}`, { token })).status).toBe(200);
    h.clock.advance(HOUR - 1);
    expect((await h.api('GET', `/v1/identity-verifications/${id}`, { token })).status).toBe(200);
    h.clock.advance(1);
    expect((await h.api('GET', `/v1/identity-verifications/${id}`, { token })).status).toBe(401);
  });

  it('revokes every issued token and sets the lifetime of new ones', async () => {
    const token = await h.token();
    expect((await h.control('POST', '/tokens/revoke')).status).toBe(200);
    expect(
      (await h.api('GET', '/v1/identifications/3fa85f64-5717-4562-b3fc-2c963f66afa6', { token })).status,
    ).toBe(401);

    expect((await h.control('POST', '/tokens/lifetime', { seconds: 60 })).status).toBe(200);
    const res = await fetch(`${h.url}/connect/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: form(demoFields),
    });
    expect(((await res.json()) as { expires_in: number }).expires_in).toBe(60);
    expect((await h.control('POST', '/tokens/lifetime', { seconds: -1 })).status).toBe(400);
  });

  it('answers 403 to a write with a read-only token, but lets it read', async () => {
    const readonly = await h.token(undefined, READONLY_CLIENT);
    const create = await h.api('POST', '/v1/identity-verifications', {
      token: readonly,
      body: { setupId: FULL_KYC_SETUP, registration: REGISTRATION },
    });
    expect(create.status).toBe(403);
    const id = await h.createIdv();
    expect((await h.api('GET', `/v1/identity-verifications/${id}`, { token: readonly })).status).toBe(200);
    const redact = await h.api('PUT', `/v1/identity-verifications/${id}/redact`, {
      token: readonly,
      body: { scopes: ['PersonalData'] },
    });
    expect(redact.status).toBe(403);
    const filter = await h.api('POST', '/v1/identifications/filter', { token: readonly, body: {} });
    expect(filter.status).toBe(200);
  });

  it('answers 403 when the token lacks the API family scope', async () => {
    const idvOnly = await h.token('idv_api');
    const res = await h.api('POST', '/v1/identifications/filter', { token: idvOnly, body: {} });
    expect(res.status).toBe(403);
  });
});
