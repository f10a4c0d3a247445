import { refreshAllIdentities } from '../repos/case-identity';
import type { Migration } from './types';

/*
 * The case keeps the name the officer registered (docs/adr/0016-comparison-and-names.md).
 *
 * `full_name` used to follow the document once it was read; it now stays the registered name (a case
 * with no registration still takes the document's). `registered_name` and `name_as_read` keep both,
 * and `search_text` holds the folded spellings of both names and both personal codes (Łódź → lodz,
 * Ørsted → orsted and oersted, Иванов → ivanov), which the unicode61 tokenizer cannot produce itself:
 * it removes accents but keeps Ł, Ø, ß and Æ as they are.
 *
 * The search index is rebuilt over search_text instead of full_name. Its triggers are dropped first so
 * the backfill (recomputed from the stored JSON, as the repos do on every write) does not churn the old
 * index, and the new index is built once at the end.
 */
export const migration0006: Migration = {
  version: 6,
  name: 'case-names',
  up(db) {
    db.exec(`
      DROP TRIGGER cases_fts_insert;
      DROP TRIGGER cases_fts_delete;
      DROP TRIGGER cases_fts_update;
      DROP TABLE cases_fts;

      ALTER TABLE cases ADD COLUMN registered_name TEXT;
      ALTER TABLE cases ADD COLUMN name_as_read TEXT;
      ALTER TABLE cases ADD COLUMN search_text TEXT;
    `);
    refreshAllIdentities(db);
    db.exec(`
      CREATE VIRTUAL TABLE cases_fts USING fts5 (
        search_text, external_ref, id, personal_code,
        content = 'cases', content_rowid = 'seq',
        tokenize = 'unicode61 remove_diacritics 2',
        prefix = '1 2 3'
      );
      CREATE TRIGGER cases_fts_insert AFTER INSERT ON cases
      BEGIN
        INSERT INTO cases_fts (rowid, search_text, external_ref, id, personal_code)
        VALUES (NEW.seq, NEW.search_text, NEW.external_ref, NEW.id, NEW.personal_code);
      END;
      CREATE TRIGGER cases_fts_delete AFTER DELETE ON cases
      BEGIN
        INSERT INTO cases_fts (cases_fts, rowid, search_text, external_ref, id, personal_code)
        VALUES ('delete', OLD.seq, OLD.search_text, OLD.external_ref, OLD.id, OLD.personal_code);
      END;
      CREATE TRIGGER cases_fts_update AFTER UPDATE OF search_text, external_ref, id, personal_code ON cases
      WHEN OLD.search_text IS NOT NEW.search_text OR OLD.external_ref IS NOT NEW.external_ref
        OR OLD.id IS NOT NEW.id OR OLD.personal_code IS NOT NEW.personal_code
      BEGIN
        INSERT INTO cases_fts (cases_fts, rowid, search_text, external_ref, id, personal_code)
        VALUES ('delete', OLD.seq, OLD.search_text, OLD.external_ref, OLD.id, OLD.personal_code);
        INSERT INTO cases_fts (rowid, search_text, external_ref, id, personal_code)
        VALUES (NEW.seq, NEW.search_text, NEW.external_ref, NEW.id, NEW.personal_code);
      END;
      INSERT INTO cases_fts (cases_fts) VALUES ('rebuild');
    `);
  },
};
