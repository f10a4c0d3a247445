import { useState } from 'react';
import { COUNTER_INSTRUCTIONS_MAX, DEFAULT_COUNTER_INSTRUCTIONS } from '../../../../shared/domain/counter';
import { useStore } from '../../store';
import './counter-officer.css';

/** Settings › Counter mode: the branch's instructions shown to the customer beside the QR code. */
export function CounterSettingsSection(): React.JSX.Element {
  const saved = useStore((s) => s.settings.counterInstructions);
  const updateSettings = useStore((s) => s.updateSettings);
  // null: not edited, so the field follows the saved text (also when another window changes it).
  const [draft, setDraft] = useState<string | null>(null);
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const text = draft ?? saved;

  const save = async (value: string): Promise<void> => {
    const result = await updateSettings({ counterInstructions: value });
    if (result.ok) setDraft(null);
    setMessage(
      result.ok
        ? { kind: 'ok', text: 'Saved. An open counter view shows the new text at once.' }
        : { kind: 'error', text: result.error.fields['counterInstructions']?.[0] ?? result.error.message },
    );
  };
  const tooLong = text.length > COUNTER_INSTRUCTIONS_MAX;

  return (
    <section className="card" aria-labelledby="set-counter">
      <h2 id="set-counter" className="section-title">
        Counter mode
      </h2>
      <form
        className="field"
        data-invalid={tooLong || message?.kind === 'error' ? 'true' : undefined}
        onSubmit={(event) => {
          event.preventDefault();
          void save(text);
        }}
      >
        <label htmlFor="set-counter-text" className="field-label">
          Instructions for the customer
        </label>
        <textarea
          id="set-counter-text"
          className="input counter-textarea"
          rows={4}
          value={text}
          aria-describedby="set-counter-hint"
          aria-invalid={tooLong}
          onChange={(event) => setDraft(event.target.value)}
        />
        <p id="set-counter-hint" className="field-hint">
          Shown beside the QR code on the customer’s screen, one paragraph per line, at most{' '}
          {COUNTER_INSTRUCTIONS_MAX} characters ({text.length} now). Nothing about the case is shown there.
        </p>
        <div className="button-row">
          <button type="submit" className="btn btn-primary" disabled={tooLong || text === saved}>
            Save instructions
          </button>
          <button
            type="button"
            className="btn"
            disabled={saved === DEFAULT_COUNTER_INSTRUCTIONS}
            onClick={() => void save(DEFAULT_COUNTER_INSTRUCTIONS)}
          >
            Use the default text
          </button>
        </div>
        <p role="status" className={message?.kind === 'error' ? 'field-error' : 'field-hint'}>
          {message?.text ?? ''}
        </p>
      </form>
    </section>
  );
}
