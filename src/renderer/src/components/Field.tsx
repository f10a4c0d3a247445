export interface FieldControlProps {
  id: string;
  'aria-invalid': boolean;
  'aria-describedby': string | undefined;
  'aria-required': boolean | undefined;
}

interface FieldProps {
  id: string;
  label: string;
  hint?: React.ReactNode;
  /** The hint is a warning the officer should not miss (it still does not block). */
  hintTone?: 'warning';
  error?: string | null | undefined;
  required?: boolean;
  /** Gets the attributes that tie the control to its label, hint and error. */
  children(control: FieldControlProps): React.ReactNode;
}

/**
 * A labelled control with its hint below it; an error takes the hint's place (our messages say what
 * to type, so both at once would repeat), keeping the controls of a row aligned either way.
 */
export function Field({
  id,
  label,
  hint,
  hintTone,
  error,
  required,
  children,
}: FieldProps): React.JSX.Element {
  const hintId = hint && !error ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  return (
    <div className="field" data-invalid={error ? 'true' : undefined}>
      <label htmlFor={id} className="field-label">
        {label}
        {required ? null : <span className="field-optional"> (optional)</span>}
      </label>
      {children({
        id,
        'aria-invalid': Boolean(error),
        'aria-describedby': errorId ?? hintId,
        'aria-required': required || undefined,
      })}
      {error ? (
        <p id={errorId} className="field-error">
          {error}
        </p>
      ) : hint ? (
        <p id={hintId} className="field-hint" data-tone={hintTone}>
          {hint}
        </p>
      ) : null}
    </div>
  );
}
