import { describe, expect, it } from 'vitest';
import { isUnsentFailure } from '../../../../src/main/ondato/http';
import { fetchFailed, jsonResponse, scriptedFetch } from './fake';
import { rejection, setup } from './http-fixture';

describe('request: tokens, bodies and failures', () => {
  it('refreshes the token once after a 401 and repeats the request', async () => {
    const fetch = scriptedFetch(
      () => new Response('', { status: 401 }),
      () => jsonResponse(200, { id: 'abc' }),
    );
    const { send, tokens } = setup(fetch);
    await expect(send()).resolves.toEqual({ id: 'abc' });
    expect(tokens.invalidated).toEqual(['tok-1']);
    expect(fetch.calls.map((c) => c.headers.authorization)).toEqual(['Bearer tok-1', 'Bearer tok-2']);
  });

  it('gives auth_failed when the fresh token is refused too', async () => {
    const fetch = scriptedFetch(() => new Response('', { status: 401 }));
    const { send, tokens } = setup(fetch);
    expect((await rejection(send())).code).toBe('auth_failed');
    expect(fetch.calls).toHaveLength(2);
    expect(tokens.issued).toEqual(['tok-1', 'tok-2']);
  });

  it.each([
    [
      'html',
      () =>
        new Response('<html><body>Proxy login</body></html>', { headers: { 'content-type': 'text/html' } }),
    ],
    ['empty', () => new Response('', { status: 200 })],
    ['truncated', () => new Response('{"id":"ab', { status: 200 })],
    ['schema-invalid', () => jsonResponse(200, { id: 42, name: 'Jane Secret-Person' })],
    ['null', () => new Response('null', { status: 200 })],
  ])('maps a %s body to bad_response without retrying or logging values', async (_label, respond) => {
    const fetch = scriptedFetch(respond);
    const { send, logger } = setup(fetch);
    const error = await rejection(send());
    expect(error.code).toBe('bad_response');
    expect(fetch.calls).toHaveLength(1);
    const logged = JSON.stringify(logger.entries);
    expect(logged).not.toContain('Jane');
    expect(logged).not.toContain('Proxy login');
    expect(logged).not.toContain('tok-1');
    expect(error.message).not.toContain('Jane');
  });

  it('logs the zod issue paths of a schema-invalid body', async () => {
    const fetch = scriptedFetch(() => jsonResponse(200, { id: 42 }));
    const { send, logger } = setup(fetch);
    await rejection(send());
    const entry = logger.entries.find((e) => e.meta?.reason === 'schema');
    expect(entry?.meta?.issues).toEqual([{ path: 'id', code: 'invalid_type' }]);
  });

  it('reads problem+json field errors of a 400', async () => {
    const fetch = scriptedFetch(() =>
      jsonResponse(400, { title: 'x', status: 400, errors: { 'registration.email': ['Not an e-mail.'] } }),
    );
    const error = await rejection(setup(fetch).send());
    expect(error).toMatchObject({ code: 'validation', fields: { 'registration.email': ['Not an e-mail.'] } });
  });

  it('classifies unsent connection failures', () => {
    expect(isUnsentFailure(fetchFailed('ECONNREFUSED'))).toBe(true);
    expect(isUnsentFailure(fetchFailed('ENOTFOUND'))).toBe(true);
    expect(isUnsentFailure(fetchFailed('ECONNRESET'))).toBe(false);
    expect(isUnsentFailure(new TypeError('fetch failed'))).toBe(false);
    const both = new TypeError('fetch failed', {
      cause: new AggregateError([fetchFailed('ECONNREFUSED').cause, fetchFailed('ECONNREFUSED').cause]),
    });
    expect(isUnsentFailure(both)).toBe(true);
    const mixed = new TypeError('fetch failed', {
      cause: new AggregateError([fetchFailed('ECONNREFUSED').cause, fetchFailed('ETIMEDOUT').cause]),
    });
    expect(isUnsentFailure(mixed)).toBe(false);
  });
});
