import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { idvSetupSchema } from '../../../src/shared/wire/schemas';
import {
  advance,
  DAY,
  DISABLED_SETUP,
  DOCUMENT_ONLY_SETUP,
  FULL_KYC_SETUP,
  harness,
  ISO_MS,
  kycIdOf,
  REGISTRATION,
  T0,
  UUID_V4,
  type Harness,
} from './helpers';

let h: Harness;
beforeEach(async () => {
  h = await harness();
});
afterEach(async () => {
  await h.stop();
});

async function createErrors(body: unknown): Promise<Record<string, string[]>> {
  const res = await h.api('POST', '/v1/identity-verifications', { body });
  expect(res.status).toBe(400);
  expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  const problem = (await res.json()) as { title: string; status: number; errors: Record<string, string[]> };
  expect(problem.title).toBe('One or more validation errors occurred.');
  expect(problem.status).toBe(400);
  return problem.errors;
}

describe('POST /v1/identity-verifications', () => {
  it('answers 201 with the id; GET returns the Pending IDV shaped like Ondato', async () => {
    const res = await h.api('POST', '/v1/identity-verifications', {
      body: { setupId: FULL_KYC_SETUP, externalReferenceId: 'case-7', registration: REGISTRATION, extra: 1 },
    });
    expect(res.status).toBe(201);
    const { id } = (await res.json()) as { id: string };
    expect(id).toMatch(UUID_V4);

    const idv = await h.json('GET', `/v1/identity-verifications/${id}`);
    expect(idv).toEqual({
      id,
      status: 'Pending',
      applicationId: expect.stringMatching(UUID_V4),
      externalReferenceId: 'case-7',
      createdUtc: new Date(T0).toISOString(),
      modifiedUtc: new Date(T0).toISOString(),
      setup: { id: FULL_KYC_SETUP, versionId: expect.stringMatching(UUID_V4) },
      registration: { ...REGISTRATION, middleName: null },
      step: {},
    });
    expect(idv['createdUtc']).toMatch(ISO_MS);
  });

  it.each([
    [{ registration: REGISTRATION }, 'setupId', 'required'],
    [{ setupId: 'not-a-guid' }, 'setupId', 'GUID'],
    [{ setupId: '3fa85f64-5717-4562-b3fc-2c963f66afa6' }, 'setupId', 'not found'],
    [{ setupId: DISABLED_SETUP }, 'setupId', 'disabled'],
    [
      { setupId: FULL_KYC_SETUP, registration: { dateOfBirth: '2021-02-30' } },
      'registration.dateOfBirth',
      'valid date',
    ],
    [
      { setupId: FULL_KYC_SETUP, registration: { dateOfBirth: '14/01/2021' } },
      'registration.dateOfBirth',
      'valid date',
    ],
    [
      { setupId: FULL_KYC_SETUP, registration: { dateOfBirth: '2025-03-11' } },
      'registration.dateOfBirth',
      'future',
    ],
    [
      { setupId: FULL_KYC_SETUP, registration: { phoneNumber: '+37060000000' } },
      'registration.phoneNumber',
      'not a number',
    ],
    [{ setupId: FULL_KYC_SETUP, registration: { phoneNumber: 3.5 } }, 'registration.phoneNumber', 'phone'],
    [{ setupId: FULL_KYC_SETUP, registration: { email: 'ona.example.com' } }, 'registration.email', 'e-mail'],
    [
      { setupId: FULL_KYC_SETUP, registration: { countryCode: 'lt' } },
      'registration.countryCode',
      'two-letter',
    ],
    [
      { setupId: FULL_KYC_SETUP, registration: { countryCode: 'LTU' } },
      'registration.countryCode',
      'two-letter',
    ],
    [{ setupId: FULL_KYC_SETUP, registration: { firstName: 5 } }, 'registration.firstName', 'System.String'],
  ])('rejects %j with an error on %s', async (body, field, text) => {
    const errors = await createErrors(body);
    expect(Object.keys(errors)).toEqual([field]);
    expect(errors[field]?.[0]).toContain(text);
  });

  it('accepts a date of birth of today and a full timestamp', async () => {
    const today = await h.createIdv({ registration: { dateOfBirth: '2025-03-10' } });
    expect(today).toMatch(UUID_V4);
    const stamp = await h.createIdv({ registration: { dateOfBirth: '1990-04-12T00:00:00' } });
    const idv = await h.json<{ registration: { dateOfBirth: string } }>(
      'GET',
      `/v1/identity-verifications/${stamp}`,
    );
    expect(idv.registration.dateOfBirth).toBe('1990-04-12');
  });

  it('reports several fields at once', async () => {
    const errors = await createErrors({ setupId: 'x', registration: { email: 'x', countryCode: 'x' } });
    expect(Object.keys(errors).sort()).toEqual(['registration.countryCode', 'registration.email', 'setupId']);
  });

  it('answers 400 to invalid JSON, an empty body and a non-object; 415 to another media type', async () => {
    expect(Object.keys(await createErrors('{"setupId": '))).toEqual(['$']);
    expect(Object.keys(await createErrors('[1,2]'))).toEqual(['$']);
    const emptyBody = await h.api('POST', '/v1/identity-verifications', { body: '' });
    expect(emptyBody.status).toBe(400);
    const text = await h.api('POST', '/v1/identity-verifications', {
      body: JSON.stringify({ setupId: FULL_KYC_SETUP }),
      headers: { 'content-type': 'text/plain' },
    });
    expect(text.status).toBe(415);
  });

  it('answers 413 to a body over 1 MB and keeps serving', async () => {
    const big = JSON.stringify({
      setupId: FULL_KYC_SETUP,
      externalReferenceId: 'x'.repeat(1024 * 1024 + 10),
    });
    const res = await h.api('POST', '/v1/identity-verifications', { body: big });
    expect(res.status).toBe(413);
    expect((await h.control('GET', '/health')).body).toEqual({ ok: true });
  });
});

