import { useEffect, useId, useRef, useState } from 'react';
import type { Decision, DecisionRecord } from '../../../../shared/domain/decision';
import type { RiskFlag } from '../../../../shared/domain/risk-flags';
import { useStore } from '../../store';
import type { DecideInput, FormError } from '../../store/review-slice';
import {
  EMPTY_FORM,
  reasonsFor,
  validateDecision,
  type DecisionErrors,
  type DecisionForm,
} from './decision-form';

/** Main's field names for the form's (the override list crosses IPC as `overriddenFlags`). */
const SERVER_FIELD: Partial<Record<keyof DecisionForm, string>> = { overrides: 'overriddenFlags' };

export interface DecisionFormOptions {
  caseId: string;
  flags: readonly RiskFlag[];
  deciding: boolean;
  decideError: FormError | null;
  onDecide: (input: DecideInput) => Promise<DecisionRecord | null>;
  onClearError: () => void;
}

export type DecisionFieldIds = ReturnType<typeof fieldIds>;

function fieldIds(uid: string) {
  return {
    decision: `${uid}-decision`,
    decisionError: `${uid}-decision-error`,
    reason: `${uid}-reason`,
    reasonError: `${uid}-reason-error`,
    note: `${uid}-note`,
    noteError: `${uid}-note-error`,
    counter: `${uid}-counter`,
    hint: `${uid}-hint`,
    overridesError: `${uid}-overrides-error`,
  };
}

/**
 * The decision form's behaviour: its state, the officer's and main's errors per field, and submit,
 * which checks the same rules main does and moves focus to the first field to fix.
 */
export function useDecisionForm(options: DecisionFormOptions) {
  const { caseId, flags, deciding, decideError } = options;
  // A draft left on this case (J/K to the next case and back) comes back as it was.
  const [form, setForm] = useState<DecisionForm>(
    () => useStore.getState().reviewCases[caseId]?.draft ?? EMPTY_FORM,
  );
  const saveDraft = useStore((s) => s.reviewSaveDraft);
  const latest = useRef(form);
  useEffect(() => {
    latest.current = form;
  }, [form]);
  // Kept in the store when the form goes away, not on every key (the review would re-render with it).
  useEffect(
    () => () => {
      const f = latest.current;
      const empty = !f.decision && !f.reasonCode && !f.note && f.overrides.length === 0;
      saveDraft(caseId, empty ? null : f);
    },
    [caseId, saveDraft],
  );
  const [errors, setErrors] = useState<DecisionErrors>({});
  const panelRef = useRef<HTMLElement | null>(null);
  const radios = useRef<Partial<Record<Decision, HTMLInputElement | null>>>({});
  const reasonRef = useRef<HTMLSelectElement | null>(null);
  const noteRef = useRef<HTMLTextAreaElement | null>(null);
  const ids = fieldIds(useId());

  const server = decideError?.fields ?? {};
  const fieldError = (field: keyof DecisionForm): string | null =>
    errors[field] ?? server[SERVER_FIELD[field] ?? field]?.[0] ?? null;

  const update = (change: Partial<DecisionForm>): void => {
    setForm((f) => {
      const next = { ...f, ...change };
      if (
        change.decision !== undefined &&
        !reasonsFor(next.decision).some((r) => r.code === next.reasonCode)
      ) {
        next.reasonCode = '';
      }
      return next;
    });
    setErrors((e) => {
      const next = { ...e };
      for (const key of Object.keys(change) as (keyof DecisionForm)[]) delete next[key];
      if (change.decision !== undefined) delete next.reasonCode;
      return next;
    });
    if (decideError) options.onClearError();
  };

  /** Picks a decision and puts focus on its radio (shortcut keys, the Decide bar). */
  const choose = (decision: Decision): void => {
    update({ decision });
    // The whole panel into view from its top, so the reason and note below the choice show too.
    panelRef.current?.scrollIntoView?.({ block: 'start' });
    radios.current[decision]?.focus({ preventScroll: true });
  };

  const submit = async (): Promise<void> => {
    if (deciding) return;
    const problems = validateDecision(form, flags);
    setErrors(problems);
    if (problems.decision) return radios.current[form.decision || 'accept']?.focus();
    if (problems.reasonCode) return reasonRef.current?.focus();
    if (problems.overrides)
      return panelRef.current?.querySelector<HTMLInputElement>('.rv-overrides input:not(:checked)')?.focus();
    if (problems.note) return noteRef.current?.focus();
    const accept = form.decision === 'accept';
    const current = new Set(flags.map((f) => f.code));
    const record = await options.onDecide({
      caseId,
      decision: form.decision as Decision,
      reasonCode: form.reasonCode,
      note: form.note,
      overriddenFlags: accept ? form.overrides.filter((code) => current.has(code)) : [],
    });
    if (record) {
      setForm(EMPTY_FORM);
      setErrors({});
    }
  };

  return { form, update, choose, submit, fieldError, ids, panelRef, radios, reasonRef, noteRef };
}

export type DecisionFormApi = ReturnType<typeof useDecisionForm>;
