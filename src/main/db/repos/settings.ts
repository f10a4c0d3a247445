import { stmt, type Db } from '../sql';

/** App-wide settings as text (callers store JSON when they need structure). Never secrets. */
export function get(db: Db, key: string): string | null {
  const row = stmt<{ value: string }>(db, 'SELECT value FROM settings WHERE key = ?').get(key);
  return row ? row.value : null;
}

export function set(db: Db, key: string, value: string): void {
  stmt(
    db,
    'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
  ).run(key, value);
}

export function remove(db: Db, key: string): boolean {
  return stmt(db, 'DELETE FROM settings WHERE key = ?').run(key).changes > 0;
}