describe('reads, routes and methods', () => {
  it('answers 404 problem+json for unknown ids', async () => {
    for (const path of [
      '/v1/identity-verifications/3fa85f64-5717-4562-b3fc-2c963f66afa6',
      '/v1/identity-verifications/not-even-a-guid/setup',
      '/v1/identifications/3fa85f64-5717-4562-b3fc-2c963f66afa6',
    ]) {
      const res = await h.api('GET', path);
      expect(res.status).toBe(404);
      expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(((await res.json()) as { title: string }).title).toBe('Not Found');
    }
  });

  it('answers 404 to an unknown route and 405 with Allow to a wrong method', async () => {
    expect((await h.api('GET', '/v2/identity-verifications')).status).toBe(404);
    const wrong = await h.api('DELETE', '/v1/identity-verifications/3fa85f64-5717-4562-b3fc-2c963f66afa6');
    expect(wrong.status).toBe(405);
    expect(wrong.headers.get('allow')).toBe('GET');
  });

  it('lists the enabled setups with limit and order; the disabled one only when asked', async () => {
    const enabled = await h.json<
      Array<{ id: string; name: string; isDisabled: boolean; webAppSetting: { baseUrl: string } }>
    >('POST', '/v1/identity-verification-setups/filter?limit=100&orderBy=Name&orderDirection=Asc', {});
    expect(enabled.map((s) => s.name)).toEqual(['Document only (no selfie)', 'Full KYC with consent']);
    expect(enabled[0]?.webAppSetting.baseUrl).toBe(h.url);
    const all = await h.json<Array<{ name: string; isDisabled: boolean }>>(
      'POST',
      '/v1/identity-verification-setups/filter?limit=100&orderBy=Name&orderDirection=Asc',
      { includeDisabled: true },
    );
    expect(all.map((s) => s.name)).toEqual([
      'Disabled legacy setup',
      'Document only (no selfie)',
      'Full KYC with consent',
    ]);
    expect(all[0]?.isDisabled).toBe(true);
    const top = await h.json<Array<{ id: string }>>(
      'POST',
      '/v1/identity-verification-setups/filter?limit=1&orderBy=Name&orderDirection=Desc',
      {},
    );
    expect(top.map((s) => s.id)).toEqual([FULL_KYC_SETUP]);
    const bad = await h.api('POST', '/v1/identity-verification-setups/filter?limit=0', { body: {} });
    expect(bad.status).toBe(400);
    const badFlag = await h.api('POST', '/v1/identity-verification-setups/filter', {
      body: { includeDisabled: 'yes' },
    });
    expect(badFlag.status).toBe(400);
  });

  it('lets a plain client create a case with the first setup the filter gives it', async () => {
    // What any integration does first: list the setups the documented way, take the first, create.
    const setups = await h.json<Array<{ id: string }>>(
      'POST',
      '/v1/identity-verification-setups/filter?limit=100&orderBy=Name&orderDirection=Asc',
      {},
    );
    const created = await h.api('POST', '/v1/identity-verifications', {
      body: { setupId: setups[0]?.id, registration: REGISTRATION },
    });
    expect(created.status).toBe(201);
  });

  it("gives setups the fields of Ondato's published client types", async () => {
    const [setup] = await h.json<Array<Record<string, unknown>>>(
      'POST',
      '/v1/identity-verification-setups/filter',
      {},
    );
    expect(setup).toMatchObject({
      applicationId: expect.stringMatching(/^[0-9a-f-]{36}$/),
      webAppSetting: expect.objectContaining({ baseUrl: h.url, defaultLanguage: 'en' }),
      screenSetting: expect.any(Object),
      mobileAppSetting: expect.any(Object),
    });
    // The client's lenient schema keeps all of it.
    expect(idvSetupSchema.parse(setup)).toEqual(setup);
  });

  it('serves the IDV setup and the KYC setup', async () => {
    const id = await h.createIdv({ setupId: DOCUMENT_ONLY_SETUP });
    const setup = await h.json<{ id: string; steps: Array<{ type: string }> }>(
      'GET',
      `/v1/identity-verifications/${id}/setup`,
    );
    expect(setup.id).toBe(DOCUMENT_ONLY_SETUP);
    expect(setup.steps.map((s) => s.type)).toEqual(['KycIdentification']);
    const kycId = kycIdOf(await advance(h, id, 'kyc-start'));
    const kycSetup = await h.json<{ face: { enabled: boolean }; document: { enabled: boolean } }>(
      'GET',
      `/v1/identifications/${kycId}/setup`,
    );
    expect(kycSetup.document.enabled).toBe(true);
    expect(kycSetup.face.enabled).toBe(false);
  });

  it('lists no webhook deliveries while nobody subscribed (webhooks.test.ts covers real ones)', async () => {
    const id = await h.createIdv();
    await advance(h, id, 'decide');
    const hooks = await h.json<unknown[]>('GET', `/v1/identity-verifications/${id}/webhooks`);
    expect(hooks).toEqual([]);
  });
});

