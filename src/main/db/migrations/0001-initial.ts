import type { Migration } from './types';

/*
 * Conventions: every table is STRICT; local times are INTEGER ms (`..._at`), Ondato's timestamps are
 * INTEGER ms too (`..._utc`, parsed from ISO so they sort and compare numerically); JSON columns hold
 * the payloads whole (canonical key order) so fields Ondato adds later survive.
 *
 * `cases.seq` is an explicit INTEGER PRIMARY KEY because the FTS index refers to rows by rowid, and a
 * VACUUM (including the VACUUM INTO that takes backups) may renumber implicit rowids.
 */
const SCHEMA = `
CREATE TABLE workspaces (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  environment TEXT NOT NULL CHECK (environment IN ('production', 'sandbox', 'demo', 'env')),
  client_id TEXT NOT NULL,
  setup_id TEXT NOT NULL,
  customer_base_url TEXT,
  overrides_json TEXT CHECK (overrides_json IS NULL OR json_valid(overrides_json)),
  officer_name TEXT,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
) STRICT;

CREATE TABLE settings (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;

CREATE TABLE cases (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  workspace_id TEXT NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
  external_ref TEXT,
  setup_id TEXT,
  registration_json TEXT CHECK (registration_json IS NULL OR json_valid(registration_json)),
  full_name TEXT,
  personal_code TEXT,
  idv_status TEXT NOT NULL,
  idv_json TEXT CHECK (idv_json IS NULL OR json_valid(idv_json)),
  created_utc INTEGER NOT NULL,
  modified_utc INTEGER,
  sort_modified INTEGER GENERATED ALWAYS AS (coalesce(modified_utc, created_utc)) VIRTUAL,
  kyc_id TEXT,
  kyc_status TEXT,
  kyc_status_reason TEXT,
  decision TEXT CHECK (decision IS NULL OR decision IN ('accept', 'reject', 'escalate')),
  decided_at INTEGER,
  synced_at INTEGER,
  fetch_seq INTEGER NOT NULL DEFAULT 0
) STRICT;

CREATE INDEX cases_by_created ON cases (workspace_id, created_utc, seq);
CREATE INDEX cases_by_modified ON cases (workspace_id, sort_modified, seq);
CREATE INDEX cases_by_idv_status ON cases (workspace_id, idv_status, created_utc);
CREATE INDEX cases_by_kyc_status ON cases (workspace_id, kyc_status, created_utc);
CREATE INDEX cases_by_decision ON cases (workspace_id, decision, created_utc);
-- Search results arrive as rowids: this covers workspace, filters and sort keys per rowid, so counting
-- and ordering thousands of matches never reads the (payload-sized) case rows.
CREATE INDEX cases_search_keys ON cases (seq, workspace_id, created_utc, sort_modified, idv_status,
  kyc_status, decision);

CREATE TABLE kyc (
  id TEXT PRIMARY KEY,
  case_id TEXT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
  payload_json TEXT NOT NULL CHECK (json_valid(payload_json)),
  status TEXT NOT NULL,
  status_reason TEXT,
  is_cross_checked INTEGER CHECK (is_cross_checked IS NULL OR is_cross_checked IN (0, 1)),
  modified_utc INTEGER,
  fetch_seq INTEGER NOT NULL,
  synced_at INTEGER NOT NULL
) STRICT;
CREATE INDEX kyc_by_case ON kyc (case_id);

CREATE TABLE files (
  kyc_id TEXT NOT NULL REFERENCES kyc (id) ON DELETE CASCADE,
  file_id TEXT NOT NULL,
  ord INTEGER NOT NULL,
  part TEXT,
  file_type TEXT,
  file_name TEXT,
  extension TEXT,
  created_utc INTEGER,
  PRIMARY KEY (kyc_id, file_id)
) STRICT;
CREATE INDEX files_by_file ON files (file_id);

-- Immutable per fileId; never selected by list queries. Rows whose file is gone are deleted.
CREATE TABLE images (
  file_id TEXT PRIMARY KEY,
  sha256 TEXT NOT NULL,
  mime TEXT NOT NULL CHECK (mime IN ('image/jpeg', 'image/png', 'application/pdf')),
  size INTEGER NOT NULL CHECK (size = length(bytes)),
  bytes BLOB NOT NULL,
  fetched_at INTEGER NOT NULL
) STRICT;

CREATE TABLE decisions (
  id INTEGER PRIMARY KEY,
  case_id TEXT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
  workspace_id TEXT NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
  decision TEXT NOT NULL CHECK (decision IN ('accept', 'reject', 'escalate')),
  reason_code TEXT,
  note TEXT,
  officer_name TEXT,
  os_user TEXT NOT NULL,
  decided_at INTEGER NOT NULL,
  supersedes_id INTEGER REFERENCES decisions (id)
) STRICT;
CREATE INDEX decisions_by_case ON decisions (case_id, id);

CREATE TABLE audit (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  workspace_id TEXT NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
  case_id TEXT,
  at INTEGER NOT NULL,
  os_user TEXT NOT NULL,
  officer_name TEXT,
  action TEXT NOT NULL,
  details_json TEXT NOT NULL CHECK (json_valid(details_json)),
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL
) STRICT;
CREATE INDEX audit_by_workspace ON audit (workspace_id, seq);
CREATE INDEX audit_by_case ON audit (case_id, seq) WHERE case_id IS NOT NULL;

-- Purge permission, see the triggers below and repos/workspaces.ts purge().
CREATE TABLE purge_guard (
  workspace_id TEXT PRIMARY KEY
) STRICT;

CREATE TABLE sync_schedule (
  case_id TEXT PRIMARY KEY REFERENCES cases (id) ON DELETE CASCADE,
  next_at INTEGER NOT NULL,
  interval_ms INTEGER NOT NULL,
  failures INTEGER NOT NULL DEFAULT 0,
  last_checked_at INTEGER,
  last_change_at INTEGER,
  watch_until INTEGER,
  reason TEXT NOT NULL
) STRICT;
CREATE INDEX sync_schedule_by_next ON sync_schedule (next_at);

CREATE TABLE sync_errors (
  id INTEGER PRIMARY KEY,
  workspace_id TEXT NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
  case_id TEXT REFERENCES cases (id) ON DELETE CASCADE,
  file_id TEXT,
  at INTEGER NOT NULL,
  code TEXT NOT NULL,
  message TEXT NOT NULL
) STRICT;
CREATE INDEX sync_errors_by_workspace ON sync_errors (workspace_id, id);
CREATE INDEX sync_errors_by_case ON sync_errors (case_id, id) WHERE case_id IS NOT NULL;
`;

