import { hostname } from 'node:os';
import { parseArgs } from 'node:util';
import { AppError } from '../../main/errors';
import { connectTeam, parseTeamUrl, resolvePassword, urlWithPassword } from '../../team-db/connect';
import { isTeamDbError } from '../../team-db/errors';
import { checkTeamSchema } from '../../team-db/migrate';
import {
  createRelayServer,
  DEFAULT_MAX_BODY,
  listen,
  ONDATO_SOURCE_IPS,
  type RelayAuth,
} from '../../relay/server';
import { createPgStore } from '../../relay/store';
import { print, type CliIo } from '../io';

/*
 * `kyc-desk relay`: configuration by flags and environment; credentials only from the environment
 * (KYC_DESK_RELAY_USERNAME/PASSWORD for basic, KYC_DESK_RELAY_CLIENT_ID/SECRET for OAuth2) and the
 * database password from PGPASSWORD or ~/.pgpass — never from the command line.
 */
export const RELAY_USAGE = `kyc-desk relay --port N [--host H] --database postgres://RELAY_ROLE@HOST:PORT/DB
    [--auth basic|oauth2] [--path /ondato/webhooks] [--token-path /oauth/token] [--name NAME]
    [--allow-ondato-ips] [--allow-ip IP]... [--trust-proxy] [--max-body BYTES]`;

const HEARTBEAT_MS = 15_000;

function authFromEnv(mode: string, env: Record<string, string | undefined>): RelayAuth {
  if (mode === 'basic') {
    const username = env.KYC_DESK_RELAY_USERNAME;
    const password = env.KYC_DESK_RELAY_PASSWORD;
    if (!username || !password) {
      throw new AppError(
        'usage',
        'Basic authentication needs KYC_DESK_RELAY_USERNAME and KYC_DESK_RELAY_PASSWORD.',
      );
    }
    return { mode, username, password };
  }
  if (mode === 'oauth2') {
    const clientId = env.KYC_DESK_RELAY_CLIENT_ID;
    const clientSecret = env.KYC_DESK_RELAY_CLIENT_SECRET;
    if (!clientId || !clientSecret) {
      throw new AppError('usage', 'OAuth2 needs KYC_DESK_RELAY_CLIENT_ID and KYC_DESK_RELAY_CLIENT_SECRET.');
    }
    return { mode, clientId, clientSecret };
  }
  throw new AppError('usage', '--auth is basic or oauth2.');
}

export async function relay(io: CliIo, argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      database: { type: 'string' },
      auth: { type: 'string' },
      path: { type: 'string' },
      'token-path': { type: 'string' },
      name: { type: 'string' },
      'allow-ondato-ips': { type: 'boolean' },
      'allow-ip': { type: 'string', multiple: true },
      'trust-proxy': { type: 'boolean' },
      'max-body': { type: 'string' },
      json: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
    allowPositionals: false,
    strict: true,
  });
  if (values.help) {
    io.out(RELAY_USAGE);
    return;
  }
  const env = io.env;
  const port = Number(values.port ?? env.KYC_DESK_RELAY_PORT ?? '');
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new AppError('usage', 'Give --port N (0–65535).');
  const host = values.host ?? env.KYC_DESK_RELAY_HOST ?? '127.0.0.1';
  const url = values.database ?? env.KYC_DESK_RELAY_DATABASE_URL ?? env.DATABASE_URL;
  if (!url)
    throw new AppError('usage', 'Give --database postgres://RELAY_ROLE@HOST:PORT/DB or set DATABASE_URL.');
  const target = parseTeamUrl(url);
  if (values.database !== undefined && target.urlHasPassword) {
    throw new AppError('usage', 'Leave the password out of --database: use PGPASSWORD or ~/.pgpass.');
  }
  const auth = authFromEnv(values.auth ?? env.KYC_DESK_RELAY_AUTH ?? 'basic', env);
  const maxBody = values['max-body'] === undefined ? DEFAULT_MAX_BODY : Number(values['max-body']);
  if (!Number.isInteger(maxBody) || maxBody < 1024 || maxBody > 16 * 1024 * 1024) {
    throw new AppError('usage', '--max-body is 1024 to 16777216 bytes.');
  }
  const allowIps = [...(values['allow-ondato-ips'] ? ONDATO_SOURCE_IPS : []), ...(values['allow-ip'] ?? [])];
  const name = values.name ?? env.KYC_DESK_RELAY_NAME ?? `${hostname()}:${port}`;

  // Check the schema once (and fail fast on a wrong password) before accepting deliveries.
  const password = resolvePassword({ url, env, home: env.HOME }, target);
  try {
    const probe = await connectTeam({
      url,
      password: password ?? null,
      env,
      applicationName: 'kyc-desk relay',
    });
    try {
      const version = await checkTeamSchema(probe);
      if (version < 2)
        throw new AppError(
          'team_schema_old',
          'The team database predates webhooks: run `kyc-desk team init` to upgrade it.',
        );
    } finally {
      await probe.end().catch(() => undefined);
    }
  } catch (error) {
    if (isTeamDbError(error)) throw new AppError(error.code, error.message);
    throw error;
  }
  const store = createPgStore({ connectionString: urlWithPassword(url, password), relayName: name });
  const server = createRelayServer({
    store,
    auth,
    allowIps,
    trustProxy: values['trust-proxy'] === true,
    maxBodyBytes: maxBody,
    ...(values.path ? { path: values.path } : {}),
    ...(values['token-path'] ? { tokenPath: values['token-path'] } : {}),
    log: {
      info: (message, fields) => io.err(`relay ${message} ${JSON.stringify(fields ?? {})}`),
      warn: (message, fields) => io.err(`relay warning: ${message} ${JSON.stringify(fields ?? {})}`),
    },
  });
  // The first heartbeat proves the role may record (a misconfigured grant fails here, not on Ondato's first call).
  try {
    await store.heartbeat();
  } catch {
    await store.close();
    throw new AppError(
      'team_forbidden',
      `${target.where} may not record webhook events: add it with \`kyc-desk team relay add\`.`,
    );
  }
  const address = await listen(server, port, host);
  const beat = (): void => void store.heartbeat().catch(() => undefined);
  const timer = setInterval(beat, HEARTBEAT_MS);
  print(
    io,
    values.json === true,
    { url: `http://${address.address}:${address.port}`, name, auth: auth.mode },
    () => [
      `KYC Desk relay "${name}" on http://${address.address}:${address.port} (${auth.mode} authentication); put it behind your HTTPS proxy.`,
    ],
  );
  await io.interrupted;
  clearInterval(timer);
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await store.close();
}
