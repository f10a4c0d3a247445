import type { Migration } from './types';

/*
 * Guarded decisions (docs/adr/0009-guarded-decisions.md). A decision row keeps the risk flags the case
 * had when it was decided (`risk_flags_json`: code, severity, label, detail of each) and the codes the
 * officer ticked as reviewed to accept over them (`overridden_flags_json`). Rows written before this
 * migration get `[]` for both: nothing was recorded then, and nothing is invented now.
 *
 * ADD COLUMN fires no UPDATE trigger, so the append-only triggers of 0001 stay as they are and keep
 * refusing any later change to these columns.
 *
 * The version is 3 on this branch only because 0003 and 0004 land from other branches: renumber to 5
 * when they are merged (the order of `up` is what matters; nothing else reads the number).
 */
export const migration0003: Migration = {
  version: 3,
  name: 'decision-flags',
  up(db) {
    db.exec(`
      ALTER TABLE decisions ADD COLUMN risk_flags_json TEXT NOT NULL DEFAULT '[]'
        CHECK (json_valid(risk_flags_json) AND json_type(risk_flags_json) = 'array');
      ALTER TABLE decisions ADD COLUMN overridden_flags_json TEXT NOT NULL DEFAULT '[]'
        CHECK (json_valid(overridden_flags_json) AND json_type(overridden_flags_json) = 'array');
    `);
  },
};
