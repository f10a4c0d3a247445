import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Simulator } from '../../../src/simulator';
import type { OndatoClient } from '../../../src/main/ondato/client';
import type { FetchLike } from '../../../src/main/ondato/http';
import {
  clientFor,
  FULL_KYC_SETUP,
  memoryLogger,
  rejection,
  type SimControl,
  type SimRequestEntry,
  startSim,
  submittedIdv,
} from './harness';

let sim: Simulator;
let control: SimControl;
let client: OndatoClient;
let idvId: string;
let kycId: string;
const logger = memoryLogger();

beforeAll(async () => {
  ({ sim, control } = await startSim(11));
  client = clientFor(sim, { logger });
  ({ idvId, kycId } = await submittedIdv(client, control));
});
afterAll(async () => {
  await sim.stop();
});
beforeEach(async () => {
  await control.clearFaults();
  await client.listSetups(); // token cached before the log is cleared
  await control.clearRequests();
});

async function log(route: string): Promise<SimRequestEntry[]> {
  return (await control.requests()).filter((r) => r.route === route);
}

/**
 * Counts the requests a client sends, as it sends them (the simulator logs a delayed request only once
 * its delay is over, so its log cannot say when the client is done).
 */
function countingFetch(): { fetch: FetchLike; sent(method: string, path: string): number } {
  const calls: string[] = [];
  return {
    fetch: (url, init) => {
      calls.push(`${init.method ?? 'GET'} ${new URL(url).pathname}`);
      return fetch(url, init);
    },
    sent: (method, path) => calls.filter((call) => call === `${method} ${path}`).length,
  };
}

describe('rate limiting', () => {
  it('waits for Retry-After, then succeeds', async () => {
    await control.fault({ route: 'idv.get', kind: 'status', status: 429, retryAfter: 1, times: 1 });
    const started = Date.now();
    expect((await client.getIdv(idvId)).id).toBe(idvId);
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    expect((await log('idv.get')).map((r) => [r.status, r.faulted ?? false])).toEqual([
      [429, true],
      [200, false],
    ]);
  });

  it('gives up at once with rate_limited when Retry-After is beyond the cap', async () => {
    await control.fault({ route: 'idv.get', kind: 'status', status: 429, retryAfter: 600 });
    const waits: number[] = [];
    const recording = clientFor(sim, { logger, sleep: async (ms) => void waits.push(ms) });
    await recording.listSetups();
    await control.clearRequests();
    const error = await rejection(recording.getIdv(idvId));
    expect(error).toMatchObject({
      code: 'rate_limited',
      status: 429,
      retryAfterMs: 600_000,
      retryable: true,
    });
    expect(error.message).toContain('10 minutes');
    expect(waits).toEqual([]); // no wait at all, let alone 10 minutes
    expect(await log('idv.get')).toHaveLength(1);
  });

  it('stops after the attempt limit when the limit does not lift', async () => {
    await control.fault({ route: 'kyc.get', kind: 'status', status: 429, retryAfter: 0 });
    expect((await rejection(client.getKyc(kycId))).code).toBe('rate_limited');
    expect(await log('kyc.get')).toHaveLength(3);
  });

  it('never repeats a create that was rate limited', async () => {
    await control.fault({ route: 'idv.create', kind: 'status', status: 429, retryAfter: 1 });
    expect((await rejection(client.createIdv({ setupId: FULL_KYC_SETUP }))).code).toBe('rate_limited');
    expect(await log('idv.create')).toHaveLength(1);
  });
});

describe('server errors', () => {
  it('does not retry a 500', async () => {
    await control.fault({ route: 'idv.get', kind: 'status', status: 500 });
    expect(await rejection(client.getIdv(idvId))).toMatchObject({
      code: 'server',
      status: 500,
      retryable: true,
    });
    expect(await log('idv.get')).toHaveLength(1);
  });

  it('retries a 503 and recovers', async () => {
    await control.fault({ route: 'kyc.filter', kind: 'status', status: 503, times: 2 });
    const result = await client.filterKyc({});
    expect(result.items.map((k) => k.id)).toEqual([kycId]);
    expect((await log('kyc.filter')).map((r) => r.status)).toEqual([503, 503, 200]);
  });

  it('gives server after three 503s', async () => {
    await control.fault({ route: 'setups', kind: 'status', status: 503 });
    expect(await rejection(client.listSetups())).toMatchObject({ code: 'server', status: 503 });
    expect(await log('setups')).toHaveLength(3);
  });

  it('never retries a create on 503 (the IDV may exist)', async () => {
    await control.fault({ route: 'idv.create', kind: 'status', status: 503, retryAfter: 0 });
    expect((await rejection(client.createIdv({ setupId: FULL_KYC_SETUP }))).code).toBe('server');
    expect(await log('idv.create')).toHaveLength(1);
  });

  it('retries a 503 from the token endpoint', async () => {
    const fresh = clientFor(sim);
    await control.fault({ route: 'token', kind: 'status', status: 503, times: 1 });
    await fresh.listSetups();
    expect((await log('token')).map((r) => r.status)).toEqual([503, 200]);
  });
});

