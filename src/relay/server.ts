import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseEnvelope } from './envelope';
import { StoreUnavailable, type EventStore } from './store';
import { issueToken, safeEqual, verifyToken } from './tokens';

/*
 * `kyc-desk relay`: Ondato's webhook receiver for a team, run behind the team's HTTPS reverse proxy.
 * It authenticates the delivery, validates the envelope, stores the event once in the team database and
 * answers at once. A request that can never succeed gets a 4xx (Ondato must not retry it forever); a
 * database outage gets 503 (Ondato retries). Nothing about the payload is logged.
 */
export type RelayAuth =
  | { mode: 'basic'; username: string; password: string }
  | { mode: 'oauth2'; clientId: string; clientSecret: string };

export interface RelayLog {
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
}

export interface RelayOptions {
  store: EventStore;
  auth: RelayAuth;
  /** Where Ondato posts; the token endpoint is `tokenPath`. */
  path?: string;
  tokenPath?: string;
  maxBodyBytes?: number;
  /** Allowed client addresses (empty: any). */
  allowIps?: readonly string[];
  /** Take the client address from the last X-Forwarded-For entry (the trusted proxy's own). */
  trustProxy?: boolean;
  log?: RelayLog;
  now?: () => number;
}

/** Ondato's documented source addresses, for `--allow-ondato-ips`. */
export const ONDATO_SOURCE_IPS = [
  '20.31.10.47',
  '20.31.227.231',
  '20.76.229.117',
  '20.76.229.248',
  '213.226.187.101',
];

export const DEFAULT_MAX_BODY = 1024 * 1024;

class HttpProblem extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

function send(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    'cache-control': 'no-store',
    ...headers,
  });
  res.end(text);
}

function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? '0');
    if (declared > limit) {
      reject(new HttpProblem(413, `The body is larger than ${limit} bytes.`));
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.removeAllListeners('data');
        req.resume();
        reject(new HttpProblem(413, `The body is larger than ${limit} bytes.`));
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function clientAddress(req: IncomingMessage, trustProxy: boolean): string {
  const direct = (req.socket.remoteAddress ?? '').replace(/^::ffff:/, '');
  if (!trustProxy) return direct;
  const forwarded = String(req.headers['x-forwarded-for'] ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  return (forwarded.at(-1) ?? direct).replace(/^::ffff:/, '');
}

function credentialsFromBasic(header: string | undefined): { user: string; pass: string } | null {
  const match = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header ?? '');
  if (!match?.[1]) return null;
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return null;
  return { user: decoded.slice(0, colon), pass: decoded.slice(colon + 1) };
}

export function createRelayServer(options: RelayOptions): Server {
  const path = options.path ?? '/ondato/webhooks';
  const tokenPath = options.tokenPath ?? '/oauth/token';
  const limit = options.maxBodyBytes ?? DEFAULT_MAX_BODY;
  const allow = new Set(options.allowIps ?? []);
  const now = options.now ?? Date.now;
  const log = options.log;

  function authorise(req: IncomingMessage): void {
    const auth = options.auth;
    if (auth.mode === 'basic') {
      const given = credentialsFromBasic(req.headers.authorization);
      const userOk = given !== null && safeEqual(given.user, auth.username);
      const passOk = given !== null && safeEqual(given.pass, auth.password);
      if (!userOk || !passOk) {
        throw new HttpProblem(401, 'Authentication required.', {
          'www-authenticate': 'Basic realm="kyc-desk relay"',
        });
      }
      return;
    }
    const match = /^Bearer\s+(\S+)\s*$/i.exec(req.headers.authorization ?? '');
    if (!match?.[1] || !verifyToken(auth.clientSecret, match[1], now())) {
      throw new HttpProblem(401, 'A valid bearer token is required.', {
        'www-authenticate': 'Bearer realm="kyc-desk relay", error="invalid_token"',
      });
    }
  }

  async function token(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const auth = options.auth;
    if (auth.mode !== 'oauth2') throw new HttpProblem(404, 'Not found.');
    const body = new URLSearchParams((await readBody(req, 8 * 1024)).toString('utf8'));
    const basic = credentialsFromBasic(req.headers.authorization);
    const clientId = basic?.user ?? body.get('client_id') ?? '';
    const clientSecret = basic?.pass ?? body.get('client_secret') ?? '';
    if (body.get('grant_type') !== 'client_credentials') {
      send(res, 400, { error: 'unsupported_grant_type' });
      return;
    }
    if (!safeEqual(clientId, auth.clientId) || !safeEqual(clientSecret, auth.clientSecret)) {
      send(res, 401, { error: 'invalid_client' }, { 'www-authenticate': 'Basic realm="kyc-desk relay"' });
      return;
    }
    const issued = issueToken(auth.clientSecret, now());
    send(res, 200, { access_token: issued.token, token_type: 'Bearer', expires_in: issued.expiresIn });
  }

  async function webhook(req: IncomingMessage, res: ServerResponse): Promise<string> {
    authorise(req);
    const type = String(req.headers['content-type'] ?? '');
    if (!/json/i.test(type)) throw new HttpProblem(415, 'The body must be JSON.');
    const raw = await readBody(req, limit);
    let parsed: unknown;
    try {
      parsed = JSON.parse(raw.toString('utf8'));
    } catch {
      throw new HttpProblem(400, 'The body is not valid JSON.');
    }
    const envelope = parseEnvelope(parsed);
    if (!envelope.ok) throw new HttpProblem(422, envelope.problem);
    const outcome = await options.store.record(envelope.event);
    send(res, 200, { received: true, duplicate: outcome === 'duplicate' });
    return outcome;
  }

  return createServer((req, res) => {
    const started = now();
    const url = (req.url ?? '/').split('?')[0];
    const address = clientAddress(req, options.trustProxy ?? false);
    let outcome = '';
    const handle = async (): Promise<void> => {
      if (url === '/healthz') {
        if (req.method !== 'GET' && req.method !== 'HEAD')
          throw new HttpProblem(405, 'Use GET.', { allow: 'GET' });
        const ok = await options.store.healthy();
        send(res, ok ? 200 : 503, { status: ok ? 'ok' : 'database unavailable' });
        return;
      }
      if (allow.size > 0 && !allow.has(address))
        throw new HttpProblem(403, 'This address may not deliver webhooks.');
      if (url !== path && url !== tokenPath) throw new HttpProblem(404, 'Not found.');
      if (req.method !== 'POST') throw new HttpProblem(405, 'Use POST.', { allow: 'POST' });
      if (url === tokenPath) await token(req, res);
      else outcome = await webhook(req, res);
    };
    handle()
      .catch((error: unknown) => {
        if (error instanceof HttpProblem) {
          send(res, error.status, { error: error.message }, error.headers);
        } else if (error instanceof StoreUnavailable) {
          send(
            res,
            503,
            { error: 'The team database is unavailable; retry later.' },
            { 'retry-after': '10' },
          );
        } else {
          send(res, 500, { error: 'The relay could not store the event.' });
        }
      })
      .finally(() => {
        log?.info('request', {
          method: req.method,
          path: url === path || url === tokenPath || url === '/healthz' ? url : '(other)',
          status: res.statusCode,
          ms: now() - started,
          ...(outcome ? { outcome } : {}),
        });
      });
  });
}

export async function listen(server: Server, port: number, host: string): Promise<AddressInfo> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  return server.address() as AddressInfo;
}
