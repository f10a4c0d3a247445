import { AppError } from '../../main/errors';
import type { Core } from '../../main/app/core';
import { fieldErrors } from '../../shared/domain/fields';
import type { WorkspaceView } from '../../shared/domain/views';
import { newWorkspaceSchema } from '../../shared/ipc/contract';
import { notConfirmedLine } from '../confirm';
import { print, type CliIo } from '../io';

export interface WorkspaceAddFlags {
  name?: string;
  env?: string;
  'client-id'?: string;
  setup?: string;
  'customer-url'?: string;
  'base-url'?: string;
  officer?: string;
}

function usage(message: string): AppError {
  return new AppError('usage', message);
}

function line(ws: WorkspaceView, activeId: string | null): string {
  const mark = ws.id === activeId ? '*' : ' ';
  const secret = ws.hasSecret ? 'secret stored' : 'NO SECRET';
  const team = ws.teamUrl ? `  team ${ws.teamUrl}` : '';
  return `${mark} ${ws.id}  ${ws.name}  [${ws.environment}]  ${ws.clientId}  ${ws.customerHost || '-'}  ${secret}${team}`;
}

/** A workspace by id or by (case-insensitive) name. */
async function find(core: Core, ref: string): Promise<WorkspaceView> {
  const { workspaces } = await core.services.workspaces.list();
  const match =
    workspaces.find((ws) => ws.id === ref) ??
    workspaces.filter((ws) => ws.name.toLowerCase() === ref.toLowerCase()).at(0);
  if (!match)
    throw new AppError('workspace_not_found', `No workspace "${ref}". See \`kyc-desk workspace list\`.`);
  return match;
}

export async function workspaceAdd(
  io: CliIo,
  core: Core,
  json: boolean,
  flags: WorkspaceAddFlags,
): Promise<WorkspaceView> {
  const env = flags.env;
  if (env === 'demo') {
    const ws = await core.services.workspaces.createDemo({ officerName: flags.officer });
    print(io, json, ws, () => [`Demo workspace ${ws.id} is active (simulator on ${ws.customerHost}).`]);
    return ws;
  }
  if (env !== 'production' && env !== 'sandbox') throw usage('Give --env production, sandbox or demo.');
  const missing = (['name', 'client-id', 'setup'] as const).filter((key) => !flags[key]);
  if (missing.length > 0) throw usage(`workspace add needs ${missing.map((m) => `--${m}`).join(', ')}.`);
  // The same rules as the app's form, except the URLs: the CLI may point at a loopback simulator.
  const checked = newWorkspaceSchema
    .pick({ name: true, clientId: true, setupId: true, officerName: true })
    .safeParse({
      name: flags.name,
      clientId: flags['client-id'],
      setupId: flags.setup,
      officerName: flags.officer,
    });
  if (!checked.success) {
    throw new AppError('invalid_input', 'Check the workspace options.', {
      fields: fieldErrors(checked.error),
    });
  }
  if (!io.readSecret)
    throw usage('The client secret is read from stdin or a terminal prompt, and neither is available.');
  const secret = await io.readSecret('Ondato client secret (input hidden): ');
  if (secret.trim() === '') throw usage('No client secret was given on stdin.');
  const base = flags['base-url'];
  const ws = await core.services.workspaces.add({
    ...checked.data,
    environment: env,
    clientSecret: secret.trim(),
    customerBaseUrl: flags['customer-url'] ?? base,
    // --base-url points every API role at one host (a proxy, the simulator); customer links follow it
    // unless --customer-url says otherwise.
    overrides: base ? { authUrl: base, idvApiUrl: base, kycApiUrl: base } : undefined,
  });
  print(io, json, ws, () => [`Added workspace ${ws.id} (${ws.name}); the secret is in the system keychain.`]);
  return ws;
}

export async function workspaceList(io: CliIo, core: Core, json: boolean): Promise<void> {
  const list = await core.services.workspaces.list();
  print(io, json, list, () =>
    list.workspaces.length === 0
      ? ['No workspaces. Add one with `kyc-desk workspace add` (or `--env demo`).']
      : list.workspaces.map((ws) => line(ws, list.activeId)),
  );
}

export async function workspaceUse(io: CliIo, core: Core, json: boolean, ref: string): Promise<void> {
  const ws = await find(core, ref);
  await core.services.workspaces.activate(ws.id);
  print(io, json, { activeId: ws.id }, () => [`Active workspace: ${ws.name} (${ws.id})`]);
}

