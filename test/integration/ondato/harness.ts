import { z } from 'zod';
import { startSimulator, type Simulator } from '../../../src/simulator';
import {
  createOndatoClient,
  type OndatoClient,
  type OndatoClientOptions,
} from '../../../src/main/ondato/client';
import { resolveEndpoints } from '../../../src/main/ondato/environments';
import { OndatoError } from '../../../src/main/ondato/errors';
import type { Logger } from '../../../src/main/ondato/body';

export const FULL_KYC_SETUP = 'c3a0f7a2-6b1e-4b7e-9a51-1d2f3e4a5b61';
export const DOCUMENT_ONLY_SETUP = '5e2d8c14-9f3a-4c6b-8d7e-2a1b0c9f8e72';
export const DISABLED_SETUP = '9b7c6d5e-4f3a-4b2c-8d1e-0f9a8b7c6d53';
export const DEMO = { clientId: 'kyc-desk-demo', clientSecret: 'demo-secret' } as const;
export const READONLY = { clientId: 'kyc-desk-readonly', clientSecret: 'readonly-secret' } as const;

const requestEntrySchema = z.looseObject({
  method: z.string(),
  path: z.string(),
  route: z.string(),
  status: z.number(),
  faulted: z.boolean().optional(),
});
export type SimRequestEntry = z.infer<typeof requestEntrySchema>;

const countersSchema = z.looseObject({
  total: z.number(),
  byRoute: z.record(z.string(), z.number()),
  byStatus: z.record(z.string(), z.number()),
});
export type SimCounters = z.infer<typeof countersSchema>;

/** Talks to the simulator's `/__sim` control routes over HTTP, the way any test tool would. */
export class SimControl {
  constructor(readonly url: string) {}

  async call(method: 'GET' | 'POST' | 'DELETE', path: string, body?: unknown): Promise<unknown> {
    const response = await fetch(`${this.url}/__sim${path}`, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`control ${method} ${path} → ${response.status}: ${text}`);
    return text === '' ? undefined : JSON.parse(text);
  }

  fault(rule: Record<string, unknown>): Promise<unknown> {
    return this.call('POST', '/faults', rule);
  }
  clearFaults(): Promise<unknown> {
    return this.call('DELETE', '/faults');
  }
  advance(idvId: string, to: string): Promise<unknown> {
    return this.call('POST', `/idv/${encodeURIComponent(idvId)}/advance`, { to });
  }
  async requests(): Promise<SimRequestEntry[]> {
    return z.array(requestEntrySchema).parse(await this.call('GET', '/requests'));
  }
  async counters(): Promise<SimCounters> {
    return countersSchema.parse(await this.call('GET', '/counters'));
  }
  clearRequests(): Promise<unknown> {
    return this.call('DELETE', '/requests');
  }
  async count(route: string): Promise<number> {
    return (await this.counters()).byRoute[route] ?? 0;
  }
  /**
   * Requests to `route` other than 401s. `beforeEach` resets the simulator, which forgets every token,
   * so a shared client's first call after a reset is a 401 followed by one refresh and one repeat.
   */
  async countAnswered(route: string): Promise<number> {
    return (await this.requests()).filter((r) => r.route === route && r.status !== 401).length;
  }
}

/** Fast retries so the fault tests do not wait on real backoff. */
export const FAST_RETRY = { baseDelayMs: 5, maxDelayMs: 20 } as const;

export function clientFor(sim: Simulator, overrides: Partial<OndatoClientOptions> = {}): OndatoClient {
  return createOndatoClient({
    endpoints: resolveEndpoints('simulator', { baseUrl: sim.url }),
    credentials: DEMO,
    retry: FAST_RETRY,
    ...overrides,
  });
}

export async function startSim(seed = 42): Promise<{ sim: Simulator; control: SimControl }> {
  const sim = await startSimulator({ port: 0, seed });
  return { sim, control: new SimControl(sim.url) };
}

export async function rejection(promise: Promise<unknown>): Promise<OndatoError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof OndatoError) return error;
    throw error;
  }
  throw new Error('expected the call to fail');
}

export function memoryLogger(): Logger & { lines: string[] } {
  const lines: string[] = [];
  const push = (level: string) => (message: string, meta?: Record<string, unknown>) => {
    lines.push(`${level} ${message} ${JSON.stringify(meta ?? {})}`);
  };
  return { lines, debug: push('debug'), warn: push('warn'), error: push('error') };
}

/** Creates an IDV and walks it to the submitted state; returns both ids. */
export async function submittedIdv(
  client: OndatoClient,
  control: SimControl,
  setupId: string = FULL_KYC_SETUP,
): Promise<{ idvId: string; kycId: string }> {
  const { id } = await client.createIdv({
    setupId,
    externalReferenceId: 'case-1',
    registration: {
      firstName: 'Ona',
      lastName: 'Petraitė',
      dateOfBirth: '1990-04-12',
      email: 'ona@example.com',
      phoneNumber: 37060000000,
      countryCode: 'LT',
    },
  });
  await control.advance(id, 'submit');
  const idv = await client.getIdv(id);
  const kycId = idv.step?.kycIdentification?.id;
  if (!kycId) throw new Error('the submitted IDV has no KYC identification');
  return { idvId: id, kycId };
}
