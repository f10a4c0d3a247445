import { useEffect, useState } from 'react';
import type { RetentionReport, RetentionView } from '../../../../shared/domain/views';
import { useStore } from '../../store';

const FIVE_YEARS = 1826;

/** The active workspace's retention period, with plain words about what it means and what it risks. */
export function RetentionSection({ workspaceName }: { workspaceName: string }): React.JSX.Element {
  const load = useStore((s) => s.loadRetention);
  const save = useStore((s) => s.setRetention);
  const run = useStore((s) => s.runRetention);
  const [view, setView] = useState<RetentionView | null>(null);
  const [days, setDays] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [preview, setPreview] = useState<RetentionReport | null>(null);
  const [saved, setSaved] = useState(false);

  useEffect(() => {
    void load().then((result) => {
      if (result.ok) {
        setView(result.value);
        setDays(result.value.days === null ? '' : String(result.value.days));
      } else setError(result.error.message);
    });
  }, [load]);

  const apply = async (value: number | null): Promise<void> => {
    setSaved(false);
    setPreview(null);
    const result = await save(value);
    if (!result.ok) {
      setError(result.error.fields['days']?.join(' ') ?? result.error.message);
      return;
    }
    setError(null);
    setView(result.value);
    setSaved(true);
  };

  const onSave = (): void => {
    const text = days.trim();
    if (text === '') return void apply(null);
    const value = /^\d{1,5}$/.test(text) ? Number(text) : Number.NaN;
    if (!Number.isInteger(value) || value < 1 || value > 36_500) {
      setError('Enter a number of days from 1 to 36500, or leave it empty to keep data until you remove it.');
      return;
    }
    void apply(value);
  };

  const onPreview = async (): Promise<void> => {
    const result = await run(true);
    if (result.ok) setPreview(result.value);
    else setError(result.error.message);
  };

  return (
    <section className="card" aria-labelledby="set-retention">
      <h2 id="set-retention" className="section-title">
        Retention of personal data ({workspaceName})
      </h2>
      <p className="muted">
        When a period is set, KYC Desk deletes the customer&apos;s personal data and document images from this
        computer that many days after your final decision (accept or reject). It keeps the ids, statuses, the
        decision, the dates and a hash of each image, and writes the deletion into the audit trail. It runs
        when the app starts and once a day. Nothing is deleted at Ondato.
      </p>
      <p className="muted">
        AML record-keeping periods are often 5 years ({FIVE_YEARS} days); deleting earlier may breach them.
        Check your obligations before you set a period.
      </p>
      <div className="field" data-invalid={error ? 'true' : undefined}>
        <label htmlFor="retention-days" className="field-label">
          Delete personal data after (days)
        </label>
        <input
          id="retention-days"
          className="input"
          inputMode="numeric"
          value={days}
          placeholder="Off: keep until removed"
          aria-invalid={Boolean(error)}
          aria-describedby={error ? 'retention-error' : 'retention-hint'}
          onChange={(event) => setDays(event.target.value)}
        />
        {error ? (
          <p id="retention-error" className="field-error" role="alert">
            {error}
          </p>
        ) : (
          <p id="retention-hint" className="field-hint">
            {(view?.days ?? null) === null ? 'Currently off.' : `Currently ${view?.days ?? 0} days.`} Leave
            empty to turn it off.
          </p>
        )}
      </div>
      <div className="button-row">
        <button type="button" className="btn" onClick={onSave}>
          Save period
        </button>
        <button type="button" className="btn" onClick={() => void onPreview()}>
          Show what would be deleted now
        </button>
        <span role="status" className="muted">
          {saved ? 'Saved.' : ''}
          {preview
            ? preview.days === null
              ? 'Retention is off: nothing would be deleted.'
              : `${preview.cases.length} case(s) would lose their personal data now.`
            : ''}
        </span>
      </div>
    </section>
  );
}
