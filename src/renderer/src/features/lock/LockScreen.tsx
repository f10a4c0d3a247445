import { useEffect, useRef, useState } from 'react';
import { Icon } from '../../components/Icon';
import { useStore } from '../../store';

/**
 * Shown instead of the whole app while main reports the lock: no case data is rendered behind it.
 * Focus starts in the PIN field; a wrong PIN is announced and the field cleared for the next try.
 */
export function LockScreen(): React.JSX.Element {
  const unlock = useStore((s) => s.unlock);
  const [pin, setPin] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => {
    const title = document.title;
    document.title = 'Locked — KYC Desk';
    input.current?.focus();
    return () => {
      document.title = title;
    };
  }, []);

  const submit = async (event: React.FormEvent): Promise<void> => {
    event.preventDefault();
    if (busy) return;
    if (pin === '') {
      setError('Enter your PIN.');
      input.current?.focus();
      return;
    }
    setBusy(true);
    const result = await unlock(pin);
    if (result.ok) return;
    setBusy(false);
    setPin('');
    setError(result.error.message);
    input.current?.focus();
  };

  return (
    <main className="lock-screen" id="main">
      <form className="lock-card card" onSubmit={(event) => void submit(event)} noValidate>
        <Icon name="shield" />
        <h1 className="page-title">KYC Desk is locked</h1>
        <p id="lock-explain" className="muted">
          Case data is hidden. Enter your PIN to continue.
        </p>
        <div className="field">
          <label htmlFor="lock-pin" className="field-label">
            PIN
          </label>
          <input
            id="lock-pin"
            ref={input}
            className="input"
            type="password"
            inputMode="numeric"
            autoComplete="off"
            maxLength={12}
            value={pin}
            aria-invalid={error !== null}
            aria-describedby={error ? 'lock-explain lock-error' : 'lock-explain'}
            onChange={(event) => setPin(event.target.value)}
          />
        </div>
        <p id="lock-error" className="form-error" role="alert">
          {error ?? ''}
        </p>
        <button type="submit" className="btn btn-primary" disabled={busy}>
          {busy ? 'Checking…' : 'Unlock'}
        </button>
      </form>
    </main>
  );
}

/** Reports key presses and clicks to main (throttled in the store) while auto-lock is on. */
export function useActivityPings(enabled: boolean): void {
  const report = useStore((s) => s.reportActivity);
  useEffect(() => {
    if (!enabled) return undefined;
    const onActivity = (): void => report();
    window.addEventListener('keydown', onActivity, true);
    window.addEventListener('pointerdown', onActivity, true);
    return () => {
      window.removeEventListener('keydown', onActivity, true);
      window.removeEventListener('pointerdown', onActivity, true);
    };
  }, [enabled, report]);
}
