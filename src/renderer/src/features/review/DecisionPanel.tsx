import { useEffect, useEffectEvent, useId, useRef, useState } from 'react';
import type { Decision, DecisionRecord } from '../../../../shared/domain/decision';
import { DECISION_REASONS } from '../../../../shared/domain/reasons';
import { NOTE_MAX, type DecideInput, type FormError } from '../../store/review-slice';
import { Badge, Icon } from './Badge';
import { decisionText, reasonLabel } from './labels';
import { formatWhen, isoOf } from './time';

export const DECISIONS: readonly Decision[] = ['accept', 'reject', 'escalate'];
const SHORTCUT: Record<string, Decision> = { a: 'accept', r: 'reject', e: 'escalate' };

export interface DecisionForm {
  decision: Decision | '';
  reasonCode: string;
  note: string;
}

export type DecisionErrors = Partial<Record<keyof DecisionForm, string>>;

export function reasonsFor(decision: Decision | ''): readonly { code: string; label: string }[] {
  return decision ? DECISION_REASONS[decision] : [];
}

/** What the officer must fix before the decision can be recorded; empty when it can be. */
export function validateDecision(form: DecisionForm): DecisionErrors {
  const errors: DecisionErrors = {};
  if (!form.decision) errors.decision = 'Choose accept, reject or escalate.';
  if (!form.reasonCode)
    errors.reasonCode = form.decision ? 'Choose a reason.' : 'Choose a decision, then a reason.';
  else if (form.decision && !reasonsFor(form.decision).some((r) => r.code === form.reasonCode))
    errors.reasonCode = 'Choose a reason that fits the decision.';
  if (form.note.length > NOTE_MAX)
    errors.note = `The note can be at most ${NOTE_MAX} characters (it has ${form.note.length}).`;
  else if (form.reasonCode === 'other' && !form.note.trim()) errors.note = 'Explain the reason in the note.';
  return errors;
}

/** Shortcut letters must never fire while the officer types into a field. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!target || typeof (target as Element).closest !== 'function') return false;
  const element = target as HTMLElement;
  if (element.isContentEditable) return true;
  const tag = element.tagName;
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (tag === 'INPUT') {
    const type = (element as HTMLInputElement).type;
    return !['radio', 'checkbox', 'button', 'submit', 'reset', 'range', 'color', 'file', 'image'].includes(
      type,
    );
  }
  return false;
}

/** Earlier decisions with the one that replaced each; the current one last. Oldest first in, newest first out. */
export function decisionHistory(decisions: readonly DecisionRecord[]): {
  current: DecisionRecord | null;
  earlier: { record: DecisionRecord; supersededBy: DecisionRecord | null }[];
} {
  const sorted = [...decisions].sort((a, b) => a.id - b.id);
  const current = sorted.at(-1) ?? null;
  const earlier = sorted
    .slice(0, -1)
    .reverse()
    .map((record) => ({
      record,
      supersededBy:
        sorted.find((d) => d.supersedesId === record.id) ?? sorted[sorted.indexOf(record) + 1] ?? null,
    }));
  return { current, earlier };
}

function who(record: DecisionRecord): string {
  if (record.officerName && record.officerName !== record.osUser)
    return `${record.officerName} (${record.osUser})`;
  return record.officerName ?? record.osUser;
}

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
}

