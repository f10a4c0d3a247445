import type { Migration } from './types';

/*
 * Keyed audit chain (docs/adr/0010-keyed-audit-chain.md).
 *
 * `audit.mac_version` says how a row's `hash` was made: 1 = the unkeyed SHA-256 chain written before
 * this migration (existing rows keep it and stay verifiable as such), 2 = HMAC-SHA-256 under the chain
 * key from the keychain. The first keyed row of an upgraded chain is an `audit.reanchored` event that
 * names the last unkeyed row, so unkeyed rows are only ever accepted before it.
 *
 * `desk_audit` is a chain that belongs to no workspace: tombstones of removed workspaces live there,
 * because a workspace's own chain is deleted with it. It has no foreign key and may never lose a row.

 */
export const migration0004: Migration = {
  version: 4,
  name: 'keyed-audit',
  up(db) {
    db.exec(`
      ALTER TABLE audit ADD COLUMN mac_version INTEGER NOT NULL DEFAULT 1 CHECK (mac_version IN (1, 2));

      CREATE TABLE desk_audit (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        workspace_id TEXT,
        case_id TEXT,
        at INTEGER NOT NULL,
        os_user TEXT NOT NULL,
        officer_name TEXT,
        action TEXT NOT NULL,
        details_json TEXT NOT NULL CHECK (json_valid(details_json)),
        prev_hash TEXT NOT NULL,
        hash TEXT NOT NULL,
        mac_version INTEGER NOT NULL CHECK (mac_version = 2)
      ) STRICT;

      CREATE TRIGGER desk_audit_no_update BEFORE UPDATE ON desk_audit
      BEGIN
        SELECT RAISE(ABORT, 'desk_audit is append-only');
      END;
      CREATE TRIGGER desk_audit_no_delete BEFORE DELETE ON desk_audit
      BEGIN
        SELECT RAISE(ABORT, 'desk_audit is append-only');
      END;
    `);
  },
};
