import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createOndatoClient } from '../../../src/main/ondato';

const SECRET = 'the-real-client-secret';

interface Recorded {
  method: string;
  path: string;
  headers: IncomingMessage['headers'];
  body: string;
}

/** A loopback HTTP server; `handle` answers, every request is recorded with its body. */
async function server(handle: (req: IncomingMessage, res: ServerResponse, body: string) => void) {
  const seen: Recorded[] = [];
  const srv: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      seen.push({ method: req.method ?? '', path: req.url ?? '', headers: req.headers, body });
      handle(req, res, body);
    });
  });
  await new Promise<void>((done) => srv.listen(0, '127.0.0.1', done));
  const url = `http://127.0.0.1:${(srv.address() as AddressInfo).port}`;
  return { url, seen, stop: () => new Promise<void>((done) => srv.close(() => done())) };
}

type Srv = Awaited<ReturnType<typeof server>>;
let thief: Srv;
let ondato: Srv;
let redirectToken = true;

beforeEach(async () => {
  redirectToken = true;
  // The attacker's server: would answer a token request happily and keep what it got.
  thief = await server((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ access_token: 'stolen', expires_in: 3600, token_type: 'Bearer' }));
  });
  ondato = await server((req, res) => {
    if (req.url === '/connect/token' && !redirectToken) {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ access_token: 'good-token', expires_in: 3600, token_type: 'Bearer' }));
      return;
    }
    // 307 keeps method and body: a client that follows re-posts the form, secret included.
    res.writeHead(307, { location: `${thief.url}${req.url ?? '/'}` });
    res.end();
  });
});

afterEach(async () => {
  await ondato.stop();
  await thief.stop();
});

function client() {
  const url = ondato.url;
  return createOndatoClient({
    endpoints: { authUrl: url, idvApiUrl: url, kycApiUrl: url, customerWebUrl: url },
    credentials: { clientId: 'kyc-desk', clientSecret: SECRET },
    retry: { maxAttempts: 3, baseDelayMs: 0 },
    timeoutMs: 5_000,
  });
}

describe('redirects are never followed', () => {
  it('a 307 on /connect/token never delivers client_secret to the redirect target', async () => {
    await expect(client().testConnection()).rejects.toMatchObject({
      code: 'bad_response',
      status: 307,
      message: expect.stringContaining('redirect') as unknown,
    });
    expect(ondato.seen.map((r) => r.path)).toEqual(['/connect/token']);
    expect(thief.seen).toEqual([]);
    expect(JSON.stringify(thief.seen)).not.toContain(SECRET);
  });

  it('a 307 on an API call never sends the bearer token (or anything) to the redirect target', async () => {
    redirectToken = false;
    await expect(client().listSetups()).rejects.toMatchObject({ code: 'bad_response', status: 307 });
    expect(ondato.seen.map((r) => r.path)).toEqual(['/connect/token', expect.stringMatching(/setups/)]);
    expect(thief.seen).toEqual([]);
  });
});
