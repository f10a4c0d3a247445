import { useState } from 'react';
import { Field } from '../../components/Field';
import { useStore } from '../../store';

/** Starts a demo workspace on the built-in Ondato simulator: made-up customers, nothing leaves the computer. */
export function DemoForm({ idPrefix = 'demo' }: { idPrefix?: string }): React.JSX.Element {
  const createDemo = useStore((s) => s.createDemoWorkspace);
  const [officerName, setOfficerName] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [nameError, setNameError] = useState<string | null>(null);

  const submit = async (event: React.FormEvent): Promise<void> => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    setNameError(null);
    const result = await createDemo(officerName);
    setBusy(false);
    if (result.ok) return;
    // A message about the name goes on the name field; anything else above the button.
    const onName = result.error.fields['officerName']?.[0];
    if (onName) setNameError(onName);
    else setError(result.error.message);
  };

  return (
    <form className="form field-narrow" noValidate onSubmit={(event) => void submit(event)}>
      <Field
        id={`${idPrefix}-officer`}
        label="Your name"
        hint="Recorded with your decisions in the demo."
        error={nameError}
      >
        {(a11y) => (
          <input
            {...a11y}
            className="input"
            autoComplete="name"
            value={officerName}
            onChange={(e) => {
              setOfficerName(e.target.value);
              setNameError(null);
            }}
          />
        )}
      </Field>
      {error ? (
        <p className="form-error" role="alert">
          {error}
        </p>
      ) : null}
      <div className="button-row">
        <button type="submit" className="btn btn-primary" disabled={busy}>
          {busy ? 'Starting the demo…' : 'Try the demo'}
        </button>
      </div>
    </form>
  );
}
