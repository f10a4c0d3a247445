import { cacheError } from './errors';
import type { Migration } from './migrations/types';
import type { Db } from './sql';

export function userVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/** Highest version of a migration list, after checking it is exactly 1, 2, 3… */
export function latestVersion(migrations: readonly Migration[]): number {
  migrations.forEach((m, i) => {
    if (m.version !== i + 1)
      throw new Error(`migration ${m.name} has version ${m.version}, expected ${i + 1}`);
  });
  return migrations.length;
}

/**
 * Applies every pending migration in ONE transaction, setting `user_version` inside it (the pragma is
 * transactional): a failure anywhere leaves the database exactly as it was.
 */
export function migrate(db: Db, migrations: readonly Migration[]): { from: number; to: number } {
  const latest = latestVersion(migrations);
  const from = userVersion(db);
  if (from > latest) throw cacheError('cache_too_new');
  if (from === latest) return { from, to: from };
  try {
    db.transaction(() => {
      for (const m of migrations.slice(from)) {
        m.up(db);
        // Not bindable; the value is an integer we checked above.
        db.pragma(`user_version = ${m.version}`);
      }
    }).immediate();
  } catch (error) {
    throw cacheError('cache_migration_failed', error);
  }
  return { from, to: latest };
}
