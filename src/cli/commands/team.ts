import { parseArgs } from 'node:util';
import type { Client } from 'pg';
import { AppError } from '../../main/errors';
import {
  addOfficer,
  addRelay,
  disableOfficer,
  FOUR_EYES_POLICIES,
  setFourEyesPolicy,
  type FourEyesPolicy,
} from '../../team-db/admin';
import { connectTeam, parseTeamUrl } from '../../team-db/connect';
import { describeStatementError, isTeamDbError } from '../../team-db/errors';
import { lookupPassword } from '../../team-db/pgpass';
import { migrateTeamDatabase } from '../../team-db/migrate';
import { TEAM_SCHEMA_VERSION } from '../../team-db/migrations';
import { print, type CliIo } from '../io';

/*
 * `kyc-desk team …`, the administrator's side of team mode, run as the team database's owner. The URL
 * comes from --database or DATABASE_URL; a password never from the command line: PGPASSWORD,
 * ~/.pgpass, or a hidden prompt, as PostgreSQL's own tools do.
 */
export const TEAM_USAGE = `kyc-desk team init --database URL
kyc-desk team officer add ROLE --display-name NAME [--supervisor] [--password-stdin]
kyc-desk team officer disable ROLE
kyc-desk team policy --four-eyes none|reject|override|all
kyc-desk team relay add ROLE [--password-stdin]`;

function asAppError(error: unknown): unknown {
  if (isTeamDbError(error)) return new AppError(error.code, error.message);
  return error;
}

async function adminClient(io: CliIo, flagUrl: string | undefined): Promise<Client> {
  const url = flagUrl ?? io.env.DATABASE_URL;
  if (!url) throw new AppError('usage', 'Give --database postgres://OWNER@HOST:PORT/DB or set DATABASE_URL.');
  const target = parseTeamUrl(url);
  if (flagUrl !== undefined && target.urlHasPassword) {
    throw new AppError(
      'usage',
      'Leave the password out of --database (shell history, `ps`): use PGPASSWORD, ~/.pgpass or the prompt.',
    );
  }
  let password = lookupPassword(target, io.env, io.env.HOME) ?? undefined;
  if (password === undefined && !target.urlHasPassword && io.readSecret) {
    password = await io.readSecret(`Password for ${target.where} (input hidden): `);
  }
  return connectTeam({ url, password: password ?? null, env: io.env, applicationName: 'kyc-desk admin' });
}

export async function team(io: CliIo, argv: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args: argv,
    options: {
      database: { type: 'string' },
      'display-name': { type: 'string' },
      supervisor: { type: 'boolean' },
      'password-stdin': { type: 'boolean' },
      'four-eyes': { type: 'string' },
      json: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
    allowPositionals: true,
    strict: true,
  });
  const json = values.json === true;
  const [sub, verb, role] = positionals;
  if (values.help || sub === undefined) {
    io.out(TEAM_USAGE);
    return;
  }
  const known = ['init', 'officer', 'policy', 'relay'];
  if (!known.includes(sub)) throw new AppError('usage', `Unknown team command "${sub}".\n${TEAM_USAGE}`);
  if (sub === 'officer' && verb !== 'add' && verb !== 'disable') {
    throw new AppError('usage', 'Use `team officer add ROLE …` or `team officer disable ROLE`.');
  }
  if (sub === 'officer' && !role) throw new AppError('usage', `team officer ${verb} needs a ROLE.`);
  if (sub === 'relay' && (verb !== 'add' || !role)) throw new AppError('usage', 'Use `team relay add ROLE`.');
  let fourEyes: FourEyesPolicy | undefined;
  if (sub === 'policy') {
    const wanted = values['four-eyes'];
    if (!FOUR_EYES_POLICIES.includes(wanted as FourEyesPolicy)) {
      throw new AppError('usage', `--four-eyes is one of: ${FOUR_EYES_POLICIES.join(', ')}.`);
    }
    fourEyes = wanted as FourEyesPolicy;
  }
  let officerPassword: string | undefined;
  if ((sub === 'officer' || sub === 'relay') && verb === 'add') {
    if (sub === 'officer' && !values['display-name'])
      throw new AppError('usage', 'team officer add needs --display-name NAME.');
    if (values['password-stdin']) {
      if (!io.readSecret) throw new AppError('usage', '--password-stdin needs standard input.');
      officerPassword = await io.readSecret(`Password for ${role} (input hidden): `);
    }
  }

  let client: Client;
  try {
    client = await adminClient(io, values.database);
  } catch (error) {
    throw asAppError(error);
  }
  try {
    if (sub === 'init') {
      const applied = await migrateTeamDatabase(client).catch((error: unknown) => {
        throw isTeamDbError(error) ? error : describeStatementError(error);
      });
      print(io, json, { applied, schemaVersion: TEAM_SCHEMA_VERSION }, () => [
        applied.length === 0
          ? `The team database is up to date (schema version ${TEAM_SCHEMA_VERSION}).`
          : `Team database ready: schema version ${TEAM_SCHEMA_VERSION} (applied ${applied.join(', ')}).`,
      ]);
    } else if (sub === 'officer' && verb === 'add' && role) {
      const result = await addOfficer(client, {
        role,
        displayName: values['display-name'] ?? role,
        supervisor: values.supervisor === true,
        ...(officerPassword === undefined ? {} : { password: officerPassword }),
      });
      print(io, json, { role, supervisor: values.supervisor === true, password: result.password }, () => [
        `Officer ${role} added${values.supervisor ? ' as a supervisor' : ''}.`,
        ...(result.password
          ? [`Password (shown once; give it to ${role} over a safe channel): ${result.password}`]
          : []),
      ]);
    } else if (sub === 'officer' && verb === 'disable' && role) {
      await disableOfficer(client, role);
      print(io, json, { role, disabled: true }, () => [`Officer ${role} disabled; their records stay.`]);
    } else if (sub === 'relay' && role) {
      const result = await addRelay(client, role, officerPassword);
      print(io, json, { role, password: result.password }, () => [
        `Relay role ${role} added; it can record webhook events and nothing else.`,
        ...(result.password
          ? [`Password (shown once; put it in the relay's PGPASSWORD or ~/.pgpass): ${result.password}`]
          : []),
      ]);
    } else if (fourEyes) {
      await setFourEyesPolicy(client, fourEyes);
      print(io, json, { fourEyes }, () => [`Four eyes: ${fourEyes}.`]);
    }
  } catch (error) {
    throw asAppError(error);
  } finally {
    await client.end().catch(() => undefined);
  }
}
