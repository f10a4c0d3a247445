import { useState } from 'react';
import type { RescueOutcome } from '../../../../shared/domain/views';
import type { ActionResult } from '../../store/action-result';

/** Failures that are about what was typed: shown at the field. */
export function isCodeError(code: string): boolean {
  return code === 'recovery_code_invalid' || code === 'recovery_code_wrong' || code === 'invalid_input';
}

interface RecoverFormProps {
  busy: boolean;
  onRecover(code: string): Promise<ActionResult<RescueOutcome>>;
}

/** The recovery code, typed or pasted; a typo or a wrong code is shown at the field. */
export function RecoverForm({ busy, onRecover }: RecoverFormProps): React.JSX.Element {
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | null>(null);

  const onSubmit = async (event: React.FormEvent): Promise<void> => {
    event.preventDefault();
    if (code.trim() === '') {
      setError('Enter the recovery code.');
      return;
    }
    const result = await onRecover(code);
    if (result.ok) return setError(null);
    const field = result.error.fields['code']?.join(' ');
    // Other failures (the keychain refused the key) are the screen's to show.
    setError(field ?? (isCodeError(result.error.code) ? result.error.message : null));
  };

  return (
    <form onSubmit={(event) => void onSubmit(event)} noValidate>
      <div className="field" data-invalid={error ? 'true' : undefined}>
        <label htmlFor="rescue-recovery-code" className="field-label">
          Recovery code
        </label>
        <input
          id="rescue-recovery-code"
          className="input recovery-input"
          autoComplete="off"
          spellCheck={false}
          value={code}
          placeholder="XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX"
          aria-invalid={Boolean(error)}
          aria-describedby={error ? 'rescue-code-error' : 'rescue-code-hint'}
          onChange={(event) => setCode(event.target.value)}
        />
        {error ? (
          <p id="rescue-code-error" className="field-error" role="alert">
            {error}
          </p>
        ) : (
          <p id="rescue-code-hint" className="field-hint">
            28 letters and digits; case, spaces and dashes do not matter. KYC Desk puts the key back in the
            keychain and restarts.
          </p>
        )}
      </div>
      <button type="submit" className="btn btn-primary" disabled={busy}>
        Recover
      </button>
    </form>
  );
}