describe('PUT /v1/identity-verifications/{id}/redact', () => {
  it('answers 204, blanks personal data and removes the images', async () => {
    const id = await h.createIdv();
    const kycId = kycIdOf(await advance(h, id, 'submit'));
    const before = await h.json<{ document: { files: Array<{ fileId: string }> } }>(
      'GET',
      `/v1/identifications/${kycId}`,
    );
    const fileId = before.document.files[0]?.fileId;

    const res = await h.api('PUT', `/v1/identity-verifications/${id}/redact`, {
      body: { scopes: ['PersonalData', 'BiometricData'] },
    });
    expect(res.status).toBe(204);
    expect(await res.text()).toBe('');

    const idv = await h.json<{ registration: Record<string, unknown> }>(
      'GET',
      `/v1/identity-verifications/${id}`,
    );
    expect(Object.values(idv.registration).every((v) => v === null)).toBe(true);
    const kyc = await h.json<{ document: Record<string, unknown> & { files: unknown[] } }>(
      'GET',
      `/v1/identifications/${kycId}`,
    );
    expect(kyc.document['firstName']).toBeNull();
    expect(kyc.document['documentNumber']).toBeNull();
    expect(kyc.document.files).toEqual([]);
    expect((await h.api('GET', `/v1/identifications/${kycId}/files/${fileId}`)).status).toBe(404);
  });

  it('validates the scopes', async () => {
    const id = await h.createIdv();
    for (const body of [{}, { scopes: [] }, { scopes: ['Everything'] }]) {
      const res = await h.api('PUT', `/v1/identity-verifications/${id}/redact`, { body });
      expect(res.status).toBe(400);
      expect(Object.keys(((await res.json()) as { errors: object }).errors)).toEqual(['scopes']);
    }
  });
});

describe('POST /v1/identifications/filter', () => {
  it('filters by createdUtc and adds X-Total-Count when asked', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      const id = await h.createIdv();
      ids.push(kycIdOf(await advance(h, id, 'kyc-start')));
      h.clock.advance(DAY);
    }
    await h.createIdv(); // no KYC yet: never listed
    const from = new Date(T0 + DAY).toISOString();
    const res = await h.api('POST', '/v1/identifications/filter', {
      body: { createdUtc: { from, to: new Date(T0 + 10 * DAY).toISOString() } },
      headers: { 'return-total-count': 'true' },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('x-total-count')).toBe('2');
    const items = (await res.json()) as Array<{ id: string; status: string }>;
    expect(items.map((k) => k.id)).toEqual(ids.slice(1));
    expect(items[0]?.status).toBe('Awaiting');

    const plain = await h.api('POST', '/v1/identifications/filter', { body: {} });
    expect(plain.headers.get('x-total-count')).toBeNull();
    expect(((await plain.json()) as unknown[]).length).toBe(3);

    const bad = await h.api('POST', '/v1/identifications/filter', {
      body: { createdUtc: { from: 'yesterday' } },
    });
    expect(bad.status).toBe(400);
  });
});
