import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AuditHead } from '../../shared/domain/audit';
import type { AppLogger } from '../logger';
import type { SecretStore } from '../secrets/secret-store';
import { writeFileAtomic } from './atomic-file';
import { head as chainHead, macAt } from './repos/audit';
import type { Db } from './sql';

/*
 * Anchors: the head (seq + MAC) of every chain, written after each commit to two places the database
 * does not control: the keychain entry `audit:head` and the sidecar file `audit-head.json` in the data
 * directory. Replacing cache.db with an older copy, or deleting its newest audit rows, then leaves an
 * anchor that names an entry the database no longer has (docs/adr/0010-keyed-audit-chain.md).
 *
 * Appends happen inside synchronous transactions; the anchor is written after them from a microtask
 * (the transaction has committed or rolled back by then) by reading the committed head back. The
 * keychain write is asynchronous and queued; `flush()` waits for it (the CLI and `close` call it).
 * A crash between commit and anchor leaves the anchor one write behind; verify accepts that when the
 * newer entries chain correctly from the anchored one.
 *
 * An anchor never moves past tampering: if the entry it names no longer has that MAC, it is left as it
 * is, so `audit verify` keeps reporting the break instead of a later append laundering it.
 */
export const HEAD_ACCOUNT = 'audit:head';
export const SIDECAR_NAME = 'audit-head.json';
const FORMAT = 'kyc-desk-audit-head';

export type HeadMap = Record<string, AuditHead>;
/** What an anchor source gave: heads, nothing (never written), or an error reading it. */
export type AnchorRead = HeadMap | null | 'unreadable';

export function sidecarPath(dataDir: string): string {
  return join(dataDir, SIDECAR_NAME);
}

function isHead(v: unknown): v is AuditHead {
  if (v === null || typeof v !== 'object') return false;
  const h = v as Record<string, unknown>;
  return Number.isSafeInteger(h.seq) && typeof h.mac === 'string' && /^[0-9a-f]{64}$/.test(h.mac);
}

export function parseHeads(text: string): HeadMap | 'unreadable' {
  try {
    const parsed = JSON.parse(text) as unknown;
    if (parsed === null || typeof parsed !== 'object') return 'unreadable';
    const { format, heads } = parsed as { format?: unknown; heads?: unknown };
    if (format !== FORMAT || heads === null || typeof heads !== 'object') return 'unreadable';
    const out: HeadMap = {};
    for (const [id, h] of Object.entries(heads as Record<string, unknown>)) {
      if (!isHead(h)) return 'unreadable';
      out[id] = { seq: h.seq, mac: h.mac };
    }
    return out;
  } catch {
    return 'unreadable';
  }
}

export function serializeHeads(heads: HeadMap): string {
  const sorted: HeadMap = {};
  for (const id of Object.keys(heads).sort()) sorted[id] = heads[id]!;
  return `${JSON.stringify({ format: FORMAT, version: 1, heads: sorted })}\n`;
}

export function readSidecar(path: string): AnchorRead {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ENOENT' ? null : 'unreadable';
  }
  return parseHeads(text);
}

export async function readKeychainHeads(secrets: SecretStore): Promise<AnchorRead> {
  try {
    const text = await secrets.get(HEAD_ACCOUNT);
    return text === null ? null : parseHeads(text);
  } catch {
    return 'unreadable';
  }
}

export interface AnchorWriter {
  /** For attachAuditChain: queues an anchor update for this chain. */
  appended(chainId: string): void;
  /** Drops a chain's head (its workspace was removed after a tombstone). */
  forget(chainId: string): void;
  /** Resolves when every queued anchor write has finished (or failed and been logged). */
  flush(): Promise<void>;
}

export function createAnchorWriter(deps: {
  db: Db;
  dataDir: string;
  secrets: SecretStore;
  logger: AppLogger;
  /** The heads known at open (keychain and sidecar merged). */
  initial: HeadMap;
}): AnchorWriter {
  const { db, logger } = deps;
  const path = sidecarPath(deps.dataDir);
  const heads: HeadMap = { ...deps.initial };
  const pending = new Set<string>();
  const forgotten = new Set<string>();
  let scheduled = false;
  let keychain: Promise<void> = Promise.resolve();

  function advance(chainId: string): boolean {
    const next = chainHead(db, chainId);
    const prev = heads[chainId];
    if (!next || (prev && prev.seq === next.seq && prev.mac === next.mac)) return false;
    if (prev && macAt(db, chainId, prev.seq) !== prev.mac) {
      logger.warn('audit anchor not advanced: the anchored entry no longer matches', { anchorSeq: prev.seq });
      return false;
    }
    heads[chainId] = next;
    return true;
  }

  /**
   * Another process (the CLI beside the app) may have anchored chains, or entries, this one has not
   * seen. A higher head is taken even when it no longer matches: chains only grow, so a mismatch is
   * evidence for verify, and advance() then refuses to move past it.
   */
  function adopt(read: AnchorRead): void {
    if (read === null || read === 'unreadable') return;
    for (const [id, h] of Object.entries(read)) {
      const own = heads[id];
      if (!forgotten.has(id) && (!own || h.seq > own.seq)) heads[id] = h;
    }
  }

  function write(): void {
    adopt(readSidecar(path));
    try {
      writeFileAtomic(path, serializeHeads(heads));
    } catch (error) {
      logger.error('audit anchor sidecar not written', { code: (error as NodeJS.ErrnoException).code });
    }
    keychain = keychain
      .then(async () => {
        adopt(await readKeychainHeads(deps.secrets));
        await deps.secrets.set(HEAD_ACCOUNT, serializeHeads(heads));
      })
      .catch(() => logger.error('audit anchor not written to the keychain'));
  }

  function run(): void {
    scheduled = false;
    if (!db.open) {
      // Closed before this tick (a close that skipped flush()): verify tolerates an anchor one write
      // behind, and a timer must never throw into the process.
      if (pending.size > 0) logger.warn('audit anchor not advanced: the cache was closed first');
      pending.clear();
      return;
    }
    if (db.inTransaction) {
      // Only when a caller appends and keeps its transaction open across a microtask (never in this
      // code base, which forbids awaiting inside a transaction): try again once it has finished.
      schedule();
      return;
    }
    let changed = false;
    try {
      for (const chainId of pending) changed = advance(chainId) || changed;
    } catch (error) {
      // A storage error here must not escape setImmediate and end the app; the next append retries.
      logger.error('audit anchor not advanced', { code: (error as { code?: string }).code });
      return;
    } finally {
      pending.clear();
    }
    if (changed) write();
  }

  function schedule(): void {
    if (scheduled) return;
    scheduled = true;
    setImmediate(run);
  }

  return {
    appended(chainId) {
      pending.add(chainId);
      schedule();
    },
    forget(chainId) {
      pending.delete(chainId);
      forgotten.add(chainId);
      if (chainId in heads) {
        delete heads[chainId];
        write();
      }
    },
    async flush() {
      if (scheduled) run();
      await keychain;
    },
  };
}

/** Both anchor sources merged, the higher seq per chain (a crash may leave one a write behind). */
export function mergeHeads(...reads: AnchorRead[]): HeadMap {
  const out: HeadMap = {};
  for (const read of reads) {
    if (read === null || read === 'unreadable') continue;
    for (const [id, h] of Object.entries(read)) {
      const current = out[id];
      if (!current || h.seq > current.seq) out[id] = h;
    }
  }
  return out;
}
