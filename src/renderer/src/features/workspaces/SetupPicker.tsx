import type { SetupOption } from '../../../../shared/domain/views';

interface SetupPickerProps {
  name: string;
  setups: SetupOption[];
  value: string;
  error?: string | undefined;
  onChange(id: string): void;
}

/** Ondato's setups for the client as radio buttons; disabled setups are shown but cannot be chosen. */
export function SetupPicker({ name, setups, value, error, onChange }: SetupPickerProps): React.JSX.Element {
  const errorId = `${name}-error`;
  if (setups.length === 0) {
    return (
      <p className="inline-error" role="alert">
        Ondato returned no setups for this client. Ask Ondato to create an identity verification setup.
      </p>
    );
  }
  return (
    <fieldset className="fieldset setup-picker" aria-describedby={error ? errorId : undefined}>
      <legend>Ondato setup</legend>
      {setups.map((setup) => (
        <label key={setup.id} className="choice" data-disabled={setup.disabled || undefined}>
          <input
            type="radio"
            name={name}
            value={setup.id}
            checked={value === setup.id}
            disabled={setup.disabled}
            onChange={() => onChange(setup.id)}
          />
          <span>
            {setup.name}
            {setup.disabled ? <span className="muted"> (disabled in Ondato)</span> : null}
            <span className="choice-detail">{setup.id}</span>
          </span>
        </label>
      ))}
      {error ? (
        <p id={errorId} className="field-error">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
