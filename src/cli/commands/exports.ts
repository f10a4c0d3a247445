import { resolve } from 'node:path';
import type { Core } from '../../main/app/core';
import { AppError } from '../../main/errors';
import type { RegisterFilters } from '../../shared/domain/views';
import { print, type CliIo } from '../io';

const KYC_STATUSES = new Set(['Awaiting', 'Approved', 'Rejected']);
const DECISIONS = new Set(['accept', 'reject', 'escalate', 'none']);

/** `kyc-desk export <idvId> --out FILE.pdf`: the case's evidence pack. */
export async function exportCase(
  io: CliIo,
  core: Core,
  json: boolean,
  id: string,
  out: string | undefined,
): Promise<void> {
  if (!out) throw new AppError('usage', 'Give --out FILE.pdf: where to write the evidence pack.');
  const result = await core.services.exports.casePdf(id, resolve(io.cwd, out));
  print(io, json, result, () =>
    result.status === 'written' ? [`Evidence pack written to ${result.path} (${result.bytes} bytes).`] : [],
  );
}

export interface RegisterFlags {
  search?: string | undefined;
  status?: string | undefined;
  decision?: string | undefined;
  decided?: boolean | undefined;
  undecided?: boolean | undefined;
  out?: string | undefined;
}

/** The list's filters from the command line: --status IDV-or-KYC status, --decision a,b, --decided, --undecided. */
export function registerFilters(flags: RegisterFlags): RegisterFilters {
  if (flags.decided && flags.undecided)
    throw new AppError('usage', 'Give --decided or --undecided, not both.');
  const filters: RegisterFilters = {};
  if (flags.search) filters.search = flags.search;
  if (flags.status) {
    const statuses = flags.status
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    const kyc = statuses.filter((s) => KYC_STATUSES.has(s));
    const idv = statuses.filter((s) => !KYC_STATUSES.has(s));
    if (kyc.length > 0) filters.kycStatus = kyc;
    if (idv.length > 0) filters.idvStatus = idv;
  }
  const decisions = (flags.decision ?? '')
    .split(',')
    .map((d) => d.trim())
    .filter(Boolean);
  for (const d of decisions) {
    if (!DECISIONS.has(d)) throw new AppError('usage', '--decision takes accept, reject, escalate or none.');
  }
  if (flags.decided) decisions.push('accept', 'reject', 'escalate');
  if (flags.undecided) decisions.push('none');
  if (decisions.length > 0) filters.decision = [...new Set(decisions)] as RegisterFilters['decision'];
  return filters;
}

/** `kyc-desk cases --csv [--out FILE]`: the case register; standard output without --out. */
export function exportRegister(io: CliIo, core: Core, json: boolean, flags: RegisterFlags): void {
  const filters = registerFilters(flags);
  if (!flags.out) {
    // The CSV itself is the output; --json has nothing to add to it.
    io.out(core.services.exports.registerText(filters).replace(/\r\n$/, ''));
    return;
  }
  const result = core.services.exports.registerCsv(filters, resolve(io.cwd, flags.out));
  print(io, json, result, () =>
    result.status === 'written' ? [`Case register (${result.cases} case(s)) written to ${result.path}.`] : [],
  );
}
