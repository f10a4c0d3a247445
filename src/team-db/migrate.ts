import type { ClientBase } from 'pg';
import { TeamDbError } from './errors';
import { TEAM_MIGRATIONS, TEAM_SCHEMA_VERSION } from './migrations';
import { grantsSql } from './roles';

/*
 * Forward-only migrations of the team schema, tracked in kyc_team_meta.schema_version. They run in one
 * transaction under an advisory lock, so two administrators running `team init` at once cannot
 * interleave. A database newer than this build is refused, never touched.
 */
const META = `CREATE TABLE IF NOT EXISTS kyc_team_meta (
  version integer PRIMARY KEY,
  name text NOT NULL,
  applied_at timestamptz NOT NULL DEFAULT now(),
  applied_by name NOT NULL DEFAULT session_user
)`;

/** The team schema version of the database (0: none yet). */
export async function teamSchemaVersion(client: ClientBase): Promise<number> {
  const exists = await client.query<{ present: boolean }>(
    "SELECT to_regclass('public.kyc_team_meta') IS NOT NULL AS present",
  );
  if (!exists.rows[0]?.present) return 0;
  const result = await client.query<{ v: number | null }>(
    'SELECT max(version) AS v FROM public.kyc_team_meta',
  );
  return result.rows[0]?.v ?? 0;
}

export function schemaTooNew(found: number): TeamDbError {
  return new TeamDbError(
    'team_schema_too_new',
    `The team database has schema version ${found}; this KYC Desk understands up to ${TEAM_SCHEMA_VERSION}. Update KYC Desk.`,
  );
}

/** Refuses a database this build cannot work with (a desk calls this on every connect). */
export async function checkTeamSchema(client: ClientBase): Promise<number> {
  const found = await teamSchemaVersion(client);
  if (found === 0) {
    throw new TeamDbError(
      'team_not_initialised',
      'The team database has no KYC Desk schema (run `kyc-desk team init`).',
    );
  }
  if (found > TEAM_SCHEMA_VERSION) throw schemaTooNew(found);
  return found;
}

/** Applies pending migrations and the grants; returns the versions applied. Run as the owner. */
export async function migrateTeamDatabase(client: ClientBase): Promise<number[]> {
  await client.query('BEGIN');
  try {
    await client.query("SELECT pg_advisory_xact_lock(hashtext('kyc_team.migrate'))");
    await client.query(META);
    const current = await teamSchemaVersion(client);
    if (current > TEAM_SCHEMA_VERSION) throw schemaTooNew(current);
    const applied: number[] = [];
    for (const migration of TEAM_MIGRATIONS) {
      if (migration.version <= current) continue;
      await client.query(migration.sql);
      await client.query('INSERT INTO public.kyc_team_meta (version, name) VALUES ($1, $2)', [
        migration.version,
        migration.name,
      ]);
      applied.push(migration.version);
    }
    await client.query(grantsSql());
    await client.query('COMMIT');
    return applied;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}
