import type { Core } from '../../main/app/core';
import { AppError } from '../../main/errors';
import type { ImportReport, RetentionReport } from '../../shared/domain/views';
import { print, type CliIo } from '../io';

const day = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

function retentionLines(r: RetentionReport): string[] {
  if (r.days === null) {
    return [
      `Retention is off for ${r.workspaceName}: nothing is removed. Turn it on with \`kyc-desk retention set --days N\`.`,
    ];
  }
  const head = r.dryRun
    ? `Dry run: ${r.cases.length} case(s) of ${r.workspaceName} would lose their personal data and images (final decision on or before ${day(r.cutoff ?? r.ranAt)}, policy ${r.days} days). Nothing was changed.`
    : `Removed the personal data and images of ${r.cases.length} case(s) of ${r.workspaceName} (policy ${r.days} days); ids, statuses, decisions, dates and image hashes are kept.`;
  return [
    head,
    ...r.cases.map(
      (c) =>
        `  ${c.caseId}  ${c.externalRef ?? '-'}  ${c.decision} on ${day(c.decidedAt)}  ${c.images} image(s)`,
    ),
  ];
}

export function retentionRun(io: CliIo, core: Core, json: boolean, dryRun: boolean): void {
  const report = core.services.retention.run({ dryRun });
  print(io, json, report, () => retentionLines(report));
}

/** `--days N` or `--days off`. */
export function retentionSet(io: CliIo, core: Core, json: boolean, days: string | undefined): void {
  if (days === undefined) throw new AppError('usage', 'Give --days N (1 to 36500) or --days off.');
  const value = days === 'off' ? null : /^\d{1,5}$/.test(days) ? Number(days) : Number.NaN;
  if (value !== null && (!Number.isInteger(value) || value < 1 || value > 36_500)) {
    throw new AppError('usage', 'Give --days N (1 to 36500) or --days off.');
  }
  const view = core.services.retention.set(value);
  print(io, json, view, () => [
    view.days === null
      ? 'Retention is off: personal data is kept until you remove it.'
      : `Personal data and images are removed ${view.days} days after a case's final decision. AML record-keeping periods are often 5 years (1826 days); deleting earlier may breach them.`,
  ]);
}

/** Redaction cannot be undone: without --yes the command stops before the cache or Ondato is touched. */
export function requireYes(yes: boolean): void {
  if (!yes) {
    throw new AppError(
      'usage',
      'Redaction asks Ondato to erase the personal and biometric data of this verification and removes the local copy; it cannot be undone. Add --yes to do it.',
    );
  }
}

export async function redact(io: CliIo, core: Core, json: boolean, id: string): Promise<void> {
  await core.services.redaction.redact(id);
  const c = core.services.cases.get(id);
  print(io, json, c, () => [
    `Redacted at Ondato on ${day(c.lifecycle?.purgedAt ?? Date.now())}; the local personal data and images of ${id} were removed.`,
  ]);
}

function importLines(r: ImportReport): string[] {
  const count = (o: string): number => r.lines.filter((l) => l.outcome === o).length;
  return [
    ...r.lines.map((l) => `${l.outcome.padEnd(11)} ${l.idvId}${l.message ? `  ${l.message}` : ''}`),
    `${count('imported')} imported, ${count('exists')} already here, ${count('other_setup')} of other setups, ${count('not_found') + count('failed')} failed.`,
    ...(r.pages > 0 ? [`Read ${r.pages} page(s), ${r.seen} identification(s).`] : []),
    ...(r.truncated ? ['Stopped at the limit; run again with a later --since to continue.'] : []),
    ...(r.stopped ? [`Stopped early: ${r.stopped}`] : []),
  ];
}

export async function importCases(
  io: CliIo,
  core: Core,
  json: boolean,
  ids: string[],
  flags: { since?: string | undefined; maxPages?: string | undefined },
): Promise<void> {
  if ((flags.since === undefined) === (ids.length === 0)) {
    throw new AppError('usage', 'Give one or more IDV ids, or --since YYYY-MM-DD (not both).');
  }
  let report: ImportReport;
  if (flags.since !== undefined) {
    const maxPages = flags.maxPages === undefined ? undefined : Number(flags.maxPages);
    if (maxPages !== undefined && (!Number.isInteger(maxPages) || maxPages < 1 || maxPages > 1000)) {
      throw new AppError('usage', '--max-pages must be 1 to 1000.');
    }
    report = await core.services.imports.since(flags.since, maxPages === undefined ? {} : { maxPages });
  } else {
    report = await core.services.imports.byIds(ids);
  }
  print(io, json, report, () => importLines(report));
  const failed = report.lines.filter((l) => l.outcome === 'failed' || l.outcome === 'not_found').length;
  if (failed > 0 || report.stopped !== null) {
    throw new AppError('import_incomplete', 'Some verifications could not be imported.');
  }
}
