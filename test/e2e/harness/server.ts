import { randomBytes, timingSafeEqual } from 'node:crypto';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join, resolve } from 'node:path';
import { createCore, type Core, type CoreDeps } from '../../../src/main/app/core';
import { createRescueCore, isRescuable, type RescueCore } from '../../../src/main/app/rescue';
import { dispatch } from '../../../src/main/ipc/handle';
import { silentLogger } from '../../../src/main/logger';
import { createKeytarStore } from '../../../src/main/secrets/keytar-store';
import type { SecretStore } from '../../../src/main/secrets/secret-store';
import { bridgeScript } from './bridge';
import { decodeBytes, encodeBytes } from './codec';
import { createHarnessConfirmer, type HarnessConfirmer } from './confirmer';
import { BRIDGE_PATH, HARNESS_CSP, readStatic } from './static';

export const HARNESS_KEYCHAIN_SERVICE = 'kyc-desk-harness';
const COOKIE = 'kyc_harness';
const MAX_BODY = 1024 * 1024;
const KEEPALIVE_MS = 15_000;

export interface HarnessOptions {
  /** 0 (default) picks a free port. Always bound to 127.0.0.1. */
  port?: number;
  /** Default: a new temporary directory. */
  dataDir?: string;
  /** Default: the real keychain under the service `kyc-desk-harness`. */
  secrets?: SecretStore;
  simulatorPort?: number;
  /** The built renderer; default `out/renderer`. */
  rendererDir?: string;
  /** Extra core options (tests: engine and client tuning). */
  core?: Partial<CoreDeps>;
}

export interface Harness {
  /** Open this once: it sets the session cookie and redirects to the app. */
  url: string;
  origin: string;
  token: string;
  /** The normal core; throws while the harness serves the rescue screen (see `rescue`). */
  readonly core: Core;
  /** Set while the cache could not be opened: the rescue handler map is served instead. */
  readonly rescue: RescueCore | null;
  opened: string[];
  notifications: { title: string; body: string }[];
  /** Main's confirmation dialog: refuses unless the test armed it (`confirmer.arm('workspace-remove')`). */
  confirmer: HarnessConfirmer;
  stop(): Promise<void>;
}

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

function cookieOf(req: IncomingMessage): string | null {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [name, ...rest] = part.trim().split('=');
    if (name === COOKIE) return rest.join('=');
  }
  return null;
}

function send(
  res: ServerResponse,
  status: number,
  type: string,
  body: string | Buffer,
  extra: Record<string, string> = {},
): void {
  res.writeHead(status, {
    'content-type': type,
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'content-security-policy': HARNESS_CSP,
    ...extra,
  });
  res.end(body);
}

async function readBody(req: IncomingMessage): Promise<string | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buf = chunk as Buffer;
    size += buf.length;
    if (size > MAX_BODY) return null;
    chunks.push(buf);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * Serves the built renderer with the real handler map of a real core (encrypted cache, keychain,
 * simulator for the demo) on 127.0.0.1 only, guarded by a random token. Never part of the packaged app.
 */
