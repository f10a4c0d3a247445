import { NOTE_MAX } from '../../store/review-slice';
import type { RiskFlag } from '../../../../shared/domain/risk-flags';
import { Icon } from './Badge';
import { DECISIONS, reasonsFor, type DecisionForm } from './decision-form';
import { decisionText } from './labels';
import type { DecisionFormApi } from './useDecisionForm';

function FieldError({ id, text }: { id: string; text: string | null }): React.JSX.Element | null {
  if (!text) return null;
  return (
    <p id={id} className="rv-field-error">
      <Icon name="warning" />
      {text}
    </p>
  );
}

/** Accept, reject, escalate: one radio group, so one Tab stop; arrow keys choose. */
export function DecisionChoice({
  api,
  legend,
  shortcutsEnabled,
}: {
  api: DecisionFormApi;
  legend: string;
  shortcutsEnabled: boolean;
}): React.JSX.Element {
  const { form, ids, radios, update } = api;
  const error = api.fieldError('decision');
  return (
    <fieldset
      className="rv-decisions"
      aria-describedby={error ? ids.decisionError : undefined}
      aria-invalid={error ? true : undefined}
    >
      <legend>{legend}</legend>
      <div className="rv-radios">
        {DECISIONS.map((decision) => (
          <label key={decision} className={`rv-radio rv-radio-${decision}`}>
            <input
              ref={(el) => {
                radios.current[decision] = el;
              }}
              type="radio"
              name={ids.decision}
              value={decision}
              checked={form.decision === decision}
              onChange={() => update({ decision })}
            />
            <span>{decisionText(decision).verb}</span>
            {shortcutsEnabled ? (
              <span className="rv-kbd" aria-hidden="true">
                {decision[0]!.toUpperCase()}
              </span>
            ) : null}
          </label>
        ))}
      </div>
      <FieldError id={ids.decisionError} text={error} />
    </fieldset>
  );
}

export function ReasonField({ api }: { api: DecisionFormApi }): React.JSX.Element {
  const { form, ids, reasonRef, update } = api;
  const error = api.fieldError('reasonCode');
  return (
    <div className="rv-field">
      <label htmlFor={ids.reason}>Reason</label>
      <select
        id={ids.reason}
        ref={reasonRef}
        className="rv-select"
        value={form.reasonCode}
        onChange={(event) => update({ reasonCode: event.target.value })}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? ids.reasonError : undefined}
      >
        <option value="">{form.decision ? 'Choose a reason…' : 'Choose a decision first'}</option>
        {reasonsFor(form.decision).map((reason) => (
          <option key={reason.code} value={reason.code}>
            {reason.label}
          </option>
        ))}
      </select>
      <FieldError id={ids.reasonError} text={error} />
    </div>
  );
}

export function NoteField({
  api,
  flags,
}: {
  api: DecisionFormApi;
  flags: readonly RiskFlag[];
}): React.JSX.Element {
  const { form, ids, noteRef, update } = api;
  const error = api.fieldError('note');
  const over = form.note.length > NOTE_MAX;
  return (
    <div className="rv-field">
      <label htmlFor={ids.note}>
        Note <span className="rv-muted">{noteRequirement(form, flags)}</span>
      </label>
      <textarea
        id={ids.note}
        ref={noteRef}
        className="rv-textarea"
        rows={3}
        value={form.note}
        onChange={(event) => update({ note: event.target.value })}
        aria-invalid={error ? true : undefined}
        aria-describedby={[ids.counter, error ? ids.noteError : ''].filter(Boolean).join(' ')}
      />
      <p id={ids.counter} className={`rv-counter${over ? ' rv-counter-over' : ''}`}>
        {form.note.length} / {NOTE_MAX} characters
      </p>
      <FieldError id={ids.noteError} text={error} />
    </div>
  );
}

function noteRequirement(form: DecisionForm, flags: readonly RiskFlag[]): string {
  if (form.decision === 'accept' && flags.length) return '(required to accept over risk flags)';
  return `(optional${form.reasonCode === 'other' ? ' — required for “Other”' : ''})`;
}

export function ShortcutHint({ id, enabled }: { id: string; enabled: boolean }): React.JSX.Element {
  return (
    <p id={id} className="rv-hint">
      {enabled ? (
        <>
          Shortcuts: <span className="rv-kbd">A</span> accept, <span className="rv-kbd">R</span> reject,{' '}
          <span className="rv-kbd">E</span> escalate, <span className="rv-kbd">Ctrl</span>+
          <span className="rv-kbd">Enter</span> record.
        </>
      ) : (
        'Keyboard shortcuts are off (Settings).'
      )}
    </p>
  );
}
