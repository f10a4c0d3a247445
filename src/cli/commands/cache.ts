import type { Core } from '../../main/app/core';
import { resolve } from 'node:path';
import { AppError } from '../../main/errors';
import { describeAuditProblem } from '../../shared/domain/audit';
import type { CaseView } from '../../shared/domain/views';
import { calendarDate } from '../../shared/domain/dates';
import type { Decision } from '../../shared/domain/decision';
import { computeRiskFlags, type RiskFlag } from '../../shared/domain/risk-flags';
import { print, type CliIo } from '../io';

const KYC_STATUSES = new Set(['Awaiting', 'Approved', 'Rejected']);
const DECISIONS: readonly Decision[] = ['accept', 'reject', 'escalate'];

export async function syncOnce(io: CliIo, core: Core, json: boolean): Promise<void> {
  const engine = core.services.sync;
  const before = engine.status();
  if (before.state === 'auth_failed')
    throw new AppError(
      before.lastError?.code ?? 'auth_failed',
      before.lastError?.message ?? 'The workspace cannot connect.',
    );
  const report = await core.services.sync.once();
  const status = engine.status();
  print(io, json, { ...report, state: status.state }, () => [
    `Checked ${report.checked} case(s): ${report.changed} changed, ${report.failed} failed, ${report.imagesStored} image(s) stored.`,
    ...(status.lastError && report.failed > 0 ? [`Last error: ${status.lastError.message}`] : []),
  ]);
  if (report.failed > 0) throw new AppError('sync_failed', `${report.failed} case(s) could not be synced.`);
}

/** Prints one line per changed case until interrupted. */
export async function syncWatch(io: CliIo, core: Core, json: boolean): Promise<void> {
  const off = core.events.on('cases:changed', ({ ids }) => {
    for (const id of ids) {
      let summary: string;
      try {
        const c = core.services.cases.get(id);
        summary = `${c.id}  ${c.externalRef ?? '-'}  ${c.idvStatus}  ${c.kycStatus ?? '-'}`;
      } catch {
        summary = id;
      }
      if (json) io.out(JSON.stringify({ changed: id }));
      else io.out(`changed  ${summary}`);
    }
  });
  const offStatus = core.events.on('sync:status', (status) => {
    if (!json && (status.state === 'offline' || status.state === 'auth_failed'))
      io.err(`kyc-desk: sync ${status.state}: ${status.lastError?.message ?? ''}`.trimEnd());
  });
  if (!json) io.out('Watching for changes; press Ctrl+C to stop.');
  await io.interrupted;
  off();
  offStatus();
}

export interface CasesFlags {
  search?: string;
  status?: string;
  limit?: string;
}

export function listCases(io: CliIo, core: Core, json: boolean, flags: CasesFlags): void {
  const limit = flags.limit === undefined ? 100 : Number(flags.limit);
  if (!Number.isInteger(limit) || limit < 1 || limit > 500) throw new RangeError('--limit must be 1 to 500.');
  const status = flags.status;
  const page = core.services.cases.list({
    sort: 'created',
    dir: 'desc',
    limit,
    ...(flags.search ? { search: flags.search } : {}),
    ...(status ? (KYC_STATUSES.has(status) ? { kycStatus: [status] } : { idvStatus: [status] }) : {}),
  });
  print(io, json, page, () => [
    ...page.rows.map(
      (r) =>
        `${r.id}  ${r.externalRef ?? '-'}  ${r.fullName ?? '-'}  ${r.idvStatus}  ${r.kycStatus ?? '-'}  ${r.decision ?? '-'}`,
    ),
    `${page.rows.length} of ${page.total} case(s)`,
  ]);
}

const day = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

/** A purged case: what is kept, and why the rest is gone — never empty fields posing as data. */
function purgedLines(c: CaseView, purgedAt: number): string[] {
  const life = c.lifecycle;
  const why =
    life?.purgeKind === 'redaction'
      ? `Redacted at Ondato on ${day(life.redactedUtc ? Date.parse(life.redactedUtc) : purgedAt)}; the local copy was removed on ${day(purgedAt)}.`
      : `Personal data removed on ${day(purgedAt)} under the retention policy.`;
  return [
    `Case ${c.id}  ${c.externalRef ?? ''}`.trimEnd(),
    why,
    `IDV: ${c.idvStatus}   KYC: ${c.kycStatus ?? 'not started'}${c.kycStatusReason ? ` (${c.kycStatusReason})` : ''}`,
    `Created: ${c.createdUtc}`,
    `Decision: ${c.latestDecision ? `${c.latestDecision.decision} (${c.latestDecision.reasonCode ?? '-'}) by ${c.latestDecision.officerName ?? c.latestDecision.osUser} on ${day(c.latestDecision.decidedAt)}` : 'none'}`,
    ...(life?.purgedFiles ?? []).map(
      (f) =>
        `Image ${f.part ?? f.fileType ?? f.fileId}: ${f.sha256 ? `SHA-256 ${f.sha256}` : 'never downloaded'}`,
    ),
  ];
}

