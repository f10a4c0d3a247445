import { startSimulator, DEFAULT_CLIENTS, SETUPS } from '../../simulator';
import { print, type CliIo } from '../io';

export interface SimulatorFlags {
  port?: string;
  host?: string;
  seed?: string;
  demo?: boolean;
  autopilot?: boolean;
}

function integer(raw: string | undefined, name: string, fallback: number): number {
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) throw new RangeError(`--${name} must be a whole number.`);
  return value;
}

/** Serves the simulator until interrupted (Ctrl+C). */
export async function simulator(io: CliIo, json: boolean, flags: SimulatorFlags): Promise<void> {
  const sim = await startSimulator({
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
      '',
      `export ONDATO_ENV=simulator ONDATO_SIMULATOR_URL=${sim.url} ONDATO_CLIENT_ID=${client?.clientId ?? ''} ONDATO_CLIENT_SECRET=${client?.clientSecret ?? ''} ONDATO_SETUP_ID=${SETUPS[0]?.id ?? ''}`,
      'Press Ctrl+C to stop.',
    ],
  );
  await io.interrupted;
  await sim.stop();
}
