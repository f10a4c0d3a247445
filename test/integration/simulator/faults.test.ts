import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { harness, type Harness } from './helpers';

let h: Harness;
let idvPath: string;
beforeEach(async () => {
  h = await harness();
  idvPath = `/v1/identity-verifications/${await h.createIdv()}`;
});
afterEach(async () => {
  await h.stop();
});

async function fault(rule: Record<string, unknown>): Promise<string> {
  const res = await h.control<{ id: string }>('POST', '/faults', rule);
  expect(res.status).toBe(200);
  return res.body.id;
}

describe('fault injection', () => {
  it('delays a response by latencyMs', async () => {
    await fault({ route: 'idv.get', kind: 'latency', latencyMs: 300 });
    const started = performance.now();
    const res = await h.api('GET', idvPath);
    expect(res.status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(290);
  });

  it('answers 429 with Retry-After, then serves again after `times`', async () => {
    await fault({ route: 'idv.get', kind: 'status', status: 429, retryAfter: 7, times: 2 });
    for (let i = 0; i < 2; i++) {
      const res = await h.api('GET', idvPath);
      expect(res.status).toBe(429);
      expect(res.headers.get('retry-after')).toBe('7');
      expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    }
    expect((await h.api('GET', idvPath)).status).toBe(200);
    expect((await h.control('GET', '/faults')).body).toEqual([]);
  });

  it('answers 500 and 503 and does not run the handler', async () => {
    await fault({ route: 'idv.create', kind: 'status', times: 1 });
    await fault({ route: 'token', kind: 'status', status: 503, retryAfter: 1, times: 1 });
    const create = await h.api('POST', '/v1/identity-verifications', { body: { setupId: 'whatever' } });
    expect(create.status).toBe(500);
    await expect(h.token()).rejects.toThrow(/503/);
    await expect(h.token()).resolves.toMatch(/^[0-9A-F]{64}$/);
  });

  it('drops the connection without a response', async () => {
    await fault({ route: 'idv.get', kind: 'drop', times: 1 });
    await expect(h.api('GET', idvPath)).rejects.toThrow();
    expect((await h.api('GET', idvPath)).status).toBe(200);
  });

  it('answers 200 with truncated JSON, an HTML login page, or nothing', async () => {
    await fault({ route: 'idv.get', kind: 'malformed', times: 1 });
    await fault({ route: 'idv.get', kind: 'html', times: 1 });
    await fault({ route: 'idv.get', kind: 'empty', times: 1 });

    const malformed = await h.api('GET', idvPath);
    expect(malformed.status).toBe(200);
    expect(malformed.headers.get('content-type')).toMatch(/^application\/json/);
    const text = await malformed.text();
    expect(() => JSON.parse(text)).toThrow();

    const page = await h.api('GET', idvPath);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await page.text()).toContain('<form');

    const nothing = await h.api('GET', idvPath);
    expect(nothing.status).toBe(200);
    expect(await nothing.text()).toBe('');

    expect((await h.api('GET', idvPath)).status).toBe(200);
  });

  it('only hits its route; "*" hits every Ondato route but not the control routes', async () => {
    await fault({ route: 'kyc.get', kind: 'status', status: 502 });
    expect((await h.api('GET', idvPath)).status).toBe(200);
    expect((await h.api('GET', '/v1/identifications/3fa85f64-5717-4562-b3fc-2c963f66afa6')).status).toBe(502);
    await h.control('DELETE', '/faults');
    await fault({ kind: 'status', status: 503 });
    expect((await h.api('GET', idvPath)).status).toBe(503);
    expect((await h.control('GET', '/health')).status).toBe(200);
    expect((await h.control('DELETE', '/faults')).status).toBe(200);
    expect((await h.api('GET', idvPath)).status).toBe(200);
  });

  it('fires with the seeded probability', async () => {
    await fault({ route: 'idv.get', kind: 'status', status: 500, probability: 0.5 });
    const statuses: number[] = [];
    for (let i = 0; i < 40; i++) statuses.push((await h.api('GET', idvPath)).status);
    const failures = statuses.filter((s) => s === 500).length;
    expect(failures).toBeGreaterThan(8);
    expect(failures).toBeLessThan(32);

    // Same seed, same calls: the same requests fail.
    const other = await harness();
    try {
      const otherPath = `/v1/identity-verifications/${await other.createIdv()}`;
      await other.control('POST', '/faults', {
        route: 'idv.get',
        kind: 'status',
        status: 500,
        probability: 0.5,
      });
      const again: number[] = [];
      for (let i = 0; i < 40; i++) again.push((await other.api('GET', otherPath)).status);
      expect(again).toEqual(statuses);
    } finally {
      await other.stop();
    }
  });

  it('validates fault rules', async () => {
    for (const rule of [
      {},
      { kind: 'explode' },
      { kind: 'status', route: 'nowhere' },
      { kind: 'status', probability: 2 },
      { kind: 'status', times: 0 },
    ]) {
      const res = await h.control('POST', '/faults', rule);
      expect(res.status).toBe(400);
    }
    expect(() => h.sim.control.addFault({ kind: 'status', status: 99 })).toThrow(/status/);
  });

  it('works in-process through sim.control', async () => {
    const { id } = h.sim.control.addFault({ route: 'idv.get', kind: 'status', status: 504, times: 1 });
    expect(h.sim.control.faults().map((f) => f.id)).toEqual([id]);
    expect((await h.api('GET', idvPath)).status).toBe(504);
    expect(h.sim.control.faults()).toEqual([]);
  });
});

