import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { attachAuditChain } from '../../../../src/main/db/audit-chain';
import { openCache, type CacheHandle } from '../../../../src/main/db/open';
import * as workspaces from '../../../../src/main/db/repos/workspaces';
import type { Db } from '../../../../src/main/db/sql';
import type { NewWorkspace } from '../../../../src/shared/domain/workspace';

/** A real, encrypted cache file in its own temp directory (never :memory:, so tests see the real codec). */
export interface TempCache extends CacheHandle {
  dir: string;
  path: string;
  key: string;
  /** Closes and deletes the directory. */
  dispose(): void;
}

export function newKey(): string {
  return randomBytes(32).toString('hex');
}

/**
 * The audit chain key tests attach next to a cache key. Derived, so a second connection (another
 * process, a reopened file) signs and verifies with the same key; the app keeps a random one.
 */
export function testChainKey(cacheKey: string): string {
  return createHash('sha256').update(`audit-chain:${cacheKey}`).digest('hex');
}

/** Opens a cache the way repos expect it: with the audit chain key attached (no anchors). */
export function openKeyedCache(path: string, key: string): CacheHandle {
  const cache = openCache({ path, key });
  attachAuditChain(cache.db, { key: testChainKey(key) });
  return cache;
}

export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'kyc-desk-db-'));
}

export function openTempCache(options: { dir?: string; key?: string } = {}): TempCache {
  const dir = options.dir ?? tempDir();
  const path = join(dir, 'cache.db');
  const key = options.key ?? newKey();
  const cache = openKeyedCache(path, key);
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

export function workspaceInput(id: string, overrides: Partial<NewWorkspace> = {}): NewWorkspace {
  return {
    id,
    name: `Workspace ${id}`,
    environment: 'sandbox',
    clientId: `client-${id}`,
    setupId: '0f60f6f8-8e73-4873-b2ee-e02275994a77',
    customerBaseUrl: null,
    overrides: null,
    officerName: 'Officer One',
    ...overrides,
  };
}

export function addWorkspace(db: Db, id: string): void {
  workspaces.add(db, workspaceInput(id), 1_700_000_000_000);
}
