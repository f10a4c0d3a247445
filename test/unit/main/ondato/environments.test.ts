import { describe, expect, it } from 'vitest';
import {
  checkBaseUrl,
  joinUrl,
  KNOWN_ENDPOINTS,
  resolveEndpoints,
  type OndatoEnvironment,
} from '../../../../src/main/ondato/environments';
import { OndatoError } from '../../../../src/main/ondato/errors';

function fieldsOf(fn: () => unknown): Record<string, string[]> {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(OndatoError);
    if (error instanceof OndatoError) {
      expect(error.code).toBe('validation');
      return error.fields ?? {};
    }
  }
  throw new Error('expected a validation error');
}

describe('resolveEndpoints', () => {
  it('gives the documented production and sandbox hosts', () => {
    expect(resolveEndpoints('production')).toEqual({
      authUrl: 'https://id.ondato.com',
      idvApiUrl: 'https://idvapi.ondato.com',
      kycApiUrl: 'https://kycid.ondato.com',
      customerWebUrl: 'https://idv.ondato.com',
    });
    expect(resolveEndpoints('sandbox')).toEqual({
      authUrl: 'https://sandbox-id.ondato.com',
      idvApiUrl: 'https://sandbox-idvapi.ondato.com',
      kycApiUrl: 'https://sandbox-kycid.ondato.com',
      customerWebUrl: 'https://sandbox-idv.ondato.com',
    });
  });

  it('returns a copy, not the shared defaults', () => {
    const endpoints = resolveEndpoints('production');
    endpoints.authUrl = 'https://changed.example';
    expect(KNOWN_ENDPOINTS.production.authUrl).toBe('https://id.ondato.com');
  });

  it('overrides each role individually and normalises trailing slashes', () => {
    const endpoints = resolveEndpoints('sandbox', {
      kycApiUrl: 'https://kyc.proxy.example/ondato/',
      customerWebUrl: 'https://verify.bank.example/',
    });
    expect(endpoints).toEqual({
      authUrl: 'https://sandbox-id.ondato.com',
      idvApiUrl: 'https://sandbox-idvapi.ondato.com',
      kycApiUrl: 'https://kyc.proxy.example/ondato',
      customerWebUrl: 'https://verify.bank.example',
    });
  });

  it('ignores blank overrides', () => {
    expect(resolveEndpoints('production', { authUrl: '  ', idvApiUrl: '' })).toEqual(
      resolveEndpoints('production'),
    );
  });

  it('uses one base URL for all four roles of the simulator', () => {
    const endpoints = resolveEndpoints('simulator', { baseUrl: 'http://127.0.0.1:54321/' });
    expect(new Set(Object.values(endpoints))).toEqual(new Set(['http://127.0.0.1:54321']));
    expect(resolveEndpoints('simulator', { baseUrl: 'http://[::1]:4010' }).idvApiUrl).toBe(
      'http://[::1]:4010',
    );
    expect(resolveEndpoints('simulator', { baseUrl: 'http://localhost:4010' }).kycApiUrl).toBe(
      'http://localhost:4010',
    );
  });

  it('requires the simulator base URL and a loopback host', () => {
    expect(Object.keys(fieldsOf(() => resolveEndpoints('simulator')))).toEqual(['baseUrl']);
    expect(
      fieldsOf(() => resolveEndpoints('simulator', { baseUrl: 'https://idvapi.ondato.com' })),
    ).toHaveProperty('baseUrl');
    expect(fieldsOf(() => resolveEndpoints('simulator', { baseUrl: 'http://10.0.0.5:4010' }))).toHaveProperty(
      'baseUrl',
    );
  });

  it('refuses plain http for production and sandbox overrides except on loopback', () => {
    const fields = fieldsOf(() => resolveEndpoints('production', { idvApiUrl: 'http://idvapi.ondato.com' }));
    expect(Object.keys(fields)).toEqual(['idvApiUrl']);
    expect(fields.idvApiUrl?.[0]).toMatch(/https/);
    expect(resolveEndpoints('sandbox', { kycApiUrl: 'http://127.0.0.1:8080' }).kycApiUrl).toBe(
      'http://127.0.0.1:8080',
    );
    // 127.0.0.2 or a host that merely starts with localhost is not loopback for us
    expect(
      fieldsOf(() => resolveEndpoints('sandbox', { authUrl: 'http://localhost.evil.example' })),
    ).toHaveProperty('authUrl');
    expect(fieldsOf(() => resolveEndpoints('sandbox', { authUrl: 'http://127.0.0.2' }))).toHaveProperty(
      'authUrl',
    );
  });

  it('reports every bad field at once', () => {
    const fields = fieldsOf(() =>
      resolveEndpoints('production', {
        authUrl: 'ftp://id.ondato.com',
        idvApiUrl: 'not a url',
        kycApiUrl: 'https://user:pw@kycid.ondato.com',
        customerWebUrl: 'https://idv.ondato.com/path',
      }),
    );
    expect(Object.keys(fields).sort()).toEqual(['authUrl', 'customerWebUrl', 'idvApiUrl', 'kycApiUrl']);
  });

  it('refuses credentials, queries and fragments', () => {
    expect(checkBaseUrl('https://a:b@x.example').ok).toBe(false);
    expect(checkBaseUrl('https://x.example/?a=1').ok).toBe(false);
    expect(checkBaseUrl('https://x.example/?').ok).toBe(false);
    expect(checkBaseUrl('https://x.example/#top').ok).toBe(false);
    expect(checkBaseUrl('javascript:alert(1)').ok).toBe(false);
    expect(checkBaseUrl('https://X.Example:8443/api//')).toEqual({
      ok: true,
      url: 'https://x.example:8443/api',
    });
  });

  it('keeps the error message free of the URL', () => {
    try {
      resolveEndpoints('production', { authUrl: 'http://secret-token@evil.example' });
      expect.unreachable();
    } catch (error) {
      expect(String(error)).not.toContain('secret-token');
      expect(String(error)).not.toContain('evil.example');
    }
  });

  it('refuses a customer base with a path that came from a shared base', () => {
    const fields = fieldsOf(() =>
      resolveEndpoints('production', { baseUrl: 'https://proxy.example/ondato' }),
    );
    expect(Object.keys(fields)).toEqual(['customerWebUrl']);
    const ok = resolveEndpoints('production', {
      baseUrl: 'https://proxy.example/ondato',
      customerWebUrl: 'https://idv.ondato.com',
    });
    expect(ok.idvApiUrl).toBe('https://proxy.example/ondato');
  });

  it('refuses an unknown environment name coming from config', () => {
    const fromConfig: OndatoEnvironment = JSON.parse('"staging"');
    expect(Object.keys(fieldsOf(() => resolveEndpoints(fromConfig)))).toEqual(['environment']);
  });
});

describe('joinUrl', () => {
  it('joins base and path with exactly one slash', () => {
    expect(joinUrl('https://a.example', '/v1/x')).toBe('https://a.example/v1/x');
    expect(joinUrl('https://a.example/p/', '/v1/x')).toBe('https://a.example/p/v1/x');
    expect(joinUrl('https://a.example', 'v1/x')).toBe('https://a.example/v1/x');
  });
});
