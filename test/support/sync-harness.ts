import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { CacheHandle } from '../../src/main/db/open';
import { openKeyedCache } from '../unit/main/db/fixture';
import * as cases from '../../src/main/db/repos/cases';
import * as workspaces from '../../src/main/db/repos/workspaces';
import type { Db } from '../../src/main/db/sql';
import {
  createOndatoClient,
  resolveEndpoints,
  type OndatoClient,
  type OndatoClientOptions,
} from '../../src/main/ondato';
import type { Timers } from '../../src/main/sync/options';

export const FULL_KYC_SETUP = 'c3a0f7a2-6b1e-4b7e-9a51-1d2f3e4a5b61';
export const DOCUMENT_ONLY_SETUP = '5e2d8c14-9f3a-4c6b-8d7e-2a1b0c9f8e72';
export const DEMO = { clientId: 'kyc-desk-demo', clientSecret: 'demo-secret' } as const;
export const WS = 'ws-sync';
export const T0 = Date.parse('2025-03-10T09:00:00.000Z');

/**
 * Time that runs `scale` times faster than the wall clock, shared by the simulator, the client and the
 * engine: the engine's 4-second cadence becomes 40 ms at 100×, so a lifecycle test takes a second, and
 * every component still agrees on what time it is.
 */
export interface ScaledTime {
  clock: { now(): number };
  timers: Timers;
  scale: number;
  /** Timers set through `timers` that have neither fired nor been cleared: what the engine still plans. */
  pending(): number;
}

export function scaledTime(scale: number, start = T0): ScaledTime {
  const origin = performance.now();
  const live = new Set<ReturnType<typeof setTimeout>>();
  return {
    scale,
    clock: { now: () => start + Math.floor((performance.now() - origin) * scale) },
    timers: {
      // Rounded up (+1 ms) so a timer never fires before its clock time: Node may fire up to 1 ms early.
      setTimeout: (callback, ms) => {
        const handle = setTimeout(
          () => {
            live.delete(handle);
            callback();
          },
          ms <= 0 ? 0 : Math.ceil(ms / scale) + 1,
        );
        live.add(handle);
        return handle;
      },
      clearTimeout: (handle) => {
        live.delete(handle);
        clearTimeout(handle);
      },
    },
    pending: () => live.size,
  };
}

export function newKey(): string {
  return randomBytes(32).toString('hex');
}

export interface TempCache extends CacheHandle {
  dir: string;
  path: string;
  key: string;
  dispose(): void;
}

/** A real encrypted cache file with one workspace, in its own temp directory. */
export function tempCache(ws = WS): TempCache {
  const dir = mkdtempSync(join(tmpdir(), 'kyc-desk-sync-'));
  const path = join(dir, 'cache.db');
  const key = newKey();
  const cache = openKeyedCache(path, key);
  addWorkspace(cache.db, ws);
  return {
    ...cache,
    dir,
    path,
    key,
    dispose() {
      cache.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export function addWorkspace(db: Db, ws: string): void {
  if (workspaces.get(db, ws)) return;
  workspaces.add(
    db,
    {
      id: ws,
      name: `Workspace ${ws}`,
      environment: 'demo',
      clientId: DEMO.clientId,
      setupId: FULL_KYC_SETUP,
      customerBaseUrl: null,
      overrides: null,
      officerName: 'Officer One',
    },
    T0,
  );
}

/** The engine handles retries itself (backoff, Retry-After), so the client makes one attempt. */
export function syncClient(
  url: string,
  clock: { now(): number },
  overrides: Partial<OndatoClientOptions> = {},
): OndatoClient {
  return createOndatoClient({
    endpoints: resolveEndpoints('simulator', { baseUrl: url }),
    credentials: DEMO,
    clock,
    retry: { maxAttempts: 1 },
    timeoutMs: 5_000,
    ...overrides,
  });
}

/** Creates an IDV upstream and records it in the cache the way the app does. */
export async function createCase(
  client: OndatoClient,
  db: Db,
  ws: string,
  n: number,
  setupId = FULL_KYC_SETUP,
): Promise<string> {
  const { id } = await client.createIdv({
    setupId,
    externalReferenceId: `REF-${n}`,
    registration: { firstName: 'Ona', lastName: 'Petraitė', dateOfBirth: '1990-04-12', countryCode: 'LT' },
  });
  cases.insertCreated(db, ws, {
    idvId: id,
    externalRef: `REF-${n}`,
    setupId,
    registration: { firstName: 'Ona', lastName: 'Petraitė' },
    createdUtc: new Date(T0).toISOString(),
  });
  return id;
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls `probe` (real time) until it returns a value other than undefined, null or false. */
export async function waitFor<T>(
  what: string,
  probe: () => T | undefined | null | false | Promise<T | undefined | null | false>,
  timeoutMs = 10_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== null && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(10);
  }
}

export interface CaseState {
  idvStatus: string;
  kycStatus: string | null;
  /** File ids of the KYC document and additional files, sorted. */
  files: string[];
}

/** What Ondato (the simulator) says about a case now. */
export async function upstreamState(client: OndatoClient, id: string): Promise<CaseState> {
  const idv = await client.getIdv(id);
  const kycId = idv.step?.kycIdentification?.id;
  if (!kycId) return { idvStatus: idv.status, kycStatus: null, files: [] };
  const kyc = await client.getKyc(kycId);
  const files = [...(kyc.document?.files ?? []), ...(kyc.additionalFiles ?? [])].map((f) => f.fileId);
  return { idvStatus: idv.status, kycStatus: kyc.status, files: [...new Set(files)].sort() };
}

/** What the cache holds for a case: statuses and the files whose bytes are stored. */
export function cachedState(db: Db, ws: string, id: string): CaseState | null {
  const detail = cases.get(db, ws, id);
  if (!detail) return null;
  const files = (detail.kyc?.files ?? []).filter((f) => f.cached).map((f) => f.fileId);
  return { idvStatus: detail.idvStatus, kycStatus: detail.kyc?.status ?? null, files: files.sort() };
}
