import { parseArgs, type ParseArgsConfig } from 'node:util';
import { AppError } from '../main/errors';
import type { CreateIdvRequest } from '../main/ondato';
import * as cache from './commands/cache';
import * as exporting from './commands/exports';
import * as records from './commands/records';
import * as teamDesk from './commands/team-desk';
import * as workspace from './commands/workspace';
import { openCliCore } from './core-context';
import { decideInput } from './decide-input';
import type { CliIo } from './io';
import { USAGE } from './usage';

type Options = NonNullable<ParseArgsConfig['options']>;
const str = { type: 'string' } as const;
const flag = { type: 'boolean' } as const;
const common: Options = { json: flag, help: { type: 'boolean', short: 'h' }, 'data-dir': str };

interface Spec {
  options: Options;
  /** Allowed positional counts (after the command, and the subcommand for `workspace`/`audit`). */
  positionals: readonly number[];
  /** Runs against ONDATO_* variables when set (the implicit workspace). */
  env: boolean;
  /** Any number of positionals (`import <idvId>...`); `positionals` is then ignored. */
  many?: boolean;
  /** Starts the sync loop (only `sync --watch`). */
  sync?: (values: Record<string, string | boolean | undefined>) => boolean;
}

const SPECS: Record<string, Spec> = {
  'workspace add': {
    options: {
      name: str,
      env: str,
      'client-id': str,
      setup: str,
      'customer-url': str,
      'base-url': str,
      officer: str,
      'team-url': str,
    },
    positionals: [0],
    env: false,
  },
  'workspace list': { options: {}, positionals: [0], env: false },
  'workspace use': { options: {}, positionals: [1], env: false },
  'workspace test': { options: {}, positionals: [0, 1], env: false },
  'workspace remove': { options: { yes: flag }, positionals: [1], env: false },
  'workspace set': {
    options: {
      name: str,
      officer: str,
      setup: str,
      'customer-url': str,
      'base-url': str,
      'auth-url': str,
      'idv-api-url': str,
      'kyc-api-url': str,
      'new-secret': flag,
      yes: flag,
    },
    positionals: [1],
    env: false,
  },
  sync: { options: { once: flag, watch: flag }, positionals: [0], env: true, sync: (v) => v.watch === true },
  cases: {
    options: {
      search: str,
      status: str,
      limit: str,
      csv: flag,
      out: str,
      decision: str,
      decided: flag,
      undecided: flag,
      queue: str,
      'overdue-after': str,
    },
    positionals: [0],
    env: true,
  },
  show: { options: {}, positionals: [1], env: true },
  decide: {
    options: { decision: str, reason: str, note: str, override: str, 'override-all-reviewed': flag },
    positionals: [1],
    env: true,
  },
  'audit verify': { options: { against: str }, positionals: [0], env: true },
  'audit export': { options: { out: str }, positionals: [0], env: true },
  export: { options: { out: str }, positionals: [1], env: true },
  'retention run': { options: { 'dry-run': flag }, positionals: [0], env: true },
  'retention set': { options: { days: str }, positionals: [0], env: true },
  redact: { options: { yes: flag }, positionals: [1], env: true },
  import: { options: { since: str, 'max-pages': str }, positionals: [], env: true, many: true },
  'team status': { options: {}, positionals: [0], env: true },
  'team join': { options: {}, positionals: [1], env: false },
  approve: { options: { note: str }, positionals: [1], env: true },
  'send-back': { options: { note: str }, positionals: [1], env: true },
  assign: { options: { to: str }, positionals: [1], env: true },
  release: { options: {}, positionals: [1], env: true },
};

export const CORE_COMMANDS: ReadonlySet<string> = new Set([
  'workspace',
  'sync',
  'cases',
  'show',
  'decide',
  'audit',
  'export',
  'retention',
  'redact',
  'import',
  'approve',
  'send-back',
  'assign',
  'release',
]);

function specOf(command: string, rest: string[]): { key: string; spec: Spec; args: string[] } {
  if (command === 'workspace' || command === 'audit' || command === 'retention' || command === 'team') {
    const [sub, ...args] = rest;
    const key = `${command} ${sub ?? ''}`;
    const spec = SPECS[key];
    if (!spec) {
      const subs = Object.keys(SPECS)
        .filter((k) => k.startsWith(`${command} `))
        .map((k) => k.split(' ')[1]);
      throw new AppError('usage', `Use \`kyc-desk ${command} ${subs.join('|')}\`.`);
    }
    return { key, spec, args };
  }
  const spec = SPECS[command];
  if (!spec) throw new AppError('usage', `Unknown command "${command}".`);
  return { key: command, spec, args: rest };
}

