import type { Clock, FetchLike } from '../../../../src/main/ondato/http';
import type { Logger } from '../../../../src/main/ondato/body';

export interface RecordedCall {
  url: string;
  method: string;
  headers: Record<string, string>;
  body: string | undefined;
}

type Handler = (call: RecordedCall, signal: AbortSignal | undefined) => Response | Promise<Response>;

/** A scripted fetch: each call takes the next handler (the last one repeats). */
export function scriptedFetch(...handlers: Handler[]): FetchLike & { calls: RecordedCall[] } {
  const calls: RecordedCall[] = [];
  const fn = async (url: string, init: RequestInit): Promise<Response> => {
    const headers: Record<string, string> = {};
    new Headers(init.headers).forEach((value, key) => {
      headers[key] = value;
    });
    const call: RecordedCall = {
      url,
      method: init.method ?? 'GET',
      headers,
      body: typeof init.body === 'string' ? init.body : init.body?.toString(),
    };
    calls.push(call);
    const handler = handlers[Math.min(calls.length - 1, handlers.length - 1)];
    if (!handler) throw new Error('no handler');
    return handler(call, init.signal ?? undefined);
  };
  return Object.assign(fn, { calls });
}

export function jsonResponse(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', ...headers },
  });
}

export function tokenResponse(token = 'tok-1', expiresIn = 3600): Response {
  return jsonResponse(200, {
    access_token: token,
    expires_in: expiresIn,
    token_type: 'Bearer',
    scope: 'idv_api',
  });
}

/** A fetch error shaped like undici's (`TypeError: fetch failed` with a coded cause). */
export function fetchFailed(code: string): Error {
  const cause = Object.assign(new Error(`connect ${code}`), { code });
  return new TypeError('fetch failed', { cause });
}

/** Never answers until aborted, then rejects like fetch does. */
export function hang(signal: AbortSignal | undefined): Promise<Response> {
  return new Promise((_resolve, reject) => {
    signal?.addEventListener('abort', () =>
      reject(new DOMException('This operation was aborted', 'AbortError')),
    );
  });
}

export function manualClock(start = Date.UTC(2025, 0, 1)): Clock & { advance(ms: number): void } {
  let now = start;
  return {
    now: () => now,
    advance(ms: number) {
      now += ms;
    },
  };
}

export interface CapturedLog {
  level: 'debug' | 'warn' | 'error';
  message: string;
  meta: Record<string, unknown> | undefined;
}

export function captureLogger(): Logger & { entries: CapturedLog[] } {
  const entries: CapturedLog[] = [];
  const push = (level: CapturedLog['level']) => (message: string, meta?: Record<string, unknown>) => {
    entries.push({ level, message, meta });
  };
  return { entries, debug: push('debug'), warn: push('warn'), error: push('error') };
}

/** Records sleeps without waiting. */
export function recordingSleep(): ((ms: number) => Promise<void>) & { delays: number[] } {
  const delays: number[] = [];
  const fn = async (ms: number): Promise<void> => {
    delays.push(ms);
  };
  return Object.assign(fn, { delays });
}