export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'kyc-desk-harness-'));
  const rendererDir = resolve(options.rendererDir ?? join(__dirname, '..', '..', '..', 'out', 'renderer'));
  const opened: string[] = [];
  const notifications: { title: string; body: string }[] = [];
  const confirmer = createHarnessConfirmer();
  const secrets = options.secrets ?? createKeytarStore(HARNESS_KEYCHAIN_SERVICE);
  const coreDeps: CoreDeps = {
    dataDir,
    secrets,
    osUser: userInfo().username,
    logger: silentLogger,
    // Tests read what the app would have opened instead of a browser popping up.
    shell: { openExternal: async (url) => void opened.push(url) },
    notifier: { notify: (title, body) => void notifications.push({ title, body }) },
    confirmer,
    // Electron's save dialog, answered without asking: exports land in <dataDir>/exports/ (tests may pass their own).
    saveDialog: {
      async choose({ defaultName }) {
        mkdirSync(join(dataDir, 'exports'), { recursive: true });
        return join(dataDir, 'exports', defaultName);
      },
    },
    ...(options.simulatorPort === undefined ? {} : { simulatorPort: options.simulatorPort }),
    app: { name: 'KYC Desk (harness)', version: '0.0.0-harness', versions: { node: process.versions.node } },
    ...options.core,
  };
  const token = randomBytes(24).toString('base64url');
  const streams = new Set<ServerResponse>();
  const sockets = new Set<Socket>();
  let core: Core | null = null;
  let rescue: RescueCore | null = null;
  let restart: Promise<void> | null = null;
  let offEvents = (): void => {};

  /** What src/main/index.ts does: the normal core, or the rescue core when the cache cannot open. */
  async function boot(): Promise<void> {
    try {
      core = await createCore(coreDeps);
    } catch (error) {
      if (!isRescuable(error)) throw error;
      const started = createRescueCore({ dataDir, secrets, logger: silentLogger, problem: error, confirmer });
      // Electron relaunches; the harness builds the normal core again before it answers the step.
      started.onRestart(() => {
        restart = boot();
      });
      rescue = started;
      return;
    }
    rescue = null;
    offEvents = core.events.onAny((event, payload) => {
      const frame = `event: ${event}\ndata: ${JSON.stringify(encodeBytes(payload))}\n\n`;
      for (const res of streams) res.write(frame);
    });
    await core.start();
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const given = url.searchParams.get('token');
    if (req.method === 'GET' && url.pathname === '/' && given !== null) {
      if (!sameSecret(given, token)) return send(res, 403, 'text/plain', 'Forbidden');
      return send(res, 302, 'text/plain', '', {
        location: '/',
        'set-cookie': `${COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/`,
      });
    }
    const cookie = cookieOf(req);
    if (cookie === null || !sameSecret(cookie, token)) return send(res, 403, 'text/plain', 'Forbidden');

    if (url.pathname.startsWith('/__ipc/')) {
      if (req.method !== 'POST') return send(res, 405, 'text/plain', 'Method not allowed');
      const text = await readBody(req);
      if (text === null) return send(res, 413, 'text/plain', 'Too large');
      let input: unknown;
      try {
        const body = JSON.parse(text) as unknown;
        input =
          body !== null && typeof body === 'object' && 'input' in body ? decodeBytes(body.input) : undefined;
      } catch {
        return send(res, 400, 'text/plain', 'Not JSON');
      }
      const channel = decodeURIComponent(url.pathname.slice('/__ipc/'.length));
      const handlers = core?.handlers ?? rescue?.handlers;
      if (!handlers) return send(res, 503, 'text/plain', 'Not started');
      const result = await dispatch(handlers, channel, input);
      if (restart) {
        await restart;
        restart = null;
      }
      return send(res, 200, 'application/json', JSON.stringify(encodeBytes(result)));
    }
    if (req.method !== 'GET') return send(res, 405, 'text/plain', 'Method not allowed');
    if (url.pathname === '/__events') {
      res.writeHead(200, {
        'content-type': 'text/event-stream',
        'cache-control': 'no-store',
        connection: 'keep-alive',
      });
      res.write(': connected\n\n');
      streams.add(res);
      req.on('close', () => streams.delete(res));
      return;
    }
    // The app has no favicon (Electron never asks); answering keeps the browser console clean.
    if (url.pathname === '/favicon.ico') return send(res, 204, 'image/x-icon', '');
    if (url.pathname === BRIDGE_PATH) return send(res, 200, 'text/javascript; charset=utf-8', bridgeScript());
    if (url.pathname === '/__harness/opened')
      return send(res, 200, 'application/json', JSON.stringify(opened));
    if (url.pathname === '/__harness/notifications')
      return send(res, 200, 'application/json', JSON.stringify(notifications));
    const file = await readStatic(rendererDir, url.pathname === '/' ? '/index.html' : url.pathname);
    if (!file) return send(res, 404, 'text/plain', 'Not found');
    return send(res, 200, file.type, file.body);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) send(res, 500, 'text/plain', 'Harness error');
      else res.end();
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  const keepalive = setInterval(() => {
    for (const res of streams) res.write(': keepalive\n\n');
  }, KEEPALIVE_MS);
  keepalive.unref();

  await boot();
  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(options.port ?? 0, '127.0.0.1', () => done());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const origin = `http://127.0.0.1:${port}`;

  return {
    url: `${origin}/?token=${token}`,
    origin,
    token,
    get core(): Core {
      if (!core) throw new Error('The harness serves the rescue screen: the cache did not open.');
      return core;
    },
    get rescue() {
      return rescue;
    },
    opened,
    notifications,
    confirmer,
    async stop() {
      clearInterval(keepalive);
      offEvents();
      for (const res of streams) res.end();
      streams.clear();
      await new Promise<void>((done) => {
        server.close(() => done());
        for (const socket of sockets) socket.destroy();
      });
      await core?.close();
    },
  };
}
