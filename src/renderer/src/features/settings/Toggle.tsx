interface ToggleProps {
  id: string;
  label: string;
  description: string;
  checked: boolean;
  disabled?: boolean;
  onChange(checked: boolean): void;
}

/** An on/off setting: a real checkbox (role switch), its label, and what it does. */
export function Toggle({
  id,
  label,
  description,
  checked,
  disabled,
  onChange,
}: ToggleProps): React.JSX.Element {
  return (
    <div className="toggle">
      <input
        id={id}
        type="checkbox"
        role="switch"
        className="switch"
        checked={checked}
        disabled={disabled}
        aria-describedby={`${id}-desc`}
        onChange={(event) => onChange(event.target.checked)}
      />
      <div>
        <label htmlFor={id} className="toggle-label">
          {label}
          <span className="toggle-state" aria-hidden="true">
            {checked ? 'On' : 'Off'}
          </span>
        </label>
        <p id={`${id}-desc`} className="field-hint">
          {description}
        </p>
      </div>
    </div>
  );
}
