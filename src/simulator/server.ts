import http from 'node:http';
import type { Socket } from 'node:net';
import type { SimContext } from './context';
import { iso } from './dates';
import { faultReply, type FaultKind } from './faults';
import type { RouteDef, SimRequest } from './http-types';
import { empty, problem, SimulatorError, type Reply } from './reply';

const MAX_BODY_BYTES = 1024 * 1024;
// Past the 1 MB limit the body is drained so the client can read the 413; past this it is cut off.
const DRAIN_LIMIT_BYTES = 32 * MAX_BODY_BYTES;

interface CompiledRoute extends RouteDef {
  regex: RegExp;
  keys: string[];
}

function compile(route: RouteDef): CompiledRoute {
  const keys: string[] = [];
  const pattern = route.path
    .split('/')
    .map((segment) => {
      if (!segment.startsWith(':')) return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      keys.push(segment.slice(1));
      return '([^/]+)';
    })
    .join('/');
  // ASP.NET routing ignores case and a trailing slash.
  return { ...route, regex: new RegExp(`^${pattern}/?$`, 'i'), keys };
}

type Match = { route: CompiledRoute; params: Record<string, string> } | { allow: string[] } | undefined;

function match(routes: CompiledRoute[], method: string, path: string): Match {
  const allow: string[] = [];
  for (const route of routes) {
    const m = route.regex.exec(path);
    if (!m) continue;
    if (route.method !== method) {
      allow.push(route.method);
      continue;
    }
    const params: Record<string, string> = {};
    try {
      route.keys.forEach((key, i) => (params[key] = decodeURIComponent(m[i + 1] ?? '')));
    } catch {
      return undefined;
    }
    return { route, params };
  }
  return allow.length > 0 ? { allow } : undefined;
}

function readBody(req: http.IncomingMessage): Promise<{ body: Buffer; tooLarge: boolean }> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > DRAIN_LIMIT_BYTES) req.destroy();
      else if (size > MAX_BODY_BYTES) chunks.length = 0;
      else chunks.push(chunk);
    });
    req.on('end', () => resolve({ body: Buffer.concat(chunks), tooLarge: size > MAX_BODY_BYTES }));
    req.on('error', reject);
    req.on('close', () => {
      if (!req.complete) reject(new Error('request aborted'));
    });
  });
}

export interface RunningServer {
  url: string;
  stop(): Promise<void>;
}

export async function serve(
  ctx: SimContext,
  routeDefs: RouteDef[],
  port: number,
  host: string,
): Promise<RunningServer> {
  const routes = routeDefs.map(compile);
  const sockets = new Set<Socket>();
  const timers = new Set<NodeJS.Timeout>();
  const sleep = (ms: number): Promise<void> =>
    ms <= 0
      ? Promise.resolve()
      : new Promise((resolve) => {
          const timer = setTimeout(() => {
            timers.delete(timer);
            resolve();
          }, ms);
          timers.add(timer);
        });

  const write = (res: http.ServerResponse, reply: Reply): void => {
    if (reply.kind === 'drop') {
      res.socket?.destroy();
      return;
    }
    const body = typeof reply.body === 'string' ? Buffer.from(reply.body, 'utf8') : reply.body;
    const headers: Record<string, string> = { ...reply.headers };
    if (reply.status !== 204) headers['content-length'] = String(body.length);
    res.writeHead(reply.status, headers);
    res.end(reply.status === 204 ? undefined : body);
  };

  const errorReply = (error: unknown): Reply => {
    if (error instanceof SimulatorError) {
      return problem(ctx.rng.trace, error.status, {
        title: error.message,
        ...(error.errors ? { errors: error.errors } : {}),
      });
    }
    console.error('[simulator] handler failed:', error);
    return problem(ctx.rng.trace, 500);
  };

  const handle = async (req: http.IncomingMessage, res: http.ServerResponse): Promise<void> => {
    const at = iso(ctx.clock.now());
    const method = (req.method ?? 'GET').toUpperCase();
    // Split by hand: `new URL` would read a path like `//host/x` as another host.
    const target = req.url ?? '/';
    const queryAt = target.indexOf('?');
    const path = queryAt < 0 ? target : target.slice(0, queryAt);
    const query = new URLSearchParams(queryAt < 0 ? '' : target.slice(queryAt + 1));
    const found = match(routes, method, path);
    const route = found && 'route' in found ? found.route : undefined;
    const logged = route ? route.kind !== 'control' : !path.startsWith('/__sim/');

    const { body, tooLarge } = await readBody(req);
    let reply: Reply;
    let fault: FaultKind | undefined;
    let delay = 0;
    if (!found) {
      reply = empty(404);
    } else if (!('route' in found)) {
      reply = empty(405, { allow: found.allow.join(', ') });
    } else if (tooLarge) {
      reply = problem(ctx.rng.trace, 413, { headers: { connection: 'close' } });
    } else {
      const isApi = found.route.kind === 'api';
      const selection = isApi ? ctx.faults.select(found.route.name, ctx.rng.faults) : { latencyMs: 0 };
      delay = selection.latencyMs + (isApi ? ctx.latencyMs : 0);
      if (selection.latencyMs > 0) fault = 'latency';
      if (selection.terminal) {
        fault = selection.terminal.kind;
        reply = faultReply(selection.terminal, ctx.rng.trace);
      } else {
        const simReq: SimRequest = { method, path, query, headers: req.headers, body, params: found.params };
        try {
          reply = await found.route.handler(simReq);
        } catch (error) {
          reply = errorReply(error);
        }
      }
    }
    await sleep(delay);
    if (logged) {
      ctx.log.record({
        at,
        method,
        path,
        route: route?.name ?? 'unknown',
        status: reply.kind === 'drop' ? 0 : reply.status,
        ...(fault ? { faulted: true, fault } : {}),
      });
    }
    write(res, reply);
  };

  const server = http.createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      // Aborted uploads and late failures: answer if still possible, never take the server down.
      if (!res.headersSent && !res.destroyed) write(res, errorReply(error));
      else res.destroy();
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  server.on('clientError', (_error, socket) => {
    if (socket.writable)
      socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
    else socket.destroy();
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address();
  if (address === null || typeof address === 'string')
    throw new Error('The simulator is not listening on TCP.');
  const hostPart = address.family === 'IPv6' ? `[${address.address}]` : address.address;

  let stopped: Promise<void> | undefined;
  return {
    url: `http://${hostPart}:${address.port}`,
    stop(): Promise<void> {
      stopped ??= new Promise<void>((resolve) => {
        for (const timer of timers) clearTimeout(timer);
        timers.clear();
        server.close(() => resolve());
        for (const socket of sockets) socket.destroy();
      });
      return stopped;
    },
  };
}