describe('request log and counters', () => {
  it('records method, path, route, status and faults — never bodies or tokens', async () => {
    await h.control('DELETE', '/requests');
    await fault({ route: 'idv.get', kind: 'drop', times: 1 });
    await h.api('GET', idvPath).catch(() => undefined);
    await h.api('GET', idvPath);
    await h.api('GET', '/v1/nothing-here');
    const secretBody = { setupId: 'bad', registration: { firstName: 'SecretName' } };
    await h.api('POST', '/v1/identity-verifications', { body: secretBody });

    const log = (await h.control<Array<Record<string, unknown>>>('GET', '/requests')).body;
    expect(log.map(({ at: _at, ...rest }) => rest)).toEqual([
      { method: 'GET', path: idvPath, route: 'idv.get', status: 0, faulted: true, fault: 'drop' },
      { method: 'GET', path: idvPath, route: 'idv.get', status: 200 },
      { method: 'GET', path: '/v1/nothing-here', route: 'unknown', status: 404 },
      { method: 'POST', path: '/v1/identity-verifications', route: 'idv.create', status: 400 },
    ]);
    const serialized = JSON.stringify(log);
    expect(serialized).not.toContain('SecretName');
    expect(serialized).not.toMatch(/[0-9A-F]{64}/);
    expect(log[0]?.['at']).toBe(new Date(h.clock.now()).toISOString());

    expect((await h.control('GET', '/counters')).body).toEqual({
      total: 4,
      byRoute: { 'idv.get': 2, unknown: 1, 'idv.create': 1 },
      byStatus: { '0': 1, '200': 1, '404': 1, '400': 1 },
    });
    expect(h.sim.control.counters().total).toBe(4);

    await h.control('DELETE', '/requests');
    expect((await h.control('GET', '/requests')).body).toEqual([]);
    expect((await h.control('GET', '/counters')).body).toEqual({ total: 0, byRoute: {}, byStatus: {} });
  });

  it('reset forgets IDVs, faults and tokens', async () => {
    const token = await h.token();
    await fault({ route: 'setups', kind: 'status', status: 500 });
    expect((await h.control('POST', '/reset')).status).toBe(200);
    expect((await h.api('GET', idvPath, { token })).status).toBe(401);
    const fresh = await h.token();
    expect(fresh).not.toBe(token);
    expect((await h.api('GET', idvPath, { token })).status).toBe(401);
    expect((await h.api('GET', idvPath, { token: fresh })).status).toBe(404);
    expect(
      (await h.api('POST', '/v1/identity-verification-setups/filter', { token: fresh, body: {} })).status,
    ).toBe(200);
  });
});
