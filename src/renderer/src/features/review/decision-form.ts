import type { Decision } from '../../../../shared/domain/decision';
import { DECISION_REASONS } from '../../../../shared/domain/reasons';
import { OVERRIDE_NOTE_MIN, unreviewedFlags, type RiskFlag } from '../../../../shared/domain/risk-flags';
import { NOTE_MAX } from '../../store/review-slice';

/*
 * The decision form's rules, without React. The same accept rule main enforces (every flag ticked,
 * a note of at least OVERRIDE_NOTE_MIN characters, never over a blocking flag), checked here first so
 * the officer sees what is missing next to the field instead of a refusal after submitting.
 */

export const DECISIONS: readonly Decision[] = ['accept', 'reject', 'escalate'];

export interface DecisionForm {
  decision: Decision | '';
  reasonCode: string;
  note: string;
  /** Codes of the risk flags ticked as reviewed (only sent with an accept). */
  overrides: string[];
}

export const EMPTY_FORM: DecisionForm = { decision: '', reasonCode: '', note: '', overrides: [] };

export type DecisionErrors = Partial<Record<keyof DecisionForm, string>>;

export function reasonsFor(decision: Decision | ''): readonly { code: string; label: string }[] {
  return decision ? DECISION_REASONS[decision] : [];
}

function acceptErrors(form: DecisionForm, flags: readonly RiskFlag[], errors: DecisionErrors): void {
  const blocking = flags.filter((f) => f.severity === 'block');
  if (blocking.length) {
    errors.decision = `This case cannot be accepted: ${blocking.map((f) => f.label.toLowerCase()).join('; ')}.`;
    return;
  }
  const left = unreviewedFlags(flags, form.overrides);
  if (left.length)
    errors.overrides = `Tick each risk flag as reviewed to accept (${left.length} of ${flags.length} not ticked).`;
  if (flags.length && !errors.note && form.note.trim().length < OVERRIDE_NOTE_MIN)
    errors.note = `Explain in at least ${OVERRIDE_NOTE_MIN} characters why the case is accepted despite its risk flags.`;
}

/** What the officer must fix before the decision can be recorded; empty when it can be. */
export function validateDecision(form: DecisionForm, flags: readonly RiskFlag[] = []): DecisionErrors {
  const errors: DecisionErrors = {};
  if (!form.decision) errors.decision = 'Choose accept, reject or escalate.';
  if (!form.reasonCode)
    errors.reasonCode = form.decision ? 'Choose a reason.' : 'Choose a decision, then a reason.';
  else if (form.decision && !reasonsFor(form.decision).some((r) => r.code === form.reasonCode))
    errors.reasonCode = 'Choose a reason that fits the decision.';
  if (form.note.length > NOTE_MAX)
    errors.note = `The note can be at most ${NOTE_MAX} characters (it has ${form.note.length}).`;
  else if (form.reasonCode === 'other' && !form.note.trim()) errors.note = 'Explain the reason in the note.';
  if (form.decision === 'accept') acceptErrors(form, flags, errors);
  return errors;
}
