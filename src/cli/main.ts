import { parseArgs, type ParseArgsConfig } from 'node:util';
import { toStorageError } from '../main/db/storage';
import { AppError, isAppError } from '../main/errors';
import { runCacheCommand } from './commands/cache-admin';
import * as ondato from './commands/ondato';
import { CORE_COMMANDS, runCoreCommand, trackCreated } from './core-commands';
import { simulator } from './commands/simulator';
import { relay } from './commands/relay';
import { team } from './commands/team';
import { readEnvConfig } from './env-config';
import { terminalSafe, type CliIo } from './io';
import { USAGE } from './usage';

type Options = NonNullable<ParseArgsConfig['options']>;

const common: Options = { json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } };
const str = { type: 'string' } as const;

const COMMANDS: Record<string, { options: Options; positionals: number }> = {
  simulator: {
    options: {
      port: str,
      host: str,
      seed: str,
      demo: { type: 'boolean' },
      autopilot: { type: 'boolean' },
      'webhook-url': str,
      'webhook-events': str,
      'webhook-auth': str,
      'webhook-token-url': str,
      'webhook-pascal-case': { type: 'boolean' },
    },
    positionals: 0,
  },
  setups: { options: {}, positionals: 0 },
  create: {
    options: {
      'first-name': str,
      'middle-name': str,
      'last-name': str,
      'date-of-birth': str,
      'personal-code': str,
      email: str,
      phone: str,
      country: str,
      'external-ref': str,
      setup: str,
      track: { type: 'boolean' },
      'data-dir': str,
      'from-json': str,
    },
    positionals: 0,
  },
  status: { options: {}, positionals: 1 },
  kyc: { options: {}, positionals: 1 },
  files: { options: { out: str }, positionals: 1 },
  qr: { options: { out: str }, positionals: 1 },
  url: { options: {}, positionals: 1 },
};

export const EXIT = { ok: 0, failed: 1, usage: 2 } as const;

function describe(raw: unknown): { lines: string[]; code: number } {
  const error = toStorageError(raw);
  if (isAppError(error)) {
    const lines = [`kyc-desk: ${error.message}`];
    for (const [field, messages] of Object.entries(error.fields ?? {}))
      lines.push(`  ${field}: ${messages.join(' ')}`);
    return { lines, code: error.code === 'usage' ? EXIT.usage : EXIT.failed };
  }
  if (error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS')) {
    return {
      lines: [`kyc-desk: ${error.message}`, 'Run `kyc-desk --help` for the commands.'],
      code: EXIT.usage,
    };
  }
  if (error instanceof RangeError) return { lines: [`kyc-desk: ${error.message}`], code: EXIT.usage };
  // Unexpected: one line, no stack trace and no message text, which could carry customer data.
  return { lines: ['kyc-desk: an unexpected error stopped the command.'], code: EXIT.failed };
}

async function runCommand(io: CliIo, argv: string[]): Promise<void> {
  const [command, ...rest] = argv;
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    io.out(USAGE);
    return;
  }
  if (CORE_COMMANDS.has(command)) return runCoreCommand(io, command, rest);
  if (command === 'team' && (rest[0] === 'status' || rest[0] === 'join'))
    return runCoreCommand(io, command, rest);
  if (command === 'team') return team(io, rest);
  if (command === 'relay') return relay(io, rest);
  if (command === 'cache') return runCacheCommand(io, rest);
  const spec = COMMANDS[command];
  if (!spec)
    throw new AppError('usage', `Unknown command "${command}". Run \`kyc-desk --help\` for the commands.`);
  const { values, positionals } = parseArgs({
    args: rest,
    options: { ...common, ...spec.options },
    allowPositionals: true,
    strict: true,
  });
  if (values.help) {
    io.out(USAGE);
    return;
  }
  if (positionals.length !== spec.positionals) {
    throw new AppError(
      'usage',
      spec.positionals === 0
        ? `${command} takes no arguments besides its options.`
        : `${command} needs exactly one IDV id, e.g. \`kyc-desk ${command} <idvId>\`.`,
    );
  }
  const json = values.json === true;
  const flags = values as Record<string, string | boolean | undefined>;
  if (command === 'simulator') return simulator(io, json, flags);

  const ctx: ondato.CommandContext = { io, json, config: readEnvConfig(io.env) };
  const id = positionals[0] ?? '';
  const out = typeof flags.out === 'string' ? flags.out : undefined;
  switch (command) {
    case 'setups':
      return ondato.setups(ctx);
    case 'create': {
      const created = await ondato.create(ctx, flags as ondato.CreateFlags);
      if (flags.track === true)
        await trackCreated(
          io,
          typeof flags['data-dir'] === 'string' ? flags['data-dir'] : undefined,
          created,
        );
      return;
    }
    case 'status':
      return ondato.status(ctx, id);
    case 'kyc':
      return ondato.kyc(ctx, id);
    case 'files':
      return ondato.files(ctx, id, out);
    case 'qr':
      return ondato.qr(ctx, id, out);
    case 'url':
      return ondato.url(ctx, id);
    default:
      throw new AppError('usage', `Unknown command "${command}".`);
  }
}

/** Runs one command; returns the process exit code. Never throws. */
export async function runCli(rawIo: CliIo, argv: string[]): Promise<number> {
  const io = terminalSafe(rawIo);
  try {
    await runCommand(io, argv);
    return EXIT.ok;
  } catch (error) {
    const { lines, code } = describe(error);
    for (const line of lines) io.err(line);
    return code;
  }
}
