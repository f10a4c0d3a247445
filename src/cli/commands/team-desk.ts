import { AppError } from '../../main/errors';
import type { Core } from '../../main/app/core';
import { parseTeamUrl } from '../../team-db/connect';
import { lookupPassword } from '../../team-db/pgpass';
import {
  TEAM_QUEUES,
  type TeamCaseView,
  type TeamQueue,
  type TeamStatusView,
} from '../../shared/domain/team';
import { print, type CliIo } from '../io';

/*
 * The desk's side of team mode on the command line: joining, status, the four-eyes review, assignment
 * and the queues. Every command works on the cache first; those that need the team say, in one line,
 * which host failed and why.
 */

/** The team password for joining: PGPASSWORD or ~/.pgpass as PostgreSQL's tools do, else a hidden prompt. */
export async function teamPassword(io: CliIo, url: string): Promise<string | null> {
  const target = parseTeamUrl(url);
  if (target.urlHasPassword) {
    throw new AppError(
      'usage',
      'Leave the password out of --team-url (shell history, `ps`): use the prompt, PGPASSWORD or ~/.pgpass.',
    );
  }
  const env = io.env.PGPASSWORD;
  if (env) return env;
  // ~/.pgpass is read again at every connection, like libpq: no copy goes to the keychain.
  if (lookupPassword(target, { ...io.env, PGPASSWORD: undefined }, io.env.HOME)) return null;
  if (!io.readSecret) return null;
  const typed = (await io.readSecret(`Team database password for ${target.where} (input hidden): `)).trim();
  return typed === '' ? null : typed;
}

export async function teamJoin(
  io: CliIo,
  core: Core,
  json: boolean,
  url: string | undefined,
  workspaceId?: string,
): Promise<void> {
  if (!url) throw new AppError('usage', 'Give the team database as postgres://ROLE@HOST:PORT/DB.');
  const id = workspaceId ?? (await core.services.workspaces.list()).activeId;
  if (!id) throw new AppError('workspace_not_found', 'No active workspace to join to the team.');
  const status = await core.services.team.join({
    workspaceId: id,
    url,
    password: await teamPassword(io, url),
  });
  print(io, json, status, () => [
    `Joined ${status.where ?? url} as ${status.officer ?? '?'}${status.supervisor ? ' (supervisor)' : ''}.`,
  ]);
}

function ago(ms: number | null): string {
  if (ms === null) return '-';
  const minutes = Math.floor(ms / 60_000);
  return minutes < 60 ? `${minutes} min` : `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}

function relayLine(relay: TeamStatusView['relay']): string {
  if (!relay) return 'Webhooks: no team relay has reported; polling Ondato.';
  if (relay.state === 'live') {
    const last = relay.since === null ? '' : ` (last event ${new Date(relay.since).toISOString()})`;
    return `Webhooks: live updates from the team relay${last}; polling is a safety net.`;
  }
  const since = relay.since === null ? '' : ` since ${new Date(relay.since).toISOString()}`;
  return `Webhooks: team relay silent${since}; polling Ondato at the normal cadence.`;
}

export async function teamStatus(io: CliIo, core: Core, json: boolean): Promise<void> {
  const status = await core.services.team.sync();
  const check = status.connected ? await core.services.team.crossCheck() : null;
  print(io, json, { ...status, crossCheck: check }, () => [
    `Team database ${status.where ?? '-'}: ${status.connected ? `connected, schema version ${status.schemaVersion ?? '?'}` : 'not connected'}`,
    `Officer: ${status.officer ?? 'unknown'}${status.supervisor ? ' (supervisor)' : ''}`,
    `Pending pushes: ${status.pendingPushes}`,
    `Last change seen: #${status.lastChangeSeen}${status.lastPullAt === null ? '' : ` (pulled ${new Date(status.lastPullAt).toISOString()})`}`,
    relayLine(status.relay ?? null),
    ...(check
      ? [
          check.ok
            ? `Cross-check: team chain intact (head #${check.teamHeadSeq ?? 0}); ${check.pushedChecked} pushed decision(s) match this desk's trail.`
            : `Cross-check FAILED: ${check.problems.length} problem(s).`,
          ...check.problems.map((p) => `  ${p}`),
        ]
      : []),
  ]);
  if (status.problem) throw new AppError('team_unavailable', status.problem);
  if (check && !check.ok)
    throw new AppError('team_cross_check_failed', 'The desk trail and the team chain disagree.');
}

export function teamLines(view: TeamCaseView | null): string[] {
  if (!view) return [];
  const lines = [`Team: ${describeState(view)}; assigned to ${view.assignee ?? 'nobody'}`];
  for (const d of view.decisions) {
    const verdict = d.verdict
      ? `, ${d.verdict === 'approved' ? 'approved' : 'sent back'} by ${d.approver ?? '?'}`
      : d.needsApproval
        ? ', awaiting approval'
        : '';
    const conflict = d.conflictsWith === null ? '' : `, concurrent with #${d.conflictsWith}`;
    lines.push(`  #${d.teamId} ${d.outcome} (${d.reasonCode}) by ${d.officer}${verdict}${conflict}`);
  }
  return lines;
}

