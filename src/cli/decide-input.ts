import type { z } from 'zod';
import { AppError } from '../main/errors';
import { DECISION_REASONS, isReasonFor } from '../shared/domain/reasons';
import { decideSchema } from '../shared/ipc/contract';
import { fieldErrors } from './field-errors';

const DECISIONS = ['accept', 'reject', 'escalate'] as const;

/** The codes `--reason` takes for a decision, as the officer types them. */
export const reasonCodes = (decision: (typeof DECISIONS)[number]): string =>
  DECISION_REASONS[decision].map((r) => r.code).join(', ');

/** CLI flag for each field of the IPC decision, so errors name what the officer typed. */
const FLAG: Record<string, string> = {
  caseId: '<idvId>',
  decision: '--decision',
  reasonCode: '--reason',
  note: '--note',
};

/**
 * `decide` from the command line goes through the IPC contract's own schema (limits, trimming), then
 * the reason must be one of the decision's codes: the error lists the codes, which is what is typed.
 */
export function decideInput(
  caseId: string,
  flags: { decision?: string | undefined; reason?: string | undefined; note?: string | undefined },
): z.output<typeof decideSchema> {
  const decision = DECISIONS.find((d) => d === flags.decision);
  if (!decision) throw new AppError('usage', 'Give --decision accept, reject or escalate.');
  if (flags.reason === undefined)
    throw new AppError('usage', `Give --reason CODE, one of: ${reasonCodes(decision)}.`);
  const parsed = decideSchema.safeParse({
    caseId,
    decision,
    reasonCode: flags.reason,
    note: flags.note ?? '',
  });
  if (!parsed.success) {
    throw new AppError('validation', 'The decision was not recorded:', {
      fields: fieldErrors(parsed.error, (key) => FLAG[key] ?? key),
    });
  }
  if (!isReasonFor(parsed.data.decision, parsed.data.reasonCode)) {
    throw new AppError(
      'validation',
      `"${parsed.data.reasonCode.slice(0, 60)}" is not a reason code for ${decision}. Use one of: ${reasonCodes(decision)}.`,
      { fields: { '--reason': [`One of: ${reasonCodes(decision)}.`] } },
    );
  }
  return parsed.data;
}
