import { z } from 'zod';
import type { AccessToken, TokenProvider } from '../../../../src/main/ondato/auth';
import { readJson } from '../../../../src/main/ondato/body';
import { OndatoError } from '../../../../src/main/ondato/errors';
import { createHttpContext, request, type FetchLike } from '../../../../src/main/ondato/http';
import type { RetryMode, RetryPolicy } from '../../../../src/main/ondato/retry';
import { captureLogger, manualClock, recordingSleep } from './fake';

export const schema = z.looseObject({ id: z.string() });

export function fakeTokens(): TokenProvider & { issued: string[]; invalidated: string[] } {
  let n = 0;
  let current: AccessToken | null = null;
  const issued: string[] = [];
  const invalidated: string[] = [];
  return {
    issued,
    invalidated,
    async getToken() {
      if (!current) {
        current = { value: `tok-${++n}`, scopes: null, refreshAt: Number.POSITIVE_INFINITY };
        issued.push(current.value);
      }
      return current;
    },
    invalidate(token) {
      invalidated.push(token);
      if (current?.value === token) current = null;
    },
  };
}

export function setup(
  fetch: FetchLike,
  options: { retry?: Partial<RetryPolicy>; timeoutMs?: number; random?: number } = {},
) {
  const sleep = recordingSleep();
  const logger = captureLogger();
  const clock = manualClock();
  const ctx = createHttpContext({
    fetch,
    sleep,
    logger,
    clock,
    random: () => options.random ?? 0.5,
    ...(options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs }),
    retry: { baseDelayMs: 100, maxDelayMs: 1000, ...options.retry },
  });
  const tokens = fakeTokens();
  const send = (mode: RetryMode = 'idempotent', method: 'GET' | 'POST' = 'GET') =>
    request(ctx, {
      operation: 'get IDV',
      method,
      url: 'https://api.example/v1/identity-verifications/abc',
      path: '/v1/identity-verifications/{id}',
      retry: mode,
      auth: tokens,
      read: (response, readCtx) => readJson(response, schema, readCtx),
    });
  return { ctx, sleep, logger, clock, tokens, send };
}

export async function rejection(promise: Promise<unknown>): Promise<OndatoError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof OndatoError) return error;
    throw error;
  }
  throw new Error('expected a rejection');
}
