import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCore, type Core, type CoreDeps } from '../../../src/main/app/core';
import { silentLogger } from '../../../src/main/logger';
import { createKeytarStore } from '../../../src/main/secrets/keytar-store';
import type { SecretStore } from '../../../src/main/secrets/secret-store';
import type { EventChannel } from '../../../src/shared/ipc/channels';
import type { Events } from '../../../src/shared/ipc/contract';

export const FULL_KYC_SETUP = 'c3a0f7a2-6b1e-4b7e-9a51-1d2f3e4a5b61';

/** The real keychain under a service of its own; `cleanup` deletes every account it holds. */
export interface TestKeychain {
  service: string;
  store: SecretStore;
  cleanup(): Promise<void>;
}

export function testKeychain(): TestKeychain {
  const service = `kyc-desk-test-${randomUUID()}`;
  const store = createKeytarStore(service);
  return {
    service,
    store,
    async cleanup() {
      for (const account of await store.accounts()) await store.delete(account);
    },
  };
}

export function tempDataDir(): { dir: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'kyc-desk-core-'));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

export interface TestCore extends Core {
  opened: string[];
  notices: { title: string; body: string }[];
  events: Core['events'];
  seen: Array<{ event: EventChannel; payload: unknown }>;
  next<E extends EventChannel>(
    event: E,
    match?: (payload: Events[E]) => boolean,
    timeoutMs?: number,
  ): Promise<Events[E]>;
}

/** A real core (encrypted cache file, real engine) with recording shell and notifier. */
export async function testCore(
  dataDir: string,
  secrets: SecretStore,
  extra: Partial<CoreDeps> = {},
): Promise<TestCore> {
  const opened: string[] = [];
  const notices: { title: string; body: string }[] = [];
  const core = await createCore({
    dataDir,
    secrets,
    osUser: 'tester',
    logger: silentLogger,
    shell: { openExternal: async (url) => void opened.push(url) },
    notifier: { notify: (title, body) => void notices.push({ title, body }) },
    // Service tests play the officer, who agrees; trust-boundary tests pass a confirmer of their own.
    confirmer: { confirm: () => Promise.resolve(true) },
    // Fast failure in tests: one attempt, short timeouts, offline after one network failure.
    clientTuning: { retry: { maxAttempts: 1 }, timeoutMs: 5_000 },
    engineOptions: { offlineAfterFailures: 1, probeBackoff: { min: 60_000 } },
    ...extra,
  });
  const seen: TestCore['seen'] = [];
  core.events.onAny((event, payload) => void seen.push({ event, payload }));
  return {
    ...core,
    opened,
    notices,
    seen,
    next(event, match = () => true, timeoutMs = 10_000) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          off();
          reject(new Error(`no ${event} event within ${timeoutMs} ms`));
        }, timeoutMs);
        const off = core.events.on(event, (payload) => {
          if (!match(payload)) return;
          clearTimeout(timer);
          off();
          resolve(payload);
        });
      });
    },
  };
}

/** A sandbox workspace pointed at the simulator (services accept loopback http; the IPC schema does not). */
export function simulatorWorkspace(url: string, overrides: { clientId?: string; name?: string } = {}) {
  return {
    name: overrides.name ?? 'Simulator sandbox',
    environment: 'sandbox' as const,
    clientId: overrides.clientId ?? 'kyc-desk-demo',
    setupId: FULL_KYC_SETUP,
    customerBaseUrl: url,
    overrides: { authUrl: url, idvApiUrl: url, kycApiUrl: url },
    officerName: 'Olga Officer',
  };
}

export const PERSON = {
  firstName: 'Rasa',
  lastName: 'Petraitienė',
  dateOfBirth: '1990-01-01',
  personalCode: '49001010000',
  phone: '+370 624 51514',
  countryCode: 'lt',
};
