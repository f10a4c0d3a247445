import { describe, expect, it } from 'vitest';
import { readJson } from '../../../../src/main/ondato/body';
import { createHttpContext, request } from '../../../../src/main/ondato/http';
import { fetchFailed, hang, jsonResponse, manualClock, recordingSleep, scriptedFetch } from './fake';
import { rejection, schema, setup } from './http-fixture';

describe('request', () => {
  it('sends the bearer token and parses the body', async () => {
    const fetch = scriptedFetch(() => jsonResponse(200, { id: 'abc', extra: true }));
    const { send } = setup(fetch);
    await expect(send()).resolves.toEqual({ id: 'abc', extra: true });
    expect(fetch.calls[0]?.headers.authorization).toBe('Bearer tok-1');
    expect(fetch.calls[0]?.headers.accept).toBe('application/json');
  });

  it('retries 502/503/504 with full-jitter backoff, then succeeds', async () => {
    const fetch = scriptedFetch(
      () => new Response('', { status: 502 }),
      () => new Response('', { status: 504 }),
      () => jsonResponse(200, { id: 'abc' }),
    );
    const { send, sleep } = setup(fetch);
    await expect(send()).resolves.toEqual({ id: 'abc' });
    expect(fetch.calls).toHaveLength(3);
    expect(sleep.delays).toEqual([50, 100]); // 0.5 × 100, 0.5 × 200
  });

  it('gives up after maxAttempts with the last error', async () => {
    const fetch = scriptedFetch(() => new Response('', { status: 503 }));
    const { send, sleep } = setup(fetch, { retry: { maxAttempts: 4 } });
    const error = await rejection(send());
    expect(error).toMatchObject({ code: 'server', status: 503, retryable: true });
    expect(fetch.calls).toHaveLength(4);
    expect(sleep.delays).toHaveLength(3);
  });

  it('does not retry a 500 or a 404', async () => {
    for (const status of [500, 404]) {
      const fetch = scriptedFetch(() => new Response('', { status }));
      await rejection(setup(fetch).send());
      expect(fetch.calls).toHaveLength(1);
    }
  });

  it('honours Retry-After in seconds on 429', async () => {
    const fetch = scriptedFetch(
      () => new Response('', { status: 429, headers: { 'retry-after': '2' } }),
      () => jsonResponse(200, { id: 'abc' }),
    );
    const { send, sleep } = setup(fetch);
    await send();
    expect(sleep.delays).toEqual([2000]);
  });

  it('honours Retry-After as an HTTP-date on 503, relative to the injected clock', async () => {
    const clock = manualClock();
    const fetch = scriptedFetch(
      () =>
        new Response('', {
          status: 503,
          headers: { 'retry-after': new Date(clock.now() + 5000).toUTCString() },
        }),
      () => jsonResponse(200, { id: 'abc' }),
    );
    const sleep = recordingSleep();
    const ctx = createHttpContext({ fetch, sleep, clock, random: () => 0.5 });
    await request(ctx, {
      operation: 'get IDV',
      method: 'GET',
      url: 'https://api.example/x',
      path: '/x',
      retry: 'idempotent',
      read: (response, readCtx) => readJson(response, schema, readCtx),
    });
    expect(sleep.delays).toEqual([5000]);
  });

  it('gives up at once with rate_limited and the wait time when Retry-After exceeds the cap', async () => {
    const fetch = scriptedFetch(() => new Response('', { status: 429, headers: { 'retry-after': '120' } }));
    const { send, sleep } = setup(fetch);
    const error = await rejection(send());
    expect(error).toMatchObject({ code: 'rate_limited', status: 429, retryAfterMs: 120_000 });
    expect(error.message).toContain('2 minutes');
    expect(fetch.calls).toHaveLength(1);
    expect(sleep.delays).toEqual([]);
  });

  it('keeps the total delay within the budget', async () => {
    const fetch = scriptedFetch(() => new Response('', { status: 429, headers: { 'retry-after': '3' } }));
    const { send, sleep } = setup(fetch, { retry: { maxAttempts: 10, maxTotalDelayMs: 10_000 } });
    await rejection(send());
    expect(sleep.delays).toEqual([3000, 3000, 3000]);
    expect(fetch.calls).toHaveLength(4);
  });

  it('retries network failures of idempotent requests', async () => {
    const fetch = scriptedFetch(
      () => {
        throw fetchFailed('ECONNRESET');
      },
      () => jsonResponse(200, { id: 'abc' }),
    );
    await expect(setup(fetch).send()).resolves.toEqual({ id: 'abc' });
    expect(fetch.calls).toHaveLength(2);
  });

  it('never repeats a create that may have reached the server', async () => {
    for (const failure of [
      () => {
        throw fetchFailed('ECONNRESET');
      },
      () => new Response('', { status: 503 }),
      () => new Response('', { status: 429, headers: { 'retry-after': '1' } }),
      () => new Response('', { status: 502 }),
    ]) {
      const fetch = scriptedFetch(failure, () => jsonResponse(201, { id: 'abc' }));
      await rejection(setup(fetch).send('unsent-only', 'POST'));
      expect(fetch.calls).toHaveLength(1);
    }
  });

  it('repeats a create whose connection was refused (nothing was sent)', async () => {
    const fetch = scriptedFetch(
      () => {
        throw fetchFailed('ECONNREFUSED');
      },
      () => jsonResponse(201, { id: 'abc' }),
    );
    await expect(setup(fetch).send('unsent-only', 'POST')).resolves.toEqual({ id: 'abc' });
    expect(fetch.calls).toHaveLength(2);
  });

  it('times out a hanging attempt and retries idempotent requests only', async () => {
    const fetch = scriptedFetch((_call, signal) => hang(signal));
    const error = await rejection(setup(fetch, { timeoutMs: 20 }).send());
    expect(error.code).toBe('timeout');
    expect(fetch.calls).toHaveLength(3);

    const create = scriptedFetch((_call, signal) => hang(signal));
    expect((await rejection(setup(create, { timeoutMs: 20 }).send('unsent-only', 'POST'))).code).toBe(
      'timeout',
    );
    expect(create.calls).toHaveLength(1);
  });

  it('times out a body that never finishes', async () => {
    const fetch = scriptedFetch((_call, signal) => {
      const body = new ReadableStream<Uint8Array>({
        start(controller) {
          controller.enqueue(new TextEncoder().encode('{"id":'));
          signal?.addEventListener('abort', () =>
            controller.error(new DOMException('aborted', 'AbortError')),
          );
        },
      });
      return new Response(body, { status: 200 });
    });
    const error = await rejection(setup(fetch, { timeoutMs: 20, retry: { maxAttempts: 1 } }).send());
    expect(error.code).toBe('timeout');
  });
});