/** The commands that go through the app's core (cache, keychain, sync engine). */
export async function runCoreCommand(io: CliIo, command: string, rest: string[]): Promise<void> {
  const { key, spec, args } = specOf(command, rest);
  const { values, positionals } = parseArgs({
    args,
    options: { ...common, ...spec.options },
    allowPositionals: true,
    strict: true,
  });
  if (values.help) {
    io.out(USAGE);
    return;
  }
  if (!spec.many && !spec.positionals.includes(positionals.length)) {
    throw new AppError('usage', `Wrong arguments for \`kyc-desk ${key}\`. Run \`kyc-desk --help\`.`);
  }
  const v = values as Record<string, string | boolean | undefined>;
  const text = (name: string): string | undefined => (typeof v[name] === 'string' ? v[name] : undefined);
  if (key === 'sync' && v.once !== true && v.watch !== true)
    throw new AppError('usage', 'Give sync --once or --watch.');
  // Refused before the cache opens: nothing at Ondato or locally is touched without --yes.
  if (key === 'redact') records.requireYes(v.yes === true);
  const json = v.json === true;
  // Checked before the cache opens, with the IPC schema: a bad decision never reaches the service.
  const decision =
    key === 'decide'
      ? decideInput(positionals[0] ?? '', {
          decision: text('decision'),
          reason: text('reason'),
          note: text('note'),
        })
      : null;
  const { core } = await openCliCore(io, {
    dataDir: text('data-dir'),
    allowEnv: spec.env,
    sync: spec.sync?.(v) ?? false,
    yes: v.yes === true,
  });
  const id = positionals[0] ?? '';
  try {
    switch (key) {
      case 'workspace add': {
        const added = await workspace.workspaceAdd(io, core, json, {
          name: text('name'),
          env: text('env'),
          'client-id': text('client-id'),
          setup: text('setup'),
          'customer-url': text('customer-url'),
          'base-url': text('base-url'),
          officer: text('officer'),
        });
        const teamUrl = text('team-url');
        if (teamUrl !== undefined) await teamDesk.teamJoin(io, core, json, teamUrl, added.id);
        return;
      }
      case 'workspace list':
        return await workspace.workspaceList(io, core, json);
      case 'workspace use':
        return await workspace.workspaceUse(io, core, json, id);
      case 'workspace test':
        return await workspace.workspaceTest(io, core, json, positionals[0]);
      case 'workspace remove':
        return await workspace.workspaceRemove(io, core, json, id);
      case 'workspace set':
        return await workspace.workspaceSet(io, core, json, id, {
          name: text('name'),
          officer: text('officer'),
          setup: text('setup'),
          'customer-url': text('customer-url'),
          'base-url': text('base-url'),
          'auth-url': text('auth-url'),
          'idv-api-url': text('idv-api-url'),
          'kyc-api-url': text('kyc-api-url'),
          'new-secret': v['new-secret'] === true,
          yes: v.yes === true,
        });
      case 'sync':
        if (v.watch === true) return await cache.syncWatch(io, core, json);
        // Team mode: take this desk's poll leases first; the pass then polls only those.
        await teamDesk.beforeSync(core);
        await cache.syncOnce(io, core, json);
        return await teamDesk.afterSync(io, core, json);
      case 'cases':
        if (text('queue') !== undefined)
          return await teamDesk.queue(io, core, json, {
            queue: text('queue') ?? '',
            overdueAfter: text('overdue-after'),
            limit: text('limit'),
          });
        if (v.csv === true)
          return exporting.exportRegister(io, core, json, {
            search: text('search'),
            status: text('status'),
            decision: text('decision'),
            decided: v.decided === true,
            undecided: v.undecided === true,
            out: text('out'),
          });
        return cache.listCases(io, core, json, {
          search: text('search'),
          status: text('status'),
          limit: text('limit'),
        });
      case 'decide':
        cache.decide(io, core, json, decision?.caseId ?? id, {
          decision: decision?.decision,
          reason: decision?.reasonCode,
          note: decision?.note,
          override: text('override'),
          overrideAllReviewed: v['override-all-reviewed'] === true,
        });
        return await teamDesk.afterDecide(io, core, json, decision?.caseId ?? id);
      case 'show':
        cache.showCase(io, core, json, id);
        if (!json) for (const line of teamDesk.teamLines(core.services.team.caseView(id))) io.out(line);
        return;
      case 'team status':
        return await teamDesk.teamStatus(io, core, json);
      case 'team join':
        return await teamDesk.teamJoin(io, core, json, id);
      case 'approve':
      case 'send-back':
        return await teamDesk.review(io, core, json, id, key, text('note'));
      case 'assign':
        return await teamDesk.assign(io, core, json, id, text('to'));
      case 'release':
        return await teamDesk.release(io, core, json, id);
      case 'audit verify':
        return await cache.auditVerify(io, core, json, text('against'));
      case 'audit export':
        return cache.auditExport(io, core, json, text('out'));
      case 'export':
        return await exporting.exportCase(io, core, json, id, text('out'));
      case 'retention run':
        return records.retentionRun(io, core, json, v['dry-run'] === true);
      case 'retention set':
        return records.retentionSet(io, core, json, text('days'));
      case 'redact':
        return await records.redact(io, core, json, id);
      case 'import':
        return await records.importCases(io, core, json, positionals, {
          since: text('since'),
          maxPages: text('max-pages'),
        });
    }
  } finally {
    await core.close();
  }
}

/** `create --track`: keeps the new case in the environment workspace's cache for `sync`, `cases`, `show`. */
export async function trackCreated(
  io: CliIo,
  dataDir: string | undefined,
  created: { id: string; request: CreateIdvRequest },
): Promise<void> {
  const { core } = await openCliCore(io, { dataDir, allowEnv: true, sync: false });
  try {
    const { registration } = created.request;
    core.services.cases.adopt({
      idvId: created.id,
      externalRef: created.request.externalReferenceId ?? null,
      setupId: created.request.setupId,
      registration: registration ?? null,
    });
  } finally {
    await core.close();
  }
}