export function DecisionPanel(props: DecisionPanelProps): React.JSX.Element {
  const { caseId, decisions, latest, deciding, decideError, shortcutsEnabled, now } = props;
  const [form, setForm] = useState<DecisionForm>({ decision: '', reasonCode: '', note: '' });
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
  };

  const history = decisionHistory(decisions ?? (latest ? [latest] : []));
  const current = history.current;
  const server = decideError?.fields ?? {};
  const fieldError = (field: keyof DecisionForm): string | null =>
    errors[field] ?? server[field]?.[0] ?? null;

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
    const problems = validateDecision(form);
    setErrors(problems);
    if (problems.decision) return radios.current[form.decision || 'accept']?.focus();
    if (problems.reasonCode) return reasonRef.current?.focus();
    if (problems.note) return noteRef.current?.focus();
    const record = await props.onDecide({
      caseId,
      decision: form.decision as Decision,
      reasonCode: form.reasonCode,
      note: form.note,
    });
    if (record) {
      setForm({ decision: '', reasonCode: '', note: '' });
      setErrors({});
    }
  };

  const onShortcut = useEffectEvent((event: KeyboardEvent) => {
    if (event.defaultPrevented || event.isComposing) return;
    // Never behind a dialog (enlarged image, QR code, shortcut help).
    if (document.querySelector('[aria-modal="true"], dialog[open]')) return;
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey) {
      event.preventDefault();
      void submit();
      return;
    }
    if (event.ctrlKey || event.metaKey || event.altKey || isTypingTarget(event.target)) return;
    const decision = SHORTCUT[event.key.toLowerCase()];
    if (!decision || event.shiftKey) return;
    event.preventDefault();
    update({ decision });
    radios.current[decision]?.focus();
  });

  useEffect(() => {
    if (!shortcutsEnabled) return undefined;
    const listener = (event: KeyboardEvent): void => onShortcut(event);
    document.addEventListener('keydown', listener);
    return () => document.removeEventListener('keydown', listener);
  }, [shortcutsEnabled]);

  const reasons = reasonsFor(form.decision);
  const decisionError = fieldError('decision');
  const reasonError = fieldError('reasonCode');
  const noteError = fieldError('note');
  const over = form.note.length > NOTE_MAX;
  const formMessage = decideError?.message ?? null;

  return (
    <section className="rv-card rv-decision" aria-labelledby="rv-decision-title">
      <h2 id="rv-decision-title">Your decision</h2>

      {current ? (
        <div className={`rv-current rv-tone-border-${decisionText(current.decision).tone}`}>
          <p className="rv-current-label">Current decision</p>
          <p className="rv-current-value">
            <Badge tone={decisionText(current.decision).tone} icon={decisionText(current.decision).icon}>
              {decisionText(current.decision).past}
            </Badge>
            <span>{reasonLabel(current.decision, current.reasonCode) ?? 'No reason given'}</span>
          </p>
          {current.note ? <p className="rv-current-note">{current.note}</p> : null}
          <p className="rv-note">
            By {who(current)},{' '}
            <time dateTime={isoOf(current.decidedAt)}>{formatWhen(current.decidedAt, now)}</time>
          </p>
        </div>
      ) : (
        <p className="rv-muted">No decision recorded yet.</p>
      )}

      {props.decisionsError ? (
        <div className="rv-inline-error" role="alert">
          <Icon name="warning" />
          <span>Could not load earlier decisions: {props.decisionsError}</span>
          <button type="button" className="rv-button rv-button-small" onClick={props.onRetryDecisions}>
            Try again
          </button>
        </div>
      ) : null}

      {history.earlier.length ? (
        <details className="rv-history">
          <summary>
            {history.earlier.length} earlier decision{history.earlier.length === 1 ? '' : 's'}
          </summary>
          <ol>
            {history.earlier.map(({ record, supersededBy }) => (
              <li key={record.id}>
                <span className="rv-history-what">
                  {decisionText(record.decision).past}:{' '}
                  {reasonLabel(record.decision, record.reasonCode) ?? 'no reason'}
                </span>
                <span className="rv-note">
                  by {who(record)},{' '}
                  <time dateTime={isoOf(record.decidedAt)}>{formatWhen(record.decidedAt, now)}</time>
                </span>
                {record.note ? <span className="rv-note rv-history-note">{record.note}</span> : null}
                <span className="rv-superseded">
                  Superseded by{' '}
                  {supersededBy
                    ? `${decisionText(supersededBy.decision).past} (${formatWhen(supersededBy.decidedAt, now)})`
                    : 'a later decision'}
                </span>
              </li>
            ))}
          </ol>
        </details>
      ) : null}

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

        <div className="rv-field">
          <label htmlFor={ids.note}>
            Note{' '}
            <span className="rv-muted">
              (optional{form.reasonCode === 'other' ? ' — required for “Other”' : ''})
            </span>
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
