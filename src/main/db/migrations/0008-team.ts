import type { Migration } from './types';

/*
 * Team mode on the desk (ADR 0020). The team database is the shared source of truth; this cache keeps
 * what the desk needs to work offline and to prove what it pushed:
 *
 * - `team_links`: which workspace is joined to which team database (URL without a password; the
 *   password lives in the keychain), this desk's lease name, the officer the database reported, the
 *   team's SLA, and the last change-feed sequence number applied here.
 * - `team_outbox`: every local decision of a joined workspace, queued in the same transaction as the
 *   decision itself (so a crash cannot separate them) and kept after the push with the team's answer:
 *   it is the desk's side of the cross-check against the team chain.
 * - `team_decisions`: the team's decisions (every desk's, approvals included), as mirrored.
 * - `team_cases`: per case, the assignment, the SLA clock and whether the team recorded concurrent
 *   decisions, as mirrored.
 */
export const migration0008: Migration = {
  // Numbered 8 in the project; registered after 0005 on this branch (the integrator renumbers).
  version: 8,
  name: 'team',
  up(db) {
    db.exec(`
      CREATE TABLE team_links (
        workspace_id TEXT PRIMARY KEY REFERENCES workspaces (id) ON DELETE CASCADE,
        url TEXT NOT NULL,
        desk_id TEXT NOT NULL,
        officer TEXT,
        supervisor INTEGER NOT NULL DEFAULT 0 CHECK (supervisor IN (0, 1)),
        sla_minutes INTEGER,
        last_seq INTEGER NOT NULL DEFAULT 0,
        last_pull_at INTEGER,
        joined_at INTEGER NOT NULL
      ) STRICT;

      CREATE TABLE team_outbox (
        client_id TEXT PRIMARY KEY,
        workspace_id TEXT NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
        case_id TEXT NOT NULL,
        local_decision_id INTEGER NOT NULL,
        outcome TEXT NOT NULL,
        reason_code TEXT NOT NULL,
        note TEXT NOT NULL,
        overridden_json TEXT NOT NULL CHECK (json_valid(overridden_json)),
        decided_at INTEGER NOT NULL,
        based_on INTEGER,
        queued_at INTEGER NOT NULL,
        pushed_at INTEGER,
        team_decision_id INTEGER,
        state TEXT,
        conflicts_with INTEGER,
        attempts INTEGER NOT NULL DEFAULT 0,
        last_error TEXT
      ) STRICT;
      CREATE INDEX team_outbox_pending ON team_outbox (workspace_id, pushed_at, queued_at);

      CREATE TABLE team_decisions (
        team_id INTEGER PRIMARY KEY,
        workspace_id TEXT NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
        case_id TEXT NOT NULL,
        client_id TEXT NOT NULL,
        outcome TEXT NOT NULL,
        reason_code TEXT NOT NULL,
        note TEXT NOT NULL,
        officer TEXT NOT NULL,
        decided_at INTEGER NOT NULL,
        recorded_at INTEGER NOT NULL,
        conflicts_with INTEGER,
        needs_approval INTEGER NOT NULL CHECK (needs_approval IN (0, 1)),
        verdict TEXT,
        approver TEXT,
        verdict_note TEXT,
        verdict_at INTEGER
      ) STRICT;
      CREATE INDEX team_decisions_case ON team_decisions (case_id, team_id);

      CREATE TABLE team_cases (
        case_id TEXT PRIMARY KEY REFERENCES cases (id) ON DELETE CASCADE,
        workspace_id TEXT NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
        assignee TEXT,
        customer_finished_at INTEGER,
        created_by TEXT,
        change_seq INTEGER NOT NULL DEFAULT 0,
        published_synced_at INTEGER
      ) STRICT;
      CREATE INDEX team_cases_assignee ON team_cases (workspace_id, assignee);
    `);
  },
};
