import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Simulator } from '../../../src/simulator';
import type { OndatoClient } from '../../../src/main/ondato/client';
import { resolveEndpoints } from '../../../src/main/ondato/environments';
import {
  clientFor,
  DISABLED_SETUP,
  FULL_KYC_SETUP,
  READONLY,
  rejection,
  type SimControl,
  startSim,
  submittedIdv,
} from './harness';

let sim: Simulator;
let control: SimControl;
let client: OndatoClient;

beforeAll(async () => {
  ({ sim, control } = await startSim(7));
  client = clientFor(sim);
});
afterAll(async () => {
  await sim.stop();
});
beforeEach(async () => {
  await control.call('POST', '/reset');
  await control.clearRequests();
});

describe('error codes from the simulator', () => {
  it('auth_failed: wrong secret, not retried, secret not in the message', async () => {
    const wrong = clientFor(sim, {
      credentials: { clientId: 'kyc-desk-demo', clientSecret: 'wrong-secret-123' },
    });
    const error = await rejection(wrong.testConnection());
    expect(error).toMatchObject({ code: 'auth_failed', status: 400, retryable: false });
    expect(error.message).not.toContain('wrong-secret-123');
    expect(await control.counters()).toMatchObject({ total: 1, byRoute: { token: 1 } });
  });

  it('auth_failed: unknown client id', async () => {
    const unknown = clientFor(sim, { credentials: { clientId: 'nobody', clientSecret: 'x' } });
    expect((await rejection(unknown.listSetups())).code).toBe('auth_failed');
  });

  it('forbidden: a read-only client creating an IDV, sent once', async () => {
    const readonly = clientFor(sim, { credentials: READONLY });
    expect((await readonly.listSetups()).length).toBeGreaterThan(0); // reading is allowed
    const error = await rejection(readonly.createIdv({ setupId: FULL_KYC_SETUP }));
    expect(error).toMatchObject({ code: 'forbidden', status: 403, retryable: false });
    expect(error.message).toContain('create IDV');
    expect(await control.countAnswered('idv.create')).toBe(1);
  });

  it('forbidden: an unknown scope asked for at sign-in', async () => {
    const scoped = clientFor(sim, { scope: 'admin_api' });
    expect((await rejection(scoped.listSetups())).code).toBe('forbidden');
  });

  it('not_found: unknown IDV, KYC and file', async () => {
    const missing = '00000000-0000-4000-8000-000000000000';
    expect(await rejection(client.getIdv(missing))).toMatchObject({ code: 'not_found', status: 404 });
    expect((await rejection(client.getIdvSetup(missing))).code).toBe('not_found');
    expect((await rejection(client.getKyc(missing))).code).toBe('not_found');
    expect((await rejection(client.getKycSetup(missing))).code).toBe('not_found');
    const { kycId } = await submittedIdv(client, control);
    expect((await rejection(client.getKycFile(kycId, missing))).code).toBe('not_found');
    expect(await control.countAnswered('idv.get')).toBe(2); // one for the miss, one inside submittedIdv: no retries
  });

  it('validation: server-side field messages for what only Ondato can know', async () => {
    const disabled = await rejection(client.createIdv({ setupId: DISABLED_SETUP }));
    expect(disabled).toMatchObject({ code: 'validation', status: 400 });
    expect(Object.keys(disabled.fields ?? {})).toEqual(['setupId']);
    expect(disabled.fields?.setupId?.[0]).toMatch(/disabled/i);

    const future = await rejection(
      client.createIdv({ setupId: FULL_KYC_SETUP, registration: { dateOfBirth: '2999-01-01' } }),
    );
    expect(future.code).toBe('validation');
    expect(future.fields).toEqual({ 'registration.dateOfBirth': [expect.stringMatching(/future/)] });
    expect(future.message).not.toContain('2999');
    expect(await control.countAnswered('idv.create')).toBe(2);
  });

  it('validation: a malformed request is refused before it is sent', async () => {
    const error = await rejection(
      client.createIdv({ setupId: FULL_KYC_SETUP, registration: { email: 'not-mail' } }),
    );
    expect(error.fields).toHaveProperty(['registration.email']);
    expect((await control.counters()).total).toBe(0);
  });

  it('network: the simulator has stopped', async () => {
    const { sim: gone } = await startSim(1);
    const orphan = clientFor(gone);
    await gone.stop();
    const error = await rejection(orphan.listSetups());
    expect(error).toMatchObject({ code: 'network', retryable: true });
    expect(error.message).toMatch(/Could not reach Ondato/);
  });

  it('network: a create whose connection is refused is retried (nothing was sent), then fails', async () => {
    const { sim: gone } = await startSim(1);
    await gone.stop(); // its port now refuses connections
    let creates = 0;
    const split = clientFor(sim, {
      endpoints: resolveEndpoints('simulator', { baseUrl: sim.url, idvApiUrl: gone.url }),
      fetch: (url, init) => {
        if (url.startsWith(gone.url)) creates += 1;
        return fetch(url, init);
      },
    });
    const error = await rejection(split.createIdv({ setupId: FULL_KYC_SETUP }));
    expect(error.code).toBe('network');
    expect(creates).toBe(3);
    expect(await control.countAnswered('token')).toBe(1);
  });
});
