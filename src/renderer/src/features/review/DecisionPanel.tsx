import { useId, useRef, useState } from 'react';
import type { Decision, DecisionRecord } from '../../../../shared/domain/decision';
import type { RiskFlag } from '../../../../shared/domain/risk-flags';
import { NOTE_MAX, type DecideInput, type FormError } from '../../store/review-slice';
import { Icon } from './Badge';
import {
  DECISIONS,
  EMPTY_FORM,
  reasonsFor,
  validateDecision,
  type DecisionErrors,
  type DecisionForm,
} from './decision-form';
import { CurrentDecision, EarlierDecisions, decisionHistory } from './DecisionHistory';
import { decisionText } from './labels';
import { OverrideChecklist } from './RiskFlags';
import { useDecisionKeys } from './useDecisionKeys';

/** Main's field names for the form's (the override list crosses IPC as `overriddenFlags`). */
const SERVER_FIELD: Partial<Record<keyof DecisionForm, string>> = { overrides: 'overriddenFlags' };

export interface DecisionPanelProps {
  caseId: string;
  decisions: readonly DecisionRecord[] | null;
  /** The case's latest decision from the case view, shown until the full list arrives. */
  latest: DecisionRecord | null;
  decisionsError: string | null;
  onRetryDecisions: () => void;
  deciding: boolean;
  decideError: FormError | null;
  onDecide: (input: DecideInput) => Promise<DecisionRecord | null>;
  onClearError: () => void;
  shortcutsEnabled: boolean;
  now: number;
  /** The case's risk flags today; an accept must tick each one. */
  flags?: readonly RiskFlag[];
}

