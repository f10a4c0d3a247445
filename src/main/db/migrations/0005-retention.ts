import type { Migration } from './types';

/*
 * Retention, redaction and import (ADR 0012).
 *
 * `case_lifecycle` says where a case came from (imported from Ondato rather than created here) and
 * whether its personal data was removed locally (by the workspace's retention policy, or because it
 * was redacted at Ondato). A purged case keeps its row in `cases` with ids, statuses, decision and
 * dates only; `purged_files` keeps which files the case had and the SHA-256 of each image that was
 * cached, so an auditor can still match an archived image to the case. `retention_policies` holds the
 * per-workspace period; no row (or NULL days) means off, the default.
 */
export const migration0005: Migration = {
  // Numbered 6 in the project; see the report of the retention branch for the merge order.
  version: 5,
  name: 'retention',
  up(db) {
    db.exec(`
      CREATE TABLE case_lifecycle (
        case_id TEXT PRIMARY KEY REFERENCES cases (id) ON DELETE CASCADE,
        imported_at INTEGER,
        purged_at INTEGER,
        purge_kind TEXT CHECK (purge_kind IS NULL OR purge_kind IN ('retention', 'redaction')),
        redacted_utc TEXT,
        CHECK ((purged_at IS NULL) = (purge_kind IS NULL))
      ) STRICT;

      CREATE TABLE purged_files (
        case_id TEXT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
        file_id TEXT NOT NULL,
        ord INTEGER NOT NULL,
        part TEXT,
        file_type TEXT,
        sha256 TEXT,
        size INTEGER,
        PRIMARY KEY (case_id, file_id)
      ) STRICT;

      CREATE TABLE retention_policies (
        workspace_id TEXT PRIMARY KEY REFERENCES workspaces (id) ON DELETE CASCADE,
        days INTEGER CHECK (days IS NULL OR days BETWEEN 1 AND 36500),
        updated_at INTEGER NOT NULL,
        last_run_at INTEGER
      ) STRICT;
    `);
  },
};