describe('network and timeouts', () => {
  it('network: a dropped connection is retried, then reported', async () => {
    await control.fault({ route: 'idv.get', kind: 'drop' });
    expect(await rejection(client.getIdv(idvId))).toMatchObject({ code: 'network', retryable: true });
    expect((await log('idv.get')).map((r) => r.status)).toEqual([0, 0, 0]);
  });

  it('network: one dropped connection is healed by the retry', async () => {
    await control.fault({ route: 'kyc.file', kind: 'drop', times: 1 });
    const fileId = (await client.getKyc(kycId)).document?.files?.[0]?.fileId ?? '';
    expect((await client.getKycFile(kycId, fileId)).mime).toBe('image/jpeg');
    expect((await log('kyc.file')).map((r) => r.status)).toEqual([0, 200]);
  });

  it('network: a create whose connection dropped is not repeated', async () => {
    await control.fault({ route: 'idv.create', kind: 'drop' });
    expect((await rejection(client.createIdv({ setupId: FULL_KYC_SETUP }))).code).toBe('network');
    expect(await log('idv.create')).toHaveLength(1);
  });

  it('timeout: a slow answer beyond the per-attempt timeout', async () => {
    const counter = countingFetch();
    const impatient = clientFor(sim, {
      timeoutMs: 150,
      retry: { maxAttempts: 2, baseDelayMs: 1, maxDelayMs: 1 },
      fetch: counter.fetch,
    });
    await impatient.listSetups();
    await control.fault({ route: 'idv.get', kind: 'latency', latencyMs: 60_000 });
    // The full answer would take a minute (past the test's timeout): a `timeout` error proves the client
    // gave up on its own, after exactly its two attempts.
    expect(await rejection(impatient.getIdv(idvId))).toMatchObject({ code: 'timeout', retryable: true });
    expect(counter.sent('GET', `/v1/identity-verifications/${idvId}`)).toBe(2);
    await control.clearFaults();
  });

  it('timeout: a slow create is not repeated', async () => {
    const counter = countingFetch();
    const impatient = clientFor(sim, { timeoutMs: 150, fetch: counter.fetch });
    await impatient.listSetups();
    await control.fault({ route: 'idv.create', kind: 'latency', latencyMs: 400 });
    expect((await rejection(impatient.createIdv({ setupId: FULL_KYC_SETUP }))).code).toBe('timeout');
    // Every attempt is sent before the rejection: what the client sent is final here.
    expect(counter.sent('POST', '/v1/identity-verifications')).toBe(1);
  });

  it('a latency below the timeout is fine', async () => {
    await control.fault({ route: 'idv.get', kind: 'latency', latencyMs: 100 });
    expect((await client.getIdv(idvId)).id).toBe(idvId);
  });
});

describe('bad responses', () => {
  it.each(['malformed', 'html', 'empty'])('bad_response for a %s body, not retried', async (kind) => {
    await control.fault({ route: 'idv.get', kind, times: 1 });
    expect(await rejection(client.getIdv(idvId))).toMatchObject({ code: 'bad_response', status: 200 });
    expect(await log('idv.get')).toHaveLength(1);
    expect((await client.getIdv(idvId)).id).toBe(idvId); // the next call is fine
  });

  it('bad_response when an HTML login page comes instead of an image', async () => {
    const fileId = (await client.getKyc(kycId)).document?.files?.[0]?.fileId ?? '';
    await control.fault({ route: 'kyc.file', kind: 'html', times: 1 });
    expect((await rejection(client.getKycFile(kycId, fileId))).code).toBe('bad_response');
    await control.fault({ route: 'kyc.file', kind: 'empty', times: 1 });
    expect((await rejection(client.getKycFile(kycId, fileId))).code).toBe('bad_response');
  });

  it('bad_response for a malformed token answer', async () => {
    await control.fault({ route: 'token', kind: 'malformed', times: 1 });
    expect((await rejection(clientFor(sim).listSetups())).code).toBe('bad_response');
  });

  it('logged nothing but shapes: no bodies, no tokens', () => {
    const text = logger.lines.join('\n');
    expect(text).not.toContain('Corporate network');
    expect(text).not.toContain('Sign in');
    expect(text).not.toContain('demo-secret');
    expect(text).not.toMatch(/[0-9A-F]{64}/);
  });
});
