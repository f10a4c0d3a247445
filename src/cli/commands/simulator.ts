import { AppError } from '../../main/errors';
import { startSimulator, DEFAULT_CLIENTS, SETUPS } from '../../simulator';
import { print, type CliIo } from '../io';

export interface SimulatorFlags {
  port?: string;
  host?: string;
  seed?: string;
  demo?: boolean;
  autopilot?: boolean;
  'webhook-url'?: string;
  'webhook-events'?: string;
  'webhook-auth'?: string;
  'webhook-token-url'?: string;
  'webhook-pascal-case'?: boolean;
}

function required(env: Record<string, string | undefined>, name: string): string {
  const value = env[name];
  if (!value) throw new AppError('usage', `Set ${name} for the webhook subscription's credentials.`);
  return value;
}

/** The subscription the flags describe; secrets come from the environment, never from flags. */
export function webhookFromFlags(
  flags: SimulatorFlags,
  env: Record<string, string | undefined>,
): Record<string, unknown> | undefined {
  const url = flags['webhook-url'];
  if (url === undefined) {
    if (flags['webhook-auth'] ?? flags['webhook-events'] ?? flags['webhook-token-url']) {
      throw new AppError('usage', 'The --webhook-* options need --webhook-url.');
    }
    return undefined;
  }
  const events = (flags['webhook-events'] ?? '')
    .split(',')
    .map((e) => e.trim())
    .filter((e) => e !== '');
  const kind = flags['webhook-auth'] ?? 'none';
  let auth: Record<string, unknown>;
  if (kind === 'basic') {
    auth = {
      kind,
      username: required(env, 'KYC_DESK_WEBHOOK_USERNAME'),
      password: required(env, 'KYC_DESK_WEBHOOK_PASSWORD'),
    };
  } else if (kind === 'oauth2') {
    const tokenUrl = flags['webhook-token-url'];
    if (!tokenUrl) throw new AppError('usage', '--webhook-auth oauth2 needs --webhook-token-url.');
    auth = {
      kind,
      tokenUrl,
      clientId: required(env, 'KYC_DESK_WEBHOOK_CLIENT_ID'),
      clientSecret: required(env, 'KYC_DESK_WEBHOOK_CLIENT_SECRET'),
    };
  } else if (kind === 'none') {
    auth = { kind };
  } else {
    throw new AppError('usage', '--webhook-auth must be basic or oauth2.');
  }
  return { url, events, auth, pascalCase: flags['webhook-pascal-case'] ?? false };
}

function integer(raw: string | undefined, name: string, fallback: number): number {
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) throw new RangeError(`--${name} must be a whole number.`);
  return value;
}

/** Serves the simulator until interrupted (Ctrl+C). */
export async function simulator(io: CliIo, json: boolean, flags: SimulatorFlags): Promise<void> {
  const webhook = webhookFromFlags(flags, io.env);
  const sim = await startSimulator({
    ...(webhook ? { webhooks: [webhook] } : {}),
    port: integer(flags.port, 'port', 0),
    ...(flags.host ? { host: flags.host } : {}),
    seed: integer(flags.seed, 'seed', 1),
    demo: flags.demo ?? false,
    autopilot: flags.autopilot ?? false,
  });
  const client = DEFAULT_CLIENTS[0];
  print(
    io,
    json,
    { url: sim.url, clients: DEFAULT_CLIENTS, setups: SETUPS.map((s) => ({ id: s.id, name: s.name })) },
    () => [
      `KYC Desk Ondato simulator on ${sim.url}`,
      `Client: ${client?.clientId ?? ''} / ${client?.clientSecret ?? ''} (test credentials of the simulator)`,
      ...SETUPS.map((s) => `Setup ${s.id}  ${s.name}`),
      ...(webhook ? [`Webhooks to ${String(webhook['url'])}`] : []),
      '',
      `export ONDATO_ENV=simulator ONDATO_SIMULATOR_URL=${sim.url} ONDATO_CLIENT_ID=${client?.clientId ?? ''} ONDATO_CLIENT_SECRET=${client?.clientSecret ?? ''} ONDATO_SETUP_ID=${SETUPS[0]?.id ?? ''}`,
      'Press Ctrl+C to stop.',
    ],
  );
  await io.interrupted;
  await sim.stop();
}