function showLines(c: CaseView): string[] {
  const purgedAt = c.lifecycle?.purgedAt ?? null;
  if (purgedAt !== null) return purgedLines(c, purgedAt);
  const reg = c.registration;
  const doc = c.kyc?.payload['document'];
  const docFields = doc !== null && typeof doc === 'object' && !Array.isArray(doc) ? doc : {};
  const text = (value: unknown): string =>
    typeof value === 'string' || typeof value === 'number' ? String(value) : '-';
  return [
    `Case ${c.id}  ${c.externalRef ?? ''}`.trimEnd(),
    `Customer: ${c.fullName ?? '-'}   Personal code: ${c.personalCode ?? '-'}`,
    `IDV: ${c.idvStatus}   KYC: ${c.kycStatus ?? 'not started'}${c.kycStatusReason ? ` (${c.kycStatusReason})` : ''}`,
    `Entered:  ${text(reg?.firstName)} ${text(reg?.lastName)}  born ${text(reg?.dateOfBirth)}  code ${text(reg?.personalCode)}`,
    `Document: ${text(docFields['firstName'])} ${text(docFields['lastName'])}  born ${text(docFields['dateOfBirth'])}  code ${text(docFields['personalCode'])}  expires ${text(docFields['dateOfExpiration'])}`,
    `Images: ${(c.kyc?.files ?? []).map((f) => `${f.part ?? f.fileType ?? f.fileId}${f.cached ? '' : ' (not cached)'}`).join(', ') || 'none'}`,
    `Decision: ${c.latestDecision ? `${c.latestDecision.decision} (${c.latestDecision.reasonCode ?? '-'}) by ${c.latestDecision.officerName ?? c.latestDecision.osUser}` : 'none yet'}`,
    ...flagLines(flagsOf(c)),
    `Customer link: ${c.customerUrl || '-'}`,
    `Last synced: ${c.syncedAt === null ? 'never' : new Date(c.syncedAt).toISOString()}`,
    ...(c.lifecycle?.importedAt ? [`Imported from Ondato on ${day(c.lifecycle.importedAt)}`] : []),
    ...c.syncErrors.slice(0, 3).map((e) => `Sync error: ${e.message}`),
  ];
}

/** The case's risk flags as an accept today would see them (main recomputes them when deciding). */
function flagsOf(c: CaseView): RiskFlag[] {
  return computeRiskFlags(c, { decisionDate: calendarDate(Date.now()) });
}

function flagLines(flags: readonly RiskFlag[]): string[] {
  if (flags.length === 0) return ['Risk flags: none'];
  return [
    `Risk flags (${flags.length}; an accept must override each with --override CODE,... and a --note):`,
    ...flags.map((f) => `  [${f.severity}] ${f.code}: ${f.label} — ${f.detail}`),
  ];
}

/** From the cache only: works without a network. */
export function showCase(io: CliIo, core: Core, json: boolean, id: string): void {
  const c = core.services.cases.get(id);
  const riskFlags = flagsOf(c);
  print(io, json, { ...c, riskFlags }, () => showLines(c));
}

export interface DecideFlags {
  decision?: string;
  reason?: string;
  note?: string;
  /** Comma-separated risk-flag codes the officer reviewed. */
  override?: string | undefined;
  /** Every current flag of the case was reviewed (the officer has read `show`). */
  overrideAllReviewed?: boolean;
}

function overriddenOf(core: Core, id: string, flags: DecideFlags): string[] {
  if (flags.overrideAllReviewed && flags.override !== undefined)
    throw new AppError('usage', 'Give either --override CODE,... or --override-all-reviewed, not both.');
  if (flags.overrideAllReviewed) return flagsOf(core.services.cases.get(id)).map((f) => f.code);
  return (flags.override ?? '')
    .split(',')
    .map((code) => code.trim())
    .filter((code) => code !== '');
}

export function decide(io: CliIo, core: Core, json: boolean, id: string, flags: DecideFlags): void {
  const decision = DECISIONS.find((d) => d === flags.decision);
  if (!decision) throw new AppError('usage', 'Give --decision accept, reject or escalate.');
  if (!flags.reason) throw new AppError('usage', 'Give --reason CODE (see the reason codes in the app).');
  const record = core.services.review.decide({
    caseId: id,
    decision,
    reasonCode: flags.reason,
    note: flags.note ?? '',
    overriddenFlags: overriddenOf(core, id, flags),
  });
  print(io, json, record, () => [
    `Recorded ${record.decision} (${record.reasonCode ?? '-'}) for case ${id}.`,
    ...(record.overriddenFlags.length ? [`Overridden risk flags: ${record.overriddenFlags.join(', ')}`] : []),
  ]);
}

export async function auditVerify(io: CliIo, core: Core, json: boolean, against?: string): Promise<void> {
  const check =
    against === undefined
      ? await core.services.audit.verify()
      : await core.services.audit.verifyAgainst(resolve(against));
  const head = check.head ? `head #${check.head.seq} ${check.head.mac}` : 'no entries yet';
  print(io, json, check, () => [
    check.ok
      ? `Audit trail intact: ${check.checked} event(s) verified. ${check.decisionsChecked} decision(s) match their entries; ${head}.`
      : `Audit trail BROKEN: ${check.problems.filter((p) => p.severity === 'tamper').length} problem(s); ${head}.`,
    ...check.problems.map(
      (p) => `${p.severity === 'tamper' ? 'BROKEN ' : 'warning'}  ${describeAuditProblem(p)}`,
    ),
  ]);
  if (!check.ok) throw new AppError('audit_broken', 'The audit trail does not verify.');
}

export function auditExport(io: CliIo, core: Core, json: boolean, out: string | undefined): void {
  if (!out) throw new AppError('usage', 'Give --out FILE.jsonl.');
  const result = core.services.audit.exportTrail(resolve(out));
  print(io, json, result, () => [
    `Wrote ${result.events} audit event(s) to ${result.path}; ${
      result.head ? `head #${result.head.seq} ${result.head.mac}` : 'no entries yet'
    }.`,
  ]);
}