export function DecisionPanel(props: DecisionPanelProps): React.JSX.Element {
  const { caseId, decisions, latest, deciding, decideError, shortcutsEnabled, now } = props;
  const flags = props.flags ?? [];
  const [form, setForm] = useState<DecisionForm>(EMPTY_FORM);
  const panelRef = useRef<HTMLElement | null>(null);
  const [errors, setErrors] = useState<DecisionErrors>({});
  const radios = useRef<Partial<Record<Decision, HTMLInputElement | null>>>({});
  const reasonRef = useRef<HTMLSelectElement | null>(null);
  const noteRef = useRef<HTMLTextAreaElement | null>(null);
  const uid = useId();
  const ids = {
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

  const history = decisionHistory(decisions ?? (latest ? [latest] : []));
  const current = history.current;
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
    if (decideError) props.onClearError();
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
    const record = await props.onDecide({
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

  useDecisionKeys(panelRef, shortcutsEnabled, {
    onDecision: (decision) => {
      update({ decision });
      radios.current[decision]?.focus();
    },
    onSubmit: () => void submit(),
  });

  const reasons = reasonsFor(form.decision);
  const decisionError = fieldError('decision');
  const reasonError = fieldError('reasonCode');
  const noteError = fieldError('note');
  const over = form.note.length > NOTE_MAX;
  const formMessage = decideError?.message ?? null;

  return (
    <section ref={panelRef} className="rv-card rv-decision" aria-labelledby="rv-decision-title">
      <h2 id="rv-decision-title">Your decision</h2>
      <CurrentDecision current={current} now={now} />

      {props.decisionsError ? (
        <div className="rv-inline-error" role="alert">
          <Icon name="warning" />
          <span>Could not load earlier decisions: {props.decisionsError}</span>
          <button type="button" className="rv-button rv-button-small" onClick={props.onRetryDecisions}>
            Try again
          </button>
        </div>
      ) : null}

      <EarlierDecisions earlier={history.earlier} now={now} />

      <form
        className="rv-form"
        noValidate
        aria-describedby={ids.hint}
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <fieldset
          className="rv-decisions"
          aria-describedby={decisionError ? ids.decisionError : undefined}
          aria-invalid={decisionError ? true : undefined}
        >
          <legend>{current ? 'Record a new decision' : 'Decision'}</legend>
          <div className="rv-radios">
            {DECISIONS.map((decision) => {
              const text = decisionText(decision);
              return (
                <label key={decision} className={`rv-radio rv-radio-${decision}`}>
                  <input
                    ref={(el) => {
                      radios.current[decision] = el;
                    }}
                    type="radio"
                    name={`${uid}-decision`}
                    value={decision}
                    checked={form.decision === decision}
                    onChange={() => update({ decision })}
                  />
                  <span>{text.verb}</span>
                  {shortcutsEnabled ? (
                    <span className="rv-kbd" aria-hidden="true">
                      {decision[0]!.toUpperCase()}
                    </span>
                  ) : null}
                </label>
              );
            })}
          </div>
          {decisionError ? (
            <p id={ids.decisionError} className="rv-field-error">
              <Icon name="warning" />
              {decisionError}
            </p>
          ) : null}
        </fieldset>

        <div className="rv-field">
          <label htmlFor={ids.reason}>Reason</label>
          <select
            id={ids.reason}
            ref={reasonRef}
            className="rv-select"
            value={form.reasonCode}
            onChange={(event) => update({ reasonCode: event.target.value })}
            aria-invalid={reasonError ? true : undefined}
            aria-describedby={reasonError ? ids.reasonError : undefined}
          >
            <option value="">{form.decision ? 'Choose a reason…' : 'Choose a decision first'}</option>
            {reasons.map((reason) => (
              <option key={reason.code} value={reason.code}>
                {reason.label}
              </option>
            ))}
          </select>
          {reasonError ? (
            <p id={ids.reasonError} className="rv-field-error">
              <Icon name="warning" />
              {reasonError}
            </p>
          ) : null}
        </div>

        {form.decision === 'accept' ? (
          <OverrideChecklist
            flags={flags}
            ticked={form.overrides}
            onChange={(overrides) => update({ overrides })}
            error={fieldError('overrides')}
            errorId={ids.overridesError}
          />
        ) : null}

        <div className="rv-field">
          <label htmlFor={ids.note}>
            Note <span className="rv-muted">{noteRequirement(form, flags)}</span>
          </label>
          <textarea
            id={ids.note}
            ref={noteRef}
            className="rv-textarea"
            rows={4}
            value={form.note}
            onChange={(event) => update({ note: event.target.value })}
            aria-invalid={noteError ? true : undefined}
            aria-describedby={[ids.counter, noteError ? ids.noteError : ''].filter(Boolean).join(' ')}
          />
          <p id={ids.counter} className={`rv-counter${over ? ' rv-counter-over' : ''}`}>
            {form.note.length} / {NOTE_MAX} characters
          </p>
          {noteError ? (
            <p id={ids.noteError} className="rv-field-error">
              <Icon name="warning" />
              {noteError}
            </p>
          ) : null}
        </div>

        {formMessage ? (
          <p className="rv-inline-error" role="alert">
            <Icon name="warning" />
            <span>The decision was not recorded: {formMessage}</span>
          </p>
        ) : null}

        <div className="rv-submit">
          <button type="submit" className="rv-button rv-button-primary" aria-disabled={deciding || undefined}>
            {deciding ? 'Recording…' : current ? 'Record new decision' : 'Record decision'}
          </button>
          <p className="rv-note">
            Saved on this computer with your name and the time
            {current ? '; the current decision stays in the history' : ''}. Ondato is not changed.
          </p>
        </div>
        <p id={ids.hint} className="rv-hint">
          {shortcutsEnabled ? (
            <>
              Shortcuts: <span className="rv-kbd">A</span> accept, <span className="rv-kbd">R</span> reject,{' '}
              <span className="rv-kbd">E</span> escalate, <span className="rv-kbd">Ctrl</span>+
              <span className="rv-kbd">Enter</span> record.
            </>
          ) : (
            'Keyboard shortcuts are off (Settings).'
          )}
        </p>
      </form>
    </section>
  );
}

function noteRequirement(form: DecisionForm, flags: readonly RiskFlag[]): string {
  if (form.decision === 'accept' && flags.length) return '(required to accept over risk flags)';
  return `(optional${form.reasonCode === 'other' ? ' — required for “Other”' : ''})`;
}
