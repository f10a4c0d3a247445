import { OVERRIDE_NOTE_MIN, unreviewedFlags, type RiskFlag } from '../../shared/domain/risk-flags';
import { AppError } from '../errors';

/*
 * The rule an accept must pass (docs/adr/0009-guarded-decisions.md). Reject and escalate need no
 * override: they never let a risky customer through.
 */

/**
 * Checks an accept against the case's current risk flags and returns the overridden codes to store
 * (only those that name a current flag; a tick left over from an earlier state of the case means
 * nothing). Throws a typed error otherwise:
 * - `accept_refused`: a blocking flag (the IDV is not Completed) — no override can accept that;
 * - `flags_not_reviewed`: a current flag is not ticked; `fields.overriddenFlags` lists each one;
 * - `invalid_input` on `note`: flags were overridden without a note of at least the minimum length.
 * Messages name flag codes and labels only, never the case's data.
 */
export function acceptGuard(
  flags: readonly RiskFlag[],
  input: { overriddenFlags: readonly string[]; note: string },
): string[] {
  const blocking = flags.filter((f) => f.severity === 'block');
  if (blocking.length) {
    throw new AppError(
      'accept_refused',
      `This case cannot be accepted: ${blocking.map((f) => f.label.toLowerCase()).join('; ')}. Reject or escalate it instead.`,
      { fields: { decision: blocking.map((f) => `${f.code}: ${f.label}`) } },
    );
  }
  const missing = unreviewedFlags(flags, input.overriddenFlags);
  if (missing.length) {
    throw new AppError(
      'flags_not_reviewed',
      `Tick every risk flag as reviewed before accepting; not reviewed: ${missing.map((f) => f.code).join(', ')}.`,
      { fields: { overriddenFlags: missing.map((f) => `${f.code}: ${f.label}`) } },
    );
  }
  const current = new Set(flags.map((f) => f.code));
  const overridden = [...new Set(input.overriddenFlags)].filter((code) => current.has(code));
  if (overridden.length && input.note.trim().length < OVERRIDE_NOTE_MIN) {
    throw new AppError(
      'invalid_input',
      'Explain in the note why the case is accepted despite its risk flags.',
      {
        fields: {
          note: [`Write at least ${OVERRIDE_NOTE_MIN} characters on why the flags do not stop this accept.`],
        },
      },
    );
  }
  return overridden;
}