/*
 * Decisions and audit are append-only. UPDATE is always refused. DELETE is refused unless a
 * purge_guard row for the row's workspace exists: repos/workspaces.ts purge() inserts that row, deletes
 * the workspace (foreign keys cascade into every table) and removes the row again, all in one
 * transaction, so the permission never outlives the purge and never covers another workspace. This
 * keeps the triggers in place permanently (no DROP/CREATE TRIGGER at runtime, which would be a schema
 * change and would open a window for any delete), and a plain `DELETE FROM workspaces` without the
 * guard fails as a whole. The triggers stop mistakes in the app, not an attacker holding the key: the
 * audit hash chain is what makes such edits detectable.
 */
const APPEND_ONLY = ['decisions', 'audit']
  .map(
    (table) => `
CREATE TRIGGER ${table}_no_update BEFORE UPDATE ON ${table}
BEGIN
  SELECT RAISE(ABORT, '${table} are append-only');
END;
CREATE TRIGGER ${table}_no_delete BEFORE DELETE ON ${table}
WHEN NOT EXISTS (SELECT 1 FROM purge_guard WHERE workspace_id = OLD.workspace_id)
BEGIN
  SELECT RAISE(ABORT, '${table} are append-only');
END;`,
  )
  .join('\n');

/*
 * Search: an external-content FTS5 index over the case row (no second copy of the text), kept in step
 * by triggers. remove_diacritics 2 lets "zydrune" find "Žydrūnė"; prefix indexes make the
 * prefix-per-token queries of the search box cheap.
 */
const SEARCH = `
CREATE VIRTUAL TABLE cases_fts USING fts5 (
  full_name, external_ref, id, personal_code,
  content = 'cases', content_rowid = 'seq',
  tokenize = 'unicode61 remove_diacritics 2',
  prefix = '1 2 3'
);
CREATE TRIGGER cases_fts_insert AFTER INSERT ON cases
BEGIN
  INSERT INTO cases_fts (rowid, full_name, external_ref, id, personal_code)
  VALUES (NEW.seq, NEW.full_name, NEW.external_ref, NEW.id, NEW.personal_code);
END;
CREATE TRIGGER cases_fts_delete AFTER DELETE ON cases
BEGIN
  INSERT INTO cases_fts (cases_fts, rowid, full_name, external_ref, id, personal_code)
  VALUES ('delete', OLD.seq, OLD.full_name, OLD.external_ref, OLD.id, OLD.personal_code);
END;
CREATE TRIGGER cases_fts_update AFTER UPDATE OF full_name, external_ref, id, personal_code ON cases
WHEN OLD.full_name IS NOT NEW.full_name OR OLD.external_ref IS NOT NEW.external_ref
  OR OLD.id IS NOT NEW.id OR OLD.personal_code IS NOT NEW.personal_code
BEGIN
  INSERT INTO cases_fts (cases_fts, rowid, full_name, external_ref, id, personal_code)
  VALUES ('delete', OLD.seq, OLD.full_name, OLD.external_ref, OLD.id, OLD.personal_code);
  INSERT INTO cases_fts (rowid, full_name, external_ref, id, personal_code)
  VALUES (NEW.seq, NEW.full_name, NEW.external_ref, NEW.id, NEW.personal_code);
END;
`;

export const migration0001: Migration = {
  version: 1,
  name: 'initial',
  up(db) {
    db.exec(SCHEMA);
    db.exec(APPEND_ONLY);
    db.exec(SEARCH);
  },
};
