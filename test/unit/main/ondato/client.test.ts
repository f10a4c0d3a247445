import jpeg from 'jpeg-js';
import { describe, expect, it } from 'vitest';
import { createOndatoClient } from '../../../../src/main/ondato/client';
import { resolveEndpoints } from '../../../../src/main/ondato/environments';
import { OndatoError } from '../../../../src/main/ondato/errors';
import type { FetchLike } from '../../../../src/main/ondato/http';
import { jsonResponse, recordingSleep, scriptedFetch, tokenResponse, type RecordedCall } from './fake';

const endpoints = resolveEndpoints('sandbox', {
  authUrl: 'https://auth.test',
  idvApiUrl: 'https://idv-api.test',
  kycApiUrl: 'https://kyc-api.test/base',
  customerWebUrl: 'https://verify.bank.test',
});

/** Routes by URL: the token endpoint always answers with a token; `api` answers everything else. */
function routed(api: (call: RecordedCall) => Response | Promise<Response>) {
  return scriptedFetch((call) => (call.url.endsWith('/connect/token') ? tokenResponse('tok') : api(call)));
}

function client(fetch: FetchLike) {
  return createOndatoClient({
    endpoints,
    credentials: { clientId: 'id', clientSecret: 'secret' },
    fetch,
    sleep: recordingSleep(),
    random: () => 0,
  });
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

const apiCalls = (calls: RecordedCall[]) => calls.filter((c) => !c.url.endsWith('/connect/token'));

describe('createOndatoClient', () => {
  it('validates a create request before anything leaves the machine', async () => {
    const fetch = routed(() => jsonResponse(201, { id: 'x' }));
    const error = await rejection(
      client(fetch).createIdv({
        setupId: 'not-a-uuid',
        registration: { dateOfBirth: '14/01/2021', phoneNumber: -5, countryCode: 'ltu', email: 'nope' },
      }),
    );
    expect(error.code).toBe('validation');
    expect(Object.keys(error.fields ?? {}).sort()).toEqual([
      'registration.countryCode',
      'registration.dateOfBirth',
      'registration.email',
      'registration.phoneNumber',
      'setupId',
    ]);
    expect(fetch.calls).toHaveLength(0);
  });

  it('refuses unknown request fields (strict)', async () => {
    const fetch = routed(() => jsonResponse(201, { id: 'x' }));
    const request = JSON.parse('{"setupId":"3fa85f64-5717-4562-b3fc-2c963f66afa6","admin":true}');
    expect((await rejection(client(fetch).createIdv(request))).code).toBe('validation');
    expect(fetch.calls).toHaveLength(0);
  });

  it('creates an IDV with a JSON POST to the IDV API', async () => {
    const fetch = routed(() => jsonResponse(201, { id: 'new-idv' }));
    const created = await client(fetch).createIdv({
      setupId: '3fa85f64-5717-4562-b3fc-2c963f66afa6',
      registration: { firstName: 'John', phoneNumber: 370624515141 },
    });
    expect(created).toEqual({ id: 'new-idv' });
    const [call] = apiCalls(fetch.calls);
    expect(call?.url).toBe('https://idv-api.test/v1/identity-verifications');
    expect(call?.method).toBe('POST');
    expect(call?.headers['content-type']).toBe('application/json');
    expect(call?.headers.authorization).toBe('Bearer tok');
    expect(JSON.parse(call?.body ?? '')).toEqual({
      setupId: '3fa85f64-5717-4562-b3fc-2c963f66afa6',
      registration: { firstName: 'John', phoneNumber: 370624515141 },
    });
    expect(fetch.calls[0]?.url).toBe('https://auth.test/connect/token');
  });

  it('percent-encodes ids in paths', async () => {
    const fetch = routed(() => jsonResponse(200, { id: 'x', status: 'Pending' }));
    await client(fetch).getIdv('a/b?c=d#e f');
    await client(fetch).getKyc('../k');
    expect(apiCalls(fetch.calls).map((c) => c.url)).toEqual([
      'https://idv-api.test/v1/identity-verifications/a%2Fb%3Fc%3Dd%23e%20f',
      'https://kyc-api.test/base/v1/identifications/..%2Fk',
    ]);
  });

  it.each(['', '.', '..', ' x', 'a\nb', 'x'.repeat(201)])(
    'refuses the id %j without a request',
    async (id) => {
      const fetch = routed(() => jsonResponse(200, {}));
      expect((await rejection(client(fetch).getIdv(id))).code).toBe('validation');
      expect(fetch.calls).toHaveLength(0);
    },
  );

  it('lists setups with the documented filter call, disabled ones asked for and listed last', async () => {
    const fetch = routed(() =>
      jsonResponse(200, [
        { id: 's0', name: 'A disabled one', isDisabled: true },
        { id: 's1', name: 'Full KYC', isDisabled: false },
      ]),
    );
    await expect(client(fetch).listSetups()).resolves.toEqual([
      { id: 's1', name: 'Full KYC', isDisabled: false },
      { id: 's0', name: 'A disabled one', isDisabled: true },
    ]);
    const [call] = apiCalls(fetch.calls);
    expect(call?.method).toBe('POST');
    expect(call?.url).toBe(
      'https://idv-api.test/v1/identity-verification-setups/filter?limit=100&orderBy=Name&orderDirection=Asc',
    );
    expect(call?.body).toBe('{"includeDisabled":true}');
  });

  it('gets the IDV setup, the KYC and the KYC setup from the right hosts', async () => {
    const fetch = routed((call) =>
      call.url.endsWith('/setup') && call.url.includes('identifications/')
        ? jsonResponse(200, { document: { enabled: true }, face: { enabled: false } })
        : call.url.endsWith('/setup')
          ? jsonResponse(200, { id: 'setup-1' })
          : jsonResponse(200, { id: 'k1', status: 'Approved' }),
    );
    const c = client(fetch);
    expect(await c.getIdvSetup('i1')).toEqual({ id: 'setup-1' });
    expect(await c.getKyc('k1')).toEqual({ id: 'k1', status: 'Approved' });
    expect((await c.getKycSetup('k1')).face?.enabled).toBe(false);
    expect(apiCalls(fetch.calls).map((x) => x.url)).toEqual([
      'https://idv-api.test/v1/identity-verifications/i1/setup',
      'https://kyc-api.test/base/v1/identifications/k1',
      'https://kyc-api.test/base/v1/identifications/k1/setup',
    ]);
  });

  it('redacts with a PUT and the scopes, and checks the scopes first', async () => {
    const fetch = routed(() => new Response(null, { status: 204 }));
    await client(fetch).redactIdv('i1', ['PersonalData', 'BiometricData', 'PersonalData']);
    const [call] = apiCalls(fetch.calls);
    expect(call?.method).toBe('PUT');
    expect(call?.url).toBe('https://idv-api.test/v1/identity-verifications/i1/redact');
    expect(JSON.parse(call?.body ?? '')).toEqual({ scopes: ['PersonalData', 'BiometricData'] });
    const none = routed(() => new Response(null, { status: 204 }));
    expect((await rejection(client(none).redactIdv('i1', []))).code).toBe('validation');
    const bad = JSON.parse('["Everything"]');
    expect((await rejection(client(none).redactIdv('i1', bad))).code).toBe('validation');
    expect(none.calls).toHaveLength(0);
  });

  it('filters KYC identifications and reads the total from X-Total-Count', async () => {
    const fetch = routed(() =>
      jsonResponse(200, [{ id: 'k1', status: 'Awaiting' }], { 'x-total-count': '17' }),
    );
    const result = await client(fetch).filterKyc({ from: '2025-01-01T00:00:00.000Z' });
    expect(result).toEqual({ items: [{ id: 'k1', status: 'Awaiting' }], totalCount: 17 });
    const [call] = apiCalls(fetch.calls);
    expect(call?.headers['return-total-count']).toBe('true');
    expect(JSON.parse(call?.body ?? '')).toEqual({ createdUtc: { from: '2025-01-01T00:00:00.000Z' } });
  });

  it('accepts a paged object body from the filter and no total', async () => {
    const paged = routed(() => jsonResponse(200, { items: [], totalCount: 3 }));
    expect(await client(paged).filterKyc({})).toEqual({ items: [], totalCount: 3 });
    const bare = routed(() => jsonResponse(200, []));
    expect(await client(bare).filterKyc({})).toEqual({ items: [] });
  });

  it('downloads a file and sniffs its type, ignoring Content-Type', async () => {
    const image = jpeg.encode({ data: Buffer.alloc(8 * 8 * 4, 90), width: 8, height: 8 }, 70).data;
    const fetch = routed(
      () => new Response(image, { headers: { 'content-type': 'application/octet-stream' } }),
    );
    const file = await client(fetch).getKycFile('k 1', 'f/1');
    expect(file.mime).toBe('image/jpeg');
    expect(file.size).toBe(image.length);
    expect(file.bytes.equals(image)).toBe(true);
    expect(apiCalls(fetch.calls)[0]?.url).toBe(
      'https://kyc-api.test/base/v1/identifications/k%201/files/f%2F1',
    );
  });

  it('returns mime null for unknown binary content', async () => {
    const fetch = routed(() => new Response(Uint8Array.from([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12])));
    expect((await client(fetch).getKycFile('k', 'f')).mime).toBeNull();
  });

  it.each([
    [
      'an HTML page',
      () => new Response('<!DOCTYPE html><p>login</p>', { headers: { 'content-type': 'image/jpeg' } }),
    ],
    ['an empty body', () => new Response(null, { status: 200 })],
  ])('refuses %s where a file was expected', async (_label, respond) => {
    expect((await rejection(client(routed(respond)).getKycFile('k', 'f'))).code).toBe('bad_response');
  });

  it('caps the size by Content-Length and while streaming', async () => {
    const big = new Uint8Array(2048).fill(0xff);
    const declared = routed(() => new Response(big, { headers: { 'content-length': '2048' } }));
    const error = await rejection(client(declared).getKycFile('k', 'f', { maxBytes: 1024 }));
    expect(error.code).toBe('bad_response');
    expect(error.message).toContain('larger than the limit');

    const streamed = routed(
      () =>
        new Response(
          new ReadableStream<Uint8Array>({
            start(controller) {
              for (let i = 0; i < 4; i += 1) controller.enqueue(new Uint8Array(512).fill(0xff));
              controller.close();
            },
          }),
        ),
    );
    expect((await rejection(client(streamed).getKycFile('k', 'f', { maxBytes: 1024 }))).code).toBe(
      'bad_response',
    );
  });

  it('tests the connection with a token and the setup list', async () => {
    const fetch = routed(() => jsonResponse(200, [{ id: 's1' }]));
    await expect(client(fetch).testConnection()).resolves.toEqual({
      scopes: ['idv_api'],
      setups: [{ id: 's1' }],
    });
  });

  it('builds the customer link on the configured customer base', () => {
    expect(client(routed(() => jsonResponse(200, {}))).customerUrl('a b')).toBe(
      'https://verify.bank.test/?id=a%20b',
    );
  });
});
