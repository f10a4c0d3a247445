import { useId, useState } from 'react';
import { Modal } from '../../components/Modal';
import type { ActionResult } from '../../store/action-result';

interface CounterExitDialogProps {
  /** Auto-lock is on: leaving needs the officer's PIN, checked in main. */
  needsPin: boolean;
  onLeave(pin: string | undefined): Promise<ActionResult<void>>;
  onStay(): void;
}

/**
 * Leaving counter mode needs the officer: a confirmation, or the PIN when auto-lock is on (main checks
 * it). Without a PIN "Stay" has the focus, so a customer pressing Enter after Esc stays where they are.
 */
export function CounterExitDialog({ needsPin, onLeave, onStay }: CounterExitDialogProps): React.JSX.Element {
  const id = useId();
  const [pin, setPin] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: React.FormEvent): Promise<void> => {
    event.preventDefault();
    if (needsPin && pin === '') {
      setError('Enter the officer’s PIN.');
      return;
    }
    setBusy(true);
    const result = await onLeave(needsPin ? pin : undefined);
    setBusy(false);
    if (!result.ok) {
      setError(result.error.fields['pin']?.[0] ?? result.error.message);
      setPin('');
    }
  };

  return (
    <Modal labelledBy={`${id}-title`} describedBy={`${id}-text`} onClose={onStay} role="alertdialog">
      <form className="counter-exit" onSubmit={(event) => void submit(event)} noValidate>
        <h2 id={`${id}-title`} className="modal-title">
          Close the customer screen?
        </h2>
        <p id={`${id}-text`}>
          {needsPin
            ? 'This screen is for the customer. A member of staff closes it with their PIN.'
            : 'This screen is for the customer. Only a member of staff should close it.'}
        </p>
        {needsPin ? (
          <div className="field" data-invalid={error ? 'true' : undefined}>
            <label htmlFor={`${id}-pin`} className="field-label">
              Officer’s PIN
            </label>
            <input
              id={`${id}-pin`}
              className="input"
              type="password"
              inputMode="numeric"
              autoComplete="off"
              maxLength={12}
              data-autofocus
              value={pin}
              aria-invalid={Boolean(error)}
              aria-describedby={error ? `${id}-error` : undefined}
              onChange={(event) => setPin(event.target.value)}
            />
            {error ? (
              <p id={`${id}-error`} className="field-error">
                {error}
              </p>
            ) : null}
          </div>
        ) : error ? (
          <p className="form-error" role="alert">
            {error}
          </p>
        ) : null}
        <div className="button-row">
          <button
            type="button"
            className="btn btn-primary"
            onClick={onStay}
            data-autofocus={!needsPin || undefined}
          >
            Stay on this screen
          </button>
          <button type="submit" className="btn" disabled={busy}>
            {busy ? 'Closing…' : 'Close it'}
          </button>
        </div>
      </form>
    </Modal>
  );
}
