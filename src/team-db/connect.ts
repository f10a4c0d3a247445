import { Client } from 'pg';
import { describeConnectError, TeamDbError } from './errors';
import { lookupPassword, type PgTarget } from './pgpass';

/*
 * Opening a connection to the team database from a `postgres://ROLE@HOST:PORT/DB?sslmode=…` URL. The
 * password never comes from the URL of a command line: it is passed in (a prompt, the keychain) or
 * found where PostgreSQL's own tools look (PGPASSWORD, ~/.pgpass). TLS options (sslmode=verify-full,
 * sslrootcert, sslcert, sslkey) are node-postgres's, which follow libpq's names.
 */
export interface TeamTarget extends PgTarget {
  /** `user@host:port/database`: how errors name the target, never with a password. */
  where: string;
  urlHasPassword: boolean;
}

export function parseTeamUrl(url: string): TeamTarget {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new TeamDbError(
      'team_invalid',
      'The team database URL is not a URL (postgres://ROLE@HOST:PORT/DATABASE).',
    );
  }
  if (parsed.protocol !== 'postgres:' && parsed.protocol !== 'postgresql:') {
    throw new TeamDbError(
      'team_invalid',
      'The team database URL starts with postgres:// (postgres://ROLE@HOST:PORT/DATABASE).',
    );
  }
  const user = decodeURIComponent(parsed.username);
  const host = parsed.hostname.replace(/^\[|\]$/g, '');
  const database = decodeURIComponent(parsed.pathname.replace(/^\//, '')) || user;
  if (!user || !host) {
    throw new TeamDbError(
      'team_invalid',
      'The team database URL names a role and a host (postgres://ROLE@HOST:PORT/DATABASE).',
    );
  }
  const port = parsed.port ? Number(parsed.port) : 5432;
  return {
    user,
    host,
    port,
    database,
    where: `${user}@${host}:${port}/${database}`,
    urlHasPassword: parsed.password !== '',
  };
}

/**
 * node-postgres lets the URL's fields override the config object's, an absent password included, so a
 * password found elsewhere goes into the URL itself (used only in memory, never logged).
 */
export function urlWithPassword(url: string, password: string | undefined): string {
  const withPassword = new URL(url);
  if (password !== undefined) withPassword.password = encodeURIComponent(password);
  return withPassword.toString();
}

export interface ConnectTeamOptions {
  url: string;
  /** From a prompt or the keychain; otherwise PGPASSWORD / ~/.pgpass; otherwise none (certificate login). */
  password?: string | null;
  env?: Record<string, string | undefined>;
  home?: string;
  applicationName?: string;
  connectTimeoutMs?: number;
}

export function resolvePassword(options: ConnectTeamOptions, target: TeamTarget): string | undefined {
  if (options.password) return options.password;
  return lookupPassword(target, options.env ?? process.env, options.home ?? process.env.HOME) ?? undefined;
}

/** A connected client; failures are one typed line naming the target and the reason. */
export async function connectTeam(options: ConnectTeamOptions): Promise<Client> {
  const target = parseTeamUrl(options.url);
  const password = resolvePassword(options, target);
  const client = new Client({
    connectionString: urlWithPassword(options.url, password),
    application_name: options.applicationName ?? 'kyc-desk',
    connectionTimeoutMillis: options.connectTimeoutMs ?? 10_000,
  });
  // A dropped connection later surfaces on the next query; an unhandled 'error' must not crash main.
  client.on('error', () => undefined);
  try {
    await client.connect();
  } catch (error) {
    await client.end().catch(() => undefined);
    throw describeConnectError(error, target.where);
  }
  return client;
}