function describeState(view: TeamCaseView): string {
  switch (view.state) {
    case 'none':
      return 'no decision';
    case 'pending-push':
      return `${view.pendingPushes} decision(s) waiting to be pushed`;
    case 'final':
      return 'decided';
    case 'proposed':
      return 'proposed; needs approval by another officer';
    case 'approved':
      return 'approved';
    case 'sent_back':
      return 'sent back';
    case 'conflict':
      return `conflicting decisions (#${view.conflicting.join(' and #')}): decide again to resolve`;
  }
}

/** `sync --once` on a joined workspace: claim poll leases, so other desks do not poll the same cases. */
export async function beforeSync(core: Core): Promise<void> {
  if (core.services.team.status().joined) await core.services.team.sync({ claim: true });
}

/** `sync --once` on a joined workspace also runs a team round (push, publish, pull). */
export async function afterSync(io: CliIo, core: Core, json: boolean): Promise<void> {
  if (!core.services.team.status().joined) return;
  const status = await core.services.team.sync();
  if (json) return;
  io.out(
    status.problem
      ? `Team: not synced (${status.problem})`
      : `Team: synced to change #${status.lastChangeSeen}; ${status.pendingPushes} decision(s) waiting to be pushed.`,
  );
}

/** After `decide` on a joined workspace: push now and say where the decision stands in the team. */
export async function afterDecide(io: CliIo, core: Core, json: boolean, caseId: string): Promise<void> {
  if (!core.services.team.status().joined) return;
  await core.services.team.pushSoon();
  const view = core.services.team.caseView(caseId);
  const status = core.services.team.status();
  if (json) return;
  if (view?.state === 'pending-push') {
    io.out(
      `Queued for the team database; it is pushed when ${status.where ?? 'the team database'} is reachable.`,
    );
    if (status.problem) io.out(status.problem);
    return;
  }
  if (view) io.out(`Team: ${describeState(view)}.`);
}

export async function review(
  io: CliIo,
  core: Core,
  json: boolean,
  id: string,
  verdict: 'approve' | 'send-back',
  note: string | undefined,
): Promise<void> {
  if (verdict === 'send-back' && !note?.trim())
    throw new AppError('usage', 'send-back needs --note saying what to change.');
  const view =
    verdict === 'approve'
      ? await core.services.team.approve(id, note ?? '')
      : await core.services.team.sendBack(id, note ?? '');
  print(io, json, view, () => [
    verdict === 'approve' ? `Approved the decision on case ${id}.` : `Sent the decision on case ${id} back.`,
    ...teamLines(view),
  ]);
}

export async function assign(
  io: CliIo,
  core: Core,
  json: boolean,
  id: string,
  to: string | undefined,
): Promise<void> {
  const view = await core.services.team.assign(id, to ?? null);
  print(io, json, view, () => [`Case ${id} is assigned to ${view.assignee ?? 'nobody'}.`]);
}

export async function release(io: CliIo, core: Core, json: boolean, id: string): Promise<void> {
  const view = await core.services.team.release(id);
  print(io, json, view, () => [
    `Released case ${id}${view.assignee ? `; still assigned to ${view.assignee}` : ''}.`,
  ]);
}

export async function queue(
  io: CliIo,
  core: Core,
  json: boolean,
  flags: { queue: string; overdueAfter: string | undefined; limit: string | undefined },
): Promise<void> {
  const name = TEAM_QUEUES.find((q) => q === flags.queue);
  if (!name) throw new AppError('usage', `--queue is one of ${TEAM_QUEUES.join(', ')}.`);
  const minutes = flags.overdueAfter === undefined ? undefined : Number(flags.overdueAfter);
  if (minutes !== undefined && (!Number.isInteger(minutes) || minutes < 1))
    throw new RangeError('--overdue-after is a number of minutes (1 or more).');
  const limit = flags.limit === undefined ? undefined : Number(flags.limit);
  if (limit !== undefined && (!Number.isInteger(limit) || limit < 1 || limit > 500))
    throw new RangeError('--limit must be 1 to 500.');
  // Fresh when the team is reachable; the cache's copy otherwise (the status line says so).
  const status = await core.services.team.sync();
  const rows = core.services.team.queue({ queue: name as TeamQueue, overdueAfterMinutes: minutes, limit });
  print(io, json, { queue: name, rows, team: status }, () => [
    ...rows.map(
      (r) =>
        `${r.caseId}  ${r.externalRef ?? '-'}  ${r.fullName ?? '-'}  ${r.idvStatus}  ${r.assignee ?? '-'}  ${ago(r.waitingMs)}${r.overdue ? '  OVERDUE' : ''}  ${r.state}${r.proposer ? ` by ${r.proposer}` : ''}`,
    ),
    `${rows.length} case(s) in ${name}${status.problem ? ` (from the cache: ${status.problem})` : ''}`,
  ]);
}
