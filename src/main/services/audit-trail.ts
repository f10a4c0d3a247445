import {
  createAnchorWriter,
  mergeHeads,
  readKeychainHeads,
  readSidecar,
  sidecarPath,
  type AnchorWriter,
} from '../db/audit-anchor';
import { attachAuditChain } from '../db/audit-chain';
import type { AnchorSource } from '../db/audit-verify';
import { loadOrCreateChainKey } from '../db/chain-key';
import { append, hasKeyedRows, legacyChains } from '../db/repos/audit';
import type { Db } from '../db/sql';
import type { AppLogger } from '../logger';
import type { SecretStore } from '../secrets/secret-store';
import { writeTx } from '../db/storage';

/** The keyed, anchored audit trail of one open cache. */
export interface AuditTrail {
  key: Buffer;
  anchors: AnchorWriter;
  dataDir: string;
  appVersion: string;
  /** Both anchors as they are now (read fresh, so verify sees what another process wrote). */
  readAnchors(): Promise<AnchorSource[]>;
}

/**
 * Loads (or, for a cache that never signed anything, creates) the chain key, attaches it and the
 * anchor writer to the connection, and re-anchors chains written before migration 0004: one keyed
 * `audit.reanchored` entry naming the last unkeyed one, so the old entries stay verifiable (unkeyed)
 * and can no longer be extended unkeyed. A chain that already has an anchor is never re-anchored: an
 * unkeyed tail after an anchor is a forgery for verify to report, not history to bless.
 */
export async function openAuditTrail(deps: {
  db: Db;
  dataDir: string;
  secrets: SecretStore;
  logger: AppLogger;
  now(): number;
  osUser: string;
  appVersion: string;
}): Promise<AuditTrail> {
  const { db, secrets } = deps;
  const sidecar = sidecarPath(deps.dataDir);
  const readAnchors = async (): Promise<AnchorSource[]> => [
    { source: 'keychain', read: await readKeychainHeads(secrets) },
    { source: 'sidecar', read: readSidecar(sidecar) },
  ];
  const reads = await readAnchors();
  const initial = mergeHeads(...reads.map((r) => r.read));
  const keyHex = await loadOrCreateChainKey(secrets, {
    keyedRows: hasKeyedRows(db),
    anchored: Object.keys(initial).length > 0,
  });
  const anchors = createAnchorWriter({ db, dataDir: deps.dataDir, secrets, logger: deps.logger, initial });
  attachAuditChain(db, { key: keyHex, appended: (id) => anchors.appended(id) });

  const legacy = legacyChains(db).filter((c) => initial[c.workspaceId] === undefined);
  if (legacy.length > 0) {
    writeTx(db, () => {
      for (const { workspaceId, head } of legacy) {
        append(db, workspaceId, {
          action: 'audit.reanchored',
          at: deps.now(),
          osUser: deps.osUser,
          officerName: null,
          details: { legacyHeadSeq: head.seq, legacyHeadHash: head.mac, legacyFormat: 1 },
        });
      }
    });
    await anchors.flush();
  }
  return {
    key: Buffer.from(keyHex, 'hex'),
    anchors,
    dataDir: deps.dataDir,
    appVersion: deps.appVersion,
    readAnchors,
  };
}
