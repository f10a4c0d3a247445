import { createHash, createHmac } from 'node:crypto';
import type { Db } from './sql';
import { AppError } from '../errors';

/*
 * The audit chain's key travels with the connection, not through every caller: `append(db, ws, …)`
 * stays the same call everywhere, and a connection without a key refuses to append rather than fall
 * back to the unkeyed format (which anyone holding the database key could recompute).
 */
export interface AuditChain {
  key: Buffer;
  /** Called after every append, inside the caller's transaction: must only queue work. */
  appended(chainId: string): void;
}

const chains = new WeakMap<Db, AuditChain>();

export function attachAuditChain(db: Db, chain: { key: string; appended?: (chainId: string) => void }): void {
  if (!/^[0-9a-f]{64}$/i.test(chain.key)) throw chainError('audit_chain_key_invalid');
  chains.set(db, { key: Buffer.from(chain.key, 'hex'), appended: chain.appended ?? (() => undefined) });
}

export function chainOf(db: Db): AuditChain {
  const chain = chains.get(db);
  if (!chain) throw chainError('audit_chain_key_missing');
  return chain;
}

export function hasChain(db: Db): boolean {
  return chains.has(db);
}

export const GENESIS_HASH = '0'.repeat(64);
/** The chain id of the desk chain (tombstones); workspace chains use the workspace id. */
export const DESK_CHAIN = '@desk';

/** The fields a chain entry's MAC covers, in a fixed order. */
export interface ChainFields {
  seq: number;
  workspace_id: string | null;
  case_id: string | null;
  at: number;
  os_user: string;
  officer_name: string | null;
  action: string;
  details_json: string;
  prev_hash: string;
}

/** Format 1: the unkeyed chain of migration 0001 (kept so rows written before 0004 still verify). */
export function legacyHash(r: ChainFields): string {
  const canonical = JSON.stringify([
    1,
    r.seq,
    r.workspace_id,
    r.case_id,
    r.at,
    r.os_user,
    r.officer_name,
    r.action,
    r.details_json,
    r.prev_hash,
  ]);
  return createHash('sha256').update(canonical, 'utf8').digest('hex');
}

/** Format 2: HMAC-SHA-256; the chain id is covered so a row cannot be moved to another chain. */
export function entryMac(key: Buffer, chainId: string, r: ChainFields): string {
  const canonical = JSON.stringify([
    2,
    chainId,
    r.seq,
    r.workspace_id,
    r.case_id,
    r.at,
    r.os_user,
    r.officer_name,
    r.action,
    r.details_json,
    r.prev_hash,
  ]);
  return createHmac('sha256', key).update(canonical, 'utf8').digest('hex');
}

export type AuditChainErrorCode =
  'audit_chain_key_missing' | 'audit_chain_key_invalid' | 'audit_chain_key_store_failed';

const MESSAGES: Record<AuditChainErrorCode, string> = {
  audit_chain_key_missing:
    'The audit trail key is missing from the system keychain, so new audit entries cannot be signed: restore the keychain entry "audit:chain-key".',
  audit_chain_key_invalid: 'The stored audit trail key is not in the expected format.',
  audit_chain_key_store_failed: 'The audit trail key could not be saved in the system keychain.',
};

export function chainError(code: AuditChainErrorCode): AppError {
  return new AppError(code, MESSAGES[code]);
}
