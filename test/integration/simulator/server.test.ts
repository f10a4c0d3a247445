import http from 'node:http';
import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { SimulatorError, startSimulator } from '../../../src/simulator';
import { advance, harness, kycIdOf, UUID_V4, type Harness } from './helpers';

const started: Harness[] = [];
async function start(seed: number, options: Parameters<typeof harness>[0] = {}): Promise<Harness> {
  const h = await harness({ seed, ...options });
  started.push(h);
  return h;
}
afterEach(async () => {
  await Promise.all(started.splice(0).map((h) => h.stop()));
});

/** The same calls against a simulator; returns everything it answered. */
async function script(h: Harness): Promise<unknown[]> {
  const out: unknown[] = [await h.token()];
  for (let i = 0; i < 3; i++) {
    const id = await h.createIdv();
    const idv = await advance(h, id, i === 0 ? 'decide' : 'submit');
    const kyc = await h.json('GET', `/v1/identifications/${kycIdOf(idv)}`);
    out.push(id, idv, kyc, await h.json('GET', `/v1/identity-verifications/${id}/webhooks`));
  }
  const problem = await h.api('GET', '/v1/identity-verifications/3fa85f64-5717-4562-b3fc-2c963f66afa6');
  out.push(await problem.json());
  return out;
}

describe('determinism', () => {
  it('two simulators with the same seed answer the same calls identically', async () => {
    const a = await script(await start(99));
    const b = await script(await start(99));
    expect(b).toEqual(a);
    expect(a[1]).toMatch(UUID_V4);
  });

  it('another seed gives other ids', async () => {
    const a = await start(1);
    const b = await start(2);
    expect(await a.createIdv()).not.toBe(await b.createIdv());
  });

  it('after a reset, ids start over as in a fresh simulator', async () => {
    const h = await start(5);
    const first = await h.createIdv();
    await h.createIdv();
    h.sim.control.reset();
    expect(await h.createIdv()).toBe(first);
  });
});

describe('in-process control', () => {
  it('runs the same operations as the HTTP routes and throws SimulatorError', async () => {
    const h = await start(3);
    const id = await h.createIdv();
    const idv = h.sim.control.advance(id, 'kyc-start');
    expect(idv.status).toBe('InProgress');
    expect(idv.step?.kycIdentification?.id).toMatch(UUID_V4);
    expect(h.sim.control.health()).toEqual({ ok: true });
    let error: unknown;
    try {
      h.sim.control.advance(id, 'open');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(SimulatorError);
    expect((error as SimulatorError).status).toBe(409);
    expect(() => h.sim.control.advance('3fa85f64-5717-4562-b3fc-2c963f66afa6', 'open')).toThrow(
      /No identity verification/,
    );
  });
});

describe('server', () => {
  it('stop() closes keep-alive connections promptly', async () => {
    const sim = await startSimulator({ seed: 1 });
    const agent = new http.Agent({ keepAlive: true });
    const get = (): Promise<number> =>
      new Promise((resolve, reject) => {
        http
          .get(`${sim.url}/__sim/health`, { agent }, (res) => {
            res.resume();
            res.on('end', () => resolve(res.statusCode ?? 0));
          })
          .on('error', reject);
      });
    expect(await get()).toBe(200);
    // A client stuck half-way through its request headers: server.close() alone would wait for it
    // (Node's headersTimeout, a minute, past this test's timeout), so stop() must cut it.
    const { port } = new URL(sim.url);
    const stuck = net.connect(Number(port), '127.0.0.1');
    stuck.on('error', () => undefined); // the reset is the point
    await new Promise<void>((resolve) => stuck.once('connect', () => resolve()));
    stuck.write('GET /__sim/health HTTP/1.1\r\nHost: 127.0.0.1\r\n');
    const cut = new Promise<void>((resolve) => stuck.once('close', () => resolve()));
    await sim.stop();
    await cut;
    await sim.stop(); // idempotent
    await expect(get()).rejects.toThrow();
    agent.destroy();
  });

  it('binds loopback only', async () => {
    await expect(startSimulator({ host: '0.0.0.0' })).rejects.toThrow(/loopback/);
    const sim = await startSimulator({ host: '127.0.0.1', port: 0 });
    expect(sim.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    await sim.stop();
  });

  it('survives garbage: bad encodings, broken HTTP, aborted uploads', async () => {
    const h = await start(4);
    expect((await h.api('GET', '/v1/identity-verifications/%E0%A4%A')).status).toBe(404);

    const reply = await new Promise<string>((resolve) => {
      const socket = net.connect(Number(new URL(h.url).port), '127.0.0.1', () =>
        socket.write('NONSENSE\r\n\r\n'),
      );
      let data = '';
      socket.on('data', (chunk) => (data += chunk.toString()));
      socket.on('close', () => resolve(data));
      socket.on('error', () => resolve(data));
    });
    expect(reply).toMatch(/^HTTP\/1\.1 400/);

    await new Promise<void>((resolve) => {
      const socket = net.connect(Number(new URL(h.url).port), '127.0.0.1', () => {
        socket.write(
          'POST /v1/identity-verifications HTTP/1.1\r\nHost: x\r\nContent-Length: 1000\r\n\r\n{"setup',
        );
        socket.destroy();
        resolve();
      });
    });
    expect((await h.control('GET', '/health')).body).toEqual({ ok: true });
  });

  it('adds the latencyMs option to every API response but not to control routes', async () => {
    const h = await start(6, { latencyMs: 250 });
    const t = performance.now();
    await h.api('POST', '/v1/identity-verification-setups/filter', { body: {} });
    expect(performance.now() - t).toBeGreaterThanOrEqual(240);
    // With a minute of latency (past the test's timeout) a control route still answers: it is not delayed.
    const slow = await startSimulator({ port: 0, seed: 7, latencyMs: 60_000 });
    try {
      const res = await fetch(`${slow.url}/__sim/health`);
      expect(await res.json()).toEqual({ ok: true });
    } finally {
      await slow.stop();
    }
  });
});
