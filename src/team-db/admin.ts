import type { ClientBase } from 'pg';
import { describeStatementError, TeamDbError } from './errors';
import { GROUP_ROLES, ROLE_NAME } from './roles';
import { generatePassword, scramVerifier } from './scram';

/*
 * What the team's administrator (the database owner) does: officers and the policy. Role names are
 * validated and quoted; passwords travel only as SCRAM verifiers.
 */
export type FourEyesPolicy = 'none' | 'reject' | 'override' | 'all';
export const FOUR_EYES_POLICIES: readonly FourEyesPolicy[] = ['none', 'reject', 'override', 'all'];

function checkRole(role: string): string {
  if (!ROLE_NAME.test(role)) {
    throw new TeamDbError(
      'team_invalid',
      'A role name is 1–63 characters: lower-case letters, digits and underscores, not starting with a digit.',
    );
  }
  if ((Object.values(GROUP_ROLES) as string[]).includes(role) || role.startsWith('pg_')) {
    throw new TeamDbError('team_invalid', `${role} is reserved.`);
  }
  return role;
}

/** One entry in the team trail; the chain (seq, hash) is computed by the database's trigger. */
async function audit(client: ClientBase, action: string, details: Record<string, unknown>): Promise<void> {
  await client.query('SELECT kyc_team.log($1, NULL, $2)', [action, details]);
}

function ident(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

function literal(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}

export interface AddOfficerOptions {
  role: string;
  displayName: string;
  supervisor?: boolean;
  /** Omitted: a password is generated and returned (shown once). */
  password?: string;
}

/** Creates (or re-enables) a login role and registers it as an officer; returns the password when generated. */
export async function addOfficer(
  client: ClientBase,
  options: AddOfficerOptions,
): Promise<{ password: string | null }> {
  const role = checkRole(options.role);
  const displayName = options.displayName.trim();
  if (displayName.length === 0 || displayName.length > 200) {
    throw new TeamDbError('team_invalid', 'The display name is 1–200 characters.');
  }
  if (options.password !== undefined && options.password.length < 12) {
    throw new TeamDbError('team_invalid', 'A password has at least 12 characters.');
  }
  const password = options.password ?? generatePassword();
  const verifier = scramVerifier(password);
  await client.query('BEGIN');
  try {
    const exists = await client.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [role]);
    const verb = exists.rowCount ? 'ALTER' : 'CREATE';
    await client.query(`${verb} ROLE ${ident(role)} LOGIN PASSWORD ${literal(verifier)}`);
    await client.query(`GRANT ${GROUP_ROLES.officer} TO ${ident(role)}`);
    if (options.supervisor) await client.query(`GRANT ${GROUP_ROLES.supervisor} TO ${ident(role)}`);
    else await client.query(`REVOKE ${GROUP_ROLES.supervisor} FROM ${ident(role)}`);
    await client.query(
      `INSERT INTO kyc_team.officers (role, display_name, supervisor) VALUES ($1, $2, $3)
       ON CONFLICT (role) DO UPDATE SET display_name = EXCLUDED.display_name,
         supervisor = EXCLUDED.supervisor, disabled_at = NULL`,
      [role, displayName, options.supervisor ?? false],
    );
    await audit(client, 'team.officer-added', { role, supervisor: options.supervisor ?? false });
    await client.query("SELECT kyc_team.note_change('officers', NULL)");
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw describeStatementError(error);
  }
  return { password: options.password === undefined ? password : null };
}

/** Disables an officer: no more logins, no more decisions; their records stay. */
export async function disableOfficer(client: ClientBase, roleName: string): Promise<void> {
  const role = checkRole(roleName);
  await client.query('BEGIN');
  try {
    const found = await client.query(
      'UPDATE kyc_team.officers SET disabled_at = now() WHERE role = $1 AND disabled_at IS NULL RETURNING role',
      [role],
    );
    if (!found.rowCount)
      throw new TeamDbError('team_not_found', `${role} is not an active officer of this team.`);
    await client.query(`ALTER ROLE ${ident(role)} NOLOGIN`);
    await audit(client, 'team.officer-disabled', { role });
    await client.query("SELECT kyc_team.note_change('officers', NULL)");
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw describeStatementError(error);
  }
}

/** Sets the four-eyes policy as the owner (supervisors use kyc_team.set_policy). */
export async function setFourEyesPolicy(client: ClientBase, policy: FourEyesPolicy): Promise<void> {
  if (!FOUR_EYES_POLICIES.includes(policy)) {
    throw new TeamDbError(
      'team_invalid',
      `The four-eyes policy is one of: ${FOUR_EYES_POLICIES.join(', ')}.`,
    );
  }
  await client.query('BEGIN');
  try {
    await client.query('UPDATE kyc_team.settings SET four_eyes = $1', [policy]);
    await audit(client, 'team.policy', { fourEyes: policy });
    await client.query("SELECT kyc_team.note_change('settings', NULL)");
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw describeStatementError(error);
  }
}

/** Creates (or resets) a relay's login role: it may record webhook events and nothing else. */
export async function addRelay(
  client: ClientBase,
  roleName: string,
  password?: string,
): Promise<{ password: string | null }> {
  const role = checkRole(roleName);
  if (password !== undefined && password.length < 12) {
    throw new TeamDbError('team_invalid', 'A password has at least 12 characters.');
  }
  const chosen = password ?? generatePassword();
  await client.query('BEGIN');
  try {
    const officer = await client.query('SELECT 1 FROM kyc_team.officers WHERE role = $1', [role]);
    if (officer.rowCount)
      throw new TeamDbError('team_invalid', `${role} is an officer; a relay needs a role of its own.`);
    const exists = await client.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [role]);
    await client.query(
      `${exists.rowCount ? 'ALTER' : 'CREATE'} ROLE ${ident(role)} LOGIN PASSWORD ${literal(scramVerifier(chosen))}`,
    );
    await client.query(`GRANT ${GROUP_ROLES.relay} TO ${ident(role)}`);
    await audit(client, 'team.relay-added', { role });
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw describeStatementError(error);
  }
  return { password: password === undefined ? chosen : null };
}
