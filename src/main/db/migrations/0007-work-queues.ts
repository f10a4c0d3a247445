import type { Migration } from './types';

/*
 * Work queues and the attention column (docs/adr/0017-work-queues.md).
 *
 * `queue` is a virtual generated column: which waiting queue a case is in follows from its statuses
 * and the officer's decision alone, so it can never disagree with them (src/shared/domain/queues.ts
 * states the rules). `queue_counts` keeps how many cases each queue holds per workspace, updated by
 * triggers in the same transaction as the change (like case_counts in 0002), so the tab counts are
 * one indexed read at any size.
 *
 * The risk flags need JSON payloads and the calendar, so main computes them when it writes a case
 * (repos/attention.ts) and stores the count, the worst severity (0 none … 4 block) and the worst
 * flag's label. `risk_until` is the local day (YYYYMMDD) from which date-bound flags (expiring,
 * expired, under 18, issued in the future) may read differently; 0 means never computed, so every
 * existing row is recomputed by the first refresh after this migration.
 */
const QUEUE = `CASE
  WHEN decision = 'escalate' THEN 'escalated'
  WHEN decision IS NOT NULL THEN 'decided'
  WHEN idv_status = 'Completed' OR kyc_status IN ('Approved', 'Rejected') THEN 'needs-decision'
  WHEN idv_status NOT IN ('Pending', 'InProgress', 'Suspended') THEN 'none'
  WHEN kyc_status IS NOT NULL
    AND NOT (kyc_status = 'Awaiting' AND coalesce(kyc_status_reason, 'Unfinished') = 'Unfinished')
    THEN 'waiting-ondato'
  ELSE 'waiting-customer'
END`;

export const migration0007: Migration = {
  // 6 on this branch only: 0006 lands from another branch; renumber to 7 when it is merged.
  version: 7,
  name: 'work-queues',
  up(db) {
    db.exec(`
      ALTER TABLE cases ADD COLUMN queue TEXT GENERATED ALWAYS AS (${QUEUE}) VIRTUAL;
      ALTER TABLE cases ADD COLUMN risk_count INTEGER NOT NULL DEFAULT 0 CHECK (risk_count >= 0);
      ALTER TABLE cases ADD COLUMN risk_rank INTEGER NOT NULL DEFAULT 0 CHECK (risk_rank BETWEEN 0 AND 4);
      ALTER TABLE cases ADD COLUMN risk_label TEXT;
      ALTER TABLE cases ADD COLUMN risk_until INTEGER NOT NULL DEFAULT 0;
      -- Worst severity first, then the number of flags: one integer to sort and page by.
      ALTER TABLE cases ADD COLUMN attention INTEGER
        GENERATED ALWAYS AS (risk_rank * 1000000 + min(risk_count, 999999)) VIRTUAL;

      CREATE INDEX cases_by_queue_created ON cases (workspace_id, queue, created_utc, seq);
      CREATE INDEX cases_by_queue_modified ON cases (workspace_id, queue, sort_modified, seq);
      CREATE INDEX cases_by_queue_attention ON cases (workspace_id, queue, attention, seq);
      CREATE INDEX cases_by_attention ON cases (workspace_id, attention, seq);
      CREATE INDEX cases_by_risk_until ON cases (risk_until);
      -- The search path's covering index (see 0001's cases_search_keys) with the queue and attention.
      CREATE INDEX cases_search_queue_keys ON cases (seq, workspace_id, queue, created_utc, sort_modified,
        attention, idv_status, kyc_status, decision);

      CREATE TABLE queue_counts (
        workspace_id TEXT NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
        queue TEXT NOT NULL,
        n INTEGER NOT NULL CHECK (n >= 0),
        PRIMARY KEY (workspace_id, queue)
      ) STRICT;

      INSERT INTO queue_counts (workspace_id, queue, n)
        SELECT workspace_id, queue, count(*) FROM cases GROUP BY workspace_id, queue;

      CREATE TRIGGER queue_counts_insert AFTER INSERT ON cases BEGIN
        INSERT INTO queue_counts (workspace_id, queue, n) VALUES (NEW.workspace_id, NEW.queue, 1)
          ON CONFLICT (workspace_id, queue) DO UPDATE SET n = n + 1;
      END;

      CREATE TRIGGER queue_counts_delete AFTER DELETE ON cases BEGIN
        UPDATE queue_counts SET n = n - 1 WHERE workspace_id = OLD.workspace_id AND queue = OLD.queue;
      END;

      CREATE TRIGGER queue_counts_update
      AFTER UPDATE OF workspace_id, idv_status, kyc_status, kyc_status_reason, decision ON cases
      WHEN OLD.queue IS NOT NEW.queue OR OLD.workspace_id IS NOT NEW.workspace_id BEGIN
        UPDATE queue_counts SET n = n - 1 WHERE workspace_id = OLD.workspace_id AND queue = OLD.queue;
        INSERT INTO queue_counts (workspace_id, queue, n) VALUES (NEW.workspace_id, NEW.queue, 1)
          ON CONFLICT (workspace_id, queue) DO UPDATE SET n = n + 1;
      END;
    `);
  },
};