export async function workspaceTest(
  io: CliIo,
  core: Core,
  json: boolean,
  ref: string | undefined,
): Promise<void> {
  const ws = ref
    ? await find(core, ref)
    : await find(core, (await core.services.workspaces.list()).activeId ?? '');
  const result = await core.services.workspaces.test(ws.id);
  print(io, json, result, () => [
    `Connected to Ondato as ${ws.clientId}.`,
    `Scopes: ${result.scopes?.join(' ') ?? 'not listed'}`,
    ...result.setups.map((s) => `Setup ${s.id}  ${s.name}${s.disabled ? '  [disabled]' : ''}`),
  ]);
}

export async function workspaceRemove(io: CliIo, core: Core, json: boolean, ref: string): Promise<void> {
  const ws = await find(core, ref);
  await core.services.workspaces.remove(ws.id);
  print(io, json, { removed: ws.id }, () => [
    `Removed workspace ${ws.name} (${ws.id}), its keychain entries and every cached case, decision and audit row.`,
    'Its audit trail was archived in the exports folder first, and the removal recorded in the desk chain.',
  ]);
}

export interface WorkspaceSetFlags {
  name?: string | undefined;
  officer?: string | undefined;
  setup?: string | undefined;
  'customer-url'?: string | undefined;
  'base-url'?: string | undefined;
  'auth-url'?: string | undefined;
  'idv-api-url'?: string | undefined;
  'kyc-api-url'?: string | undefined;
  'new-secret'?: boolean;
  yes?: boolean;
}

/** The overrides after `set`: --base-url points every API role at one host, a role flag wins over it. */
function nextOverrides(ws: WorkspaceView, flags: WorkspaceSetFlags): Record<string, string> | undefined {
  const base = flags['base-url'];
  const given = {
    ...(base ? { authUrl: base, idvApiUrl: base, kycApiUrl: base } : {}),
    ...(flags['auth-url'] ? { authUrl: flags['auth-url'] } : {}),
    ...(flags['idv-api-url'] ? { idvApiUrl: flags['idv-api-url'] } : {}),
    ...(flags['kyc-api-url'] ? { kycApiUrl: flags['kyc-api-url'] } : {}),
  };
  return Object.keys(given).length === 0 ? undefined : { ...ws.overrides, ...given };
}

export async function workspaceSet(
  io: CliIo,
  core: Core,
  json: boolean,
  ref: string,
  flags: WorkspaceSetFlags,
): Promise<void> {
  const ws = await find(core, ref);
  const checked = newWorkspaceSchema
    .pick({ name: true, setupId: true, officerName: true })
    .partial()
    .safeParse({ name: flags.name, setupId: flags.setup, officerName: flags.officer });
  if (!checked.success) {
    throw new AppError('invalid_input', 'Check the workspace options.', {
      fields: fieldErrors(checked.error),
    });
  }
  const overrides = nextOverrides(ws, flags);
  const customerBaseUrl = flags['customer-url'] ?? flags['base-url'];
  const hostsGiven = overrides !== undefined || customerBaseUrl !== undefined;
  // Refuse before prompting: the secret would be typed for nothing.
  if (hostsGiven && flags.yes !== true) {
    throw notConfirmedLine(`Changing the Ondato addresses of “${ws.name}” needs confirmation.`);
  }
  let clientSecret: string | undefined;
  if (hostsGiven || flags['new-secret'] === true) {
    if (!io.readSecret)
      throw usage('The client secret is read from stdin or a terminal prompt, and neither is available.');
    clientSecret = (await io.readSecret('Ondato client secret for these addresses (input hidden): ')).trim();
    if (clientSecret === '') throw usage('No client secret was given on stdin.');
  }
  const updated = await core.services.workspaces.update({
    id: ws.id,
    ...(checked.data.name === undefined ? {} : { name: checked.data.name }),
    ...(checked.data.officerName === undefined ? {} : { officerName: checked.data.officerName }),
    ...(checked.data.setupId === undefined ? {} : { setupId: checked.data.setupId }),
    ...(customerBaseUrl === undefined ? {} : { customerBaseUrl }),
    ...(overrides === undefined ? {} : { overrides }),
    ...(clientSecret === undefined ? {} : { clientSecret }),
  });
  print(io, json, updated, () => [
    `Updated workspace ${updated.id} (${updated.name})${clientSecret === undefined ? '' : '; the new secret is in the system keychain'}.`,
  ]);
}
