import Database from 'better-sqlite3-multiple-ciphers';
import { applyKey } from '../../../src/main/db/connection';
import { CACHE_KEY_ACCOUNT } from '../../../src/main/db/key';
import * as cases from '../../../src/main/db/repos/cases';
import * as decisions from '../../../src/main/db/repos/decisions';
import type { Db } from '../../../src/main/db/sql';
import { cachePath } from '../../../src/main/paths';
import type { SecretStore } from '../../../src/main/secrets/secret-store';
import { idv } from '../../unit/main/db/payloads';

/**
 * What someone holding the cache key (but not the chain key) can do: a second connection that drops
 * the append-only triggers first, then runs raw SQL on the real file.
 */
export async function asAttacker(
  dataDir: string,
  secrets: SecretStore,
  run: (db: Db) => void,
): Promise<void> {
  const key = await secrets.get(CACHE_KEY_ACCOUNT);
  const db = new Database(cachePath(dataDir));
  try {
    applyKey(db, key!);
    db.pragma('foreign_keys = OFF');
    db.exec(`
      DROP TRIGGER IF EXISTS audit_no_update; DROP TRIGGER IF EXISTS audit_no_delete;
      DROP TRIGGER IF EXISTS decisions_no_update; DROP TRIGGER IF EXISTS decisions_no_delete;`);
    run(db);
  } finally {
    db.close();
  }
}

/** Two cases with three decisions between them, written the way the app writes them. */
export function seedDecisions(db: Db, ws: string): number[] {
  cases.applyIdv(db, ws, idv('idv-a', { status: 'Completed' }), 1);
  cases.applyIdv(db, ws, idv('idv-b', { status: 'Completed' }), 2);
  const base = { officerName: 'Olga Officer', osUser: 'tester' };
  return [
    decisions.record(db, ws, {
      ...base,
      caseId: 'idv-a',
      decision: 'escalate',
      reasonCode: null,
      note: 'second look',
      decidedAt: 10,
    }),
    decisions.record(db, ws, {
      ...base,
      caseId: 'idv-a',
      decision: 'reject',
      reasonCode: 'doc_mismatch',
      note: null,
      decidedAt: 20,
    }),
    decisions.record(db, ws, {
      ...base,
      caseId: 'idv-b',
      decision: 'accept',
      reasonCode: null,
      note: 'fine',
      decidedAt: 30,
    }),
  ].map((d) => d.id);
}
