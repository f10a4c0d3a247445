import { startSimulator, type Simulator, type SimulatorOptions } from '../../../src/simulator';

export const FULL_KYC_SETUP = 'c3a0f7a2-6b1e-4b7e-9a51-1d2f3e4a5b61';
export const DOCUMENT_ONLY_SETUP = '5e2d8c14-9f3a-4c6b-8d7e-2a1b0c9f8e72';
export const DISABLED_SETUP = '9b7c6d5e-4f3a-4b2c-8d1e-0f9a8b7c6d53';

export const T0 = Date.parse('2025-03-10T09:00:00.000Z');
export const SECOND = 1000;
export const MINUTE = 60 * SECOND;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

export interface ManualClock {
  now(): number;
  set(ms: number): void;
  advance(ms: number): void;
}

export function manualClock(start = T0): ManualClock {
  let t = start;
  return {
    now: () => t,
    set: (ms) => void (t = ms),
    advance: (ms) => void (t += ms),
  };
}

export interface Harness {
  sim: Simulator;
  clock: ManualClock;
  url: string;
  token(scope?: string, client?: { id: string; secret: string }): Promise<string>;
  api(
    method: string,
    path: string,
    options?: { token?: string; body?: unknown; headers?: Record<string, string> },
  ): Promise<Response>;
  json<T = Record<string, unknown>>(method: string, path: string, body?: unknown): Promise<T>;
  control<T = unknown>(method: string, path: string, body?: unknown): Promise<{ status: number; body: T }>;
  createIdv(body?: Record<string, unknown>): Promise<string>;
  stop(): Promise<void>;
}

export const REGISTRATION = {
  firstName: 'Ona',
  lastName: 'Petraitė',
  dateOfBirth: '1990-04-12',
  personalCode: '49004120123',
  email: 'ona@example.com',
  phoneNumber: 37060000000,
  countryCode: 'LT',
};

export const DEMO_CLIENT = { id: 'kyc-desk-demo', secret: 'demo-secret' };
export const READONLY_CLIENT = { id: 'kyc-desk-readonly', secret: 'readonly-secret' };

export function form(fields: Record<string, string>): string {
  return new URLSearchParams(fields).toString();
}

/** A simulator on a manual clock, with a demo token already issued for `json()`. */
export async function harness(options: SimulatorOptions = {}): Promise<Harness> {
  const clock = manualClock();
  const sim = await startSimulator({ port: 0, seed: 7, clock, ...options });
  const url = sim.url;

  const token: Harness['token'] = async (scope, client = DEMO_CLIENT) => {
    const fields: Record<string, string> = {
      grant_type: 'client_credentials',
      client_id: client.id,
      client_secret: client.secret,
    };
    if (scope) fields['scope'] = scope;
    const res = await fetch(`${url}/connect/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: form(fields),
    });
    if (res.status !== 200) throw new Error(`token: ${res.status} ${await res.text()}`);
    const body = (await res.json()) as { access_token: string };
    return body.access_token;
  };
  let demoToken = await token();

  const api: Harness['api'] = async (method, path, opts = {}) => {
    const send = (bearer: string): Promise<Response> => {
      const headers: Record<string, string> = { ...opts.headers };
      if (bearer !== '') headers['authorization'] = `Bearer ${bearer}`;
      let body: string | undefined;
      if (opts.body !== undefined) {
        body = typeof opts.body === 'string' ? opts.body : JSON.stringify(opts.body);
        headers['content-type'] ??= 'application/json';
      }
      return fetch(`${url}${path}`, { method, headers, ...(body === undefined ? {} : { body }) });
    };
    if (opts.token !== undefined) return send(opts.token);
    // The default token may have expired after a clock jump: renew it once, like a real client.
    const first = await send(demoToken);
    if (first.status !== 401) return first;
    demoToken = await token();
    return send(demoToken);
  };

  const json: Harness['json'] = async (method, path, body) => {
    const res = await api(method, path, body === undefined ? {} : { body });
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${text}`);
    return JSON.parse(text);
  };

  const control: Harness['control'] = async (method, path, body) => {
    const res = await fetch(`${url}/__sim${path}`, {
      method,
      ...(body === undefined
        ? {}
        : { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } }),
    });
    const text = await res.text();
    return { status: res.status, body: text === '' ? undefined : JSON.parse(text) };
  };

  const createIdv: Harness['createIdv'] = async (body = {}) => {
    const created = await json<{ id: string }>('POST', '/v1/identity-verifications', {
      setupId: FULL_KYC_SETUP,
      registration: REGISTRATION,
      ...body,
    });
    return created.id;
  };

  return { sim, clock, url, token, api, json, control, createIdv, stop: () => sim.stop() };
}

export async function advance(h: Harness, id: string, to: string): Promise<Record<string, unknown>> {
  const res = await h.control<Record<string, unknown>>('POST', `/idv/${id}/advance`, { to });
  if (res.status !== 200) throw new Error(`advance ${to}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

export function kycIdOf(idv: Record<string, unknown>): string {
  const step = idv['step'] as { kycIdentification?: { id: string } } | undefined;
  const id = step?.kycIdentification?.id;
  if (!id) throw new Error('no KYC identification yet');
  return id;
}

export const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
export const ISO_MS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
