import { useState } from 'react';
import { Icon } from '../../components/Icon';
import { useStore } from '../../store';

const MINUTES: { value: number; label: string }[] = [
  { value: 0, label: 'Off' },
  { value: 1, label: 'After 1 minute' },
  { value: 5, label: 'After 5 minutes' },
  { value: 10, label: 'After 10 minutes' },
  { value: 15, label: 'After 15 minutes' },
  { value: 30, label: 'After 30 minutes' },
];

const PIN_PATTERN = /^[0-9]{4,12}$/;

type Fields = Partial<Record<'current' | 'next' | 'repeat', string>>;

function PinInput(props: {
  id: string;
  label: string;
  value: string;
  error: string | undefined;
  hint?: string;
  onChange(value: string): void;
}): React.JSX.Element {
  const { id, label, value, error, hint, onChange } = props;
  const described = error ? `${id}-error` : hint ? `${id}-hint` : undefined;
  return (
    <div className="field" data-invalid={error ? 'true' : undefined}>
      <label htmlFor={id} className="field-label">
        {label}
      </label>
      <input
        id={id}
        className="input input-pin"
        type="password"
        inputMode="numeric"
        autoComplete="off"
        maxLength={12}
        value={value}
        aria-invalid={Boolean(error)}
        aria-describedby={described}
        onChange={(event) => onChange(event.target.value)}
      />
      {error ? (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      ) : hint ? (
        <p id={`${id}-hint`} className="field-hint">
          {hint}
        </p>
      ) : null}
    </div>
  );
}

/** Settings › Auto-lock: the PIN (set, change, remove), the idle minutes and "Lock now". */
export function AutoLockSection(): React.JSX.Element {
  const lock = useStore((s) => s.lock);
  const minutes = useStore((s) => s.settings.autoLockMinutes);
  const updateSettings = useStore((s) => s.updateSettings);
  const setPin = useStore((s) => s.setPin);
  const clearPin = useStore((s) => s.clearPin);
  const lockNow = useStore((s) => s.lockNow);
  const pinSet = lock?.pinSet === true;
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [fields, setFields] = useState<Fields>({});
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState('');
  const [busy, setBusy] = useState(false);

  const finish = (message: string): void => {
    setCurrent('');
    setNext('');
    setRepeat('');
    setFields({});
    setError(null);
    setDone(message);
  };

  const fail = (message: string, code: string, errorFields: Record<string, string[]>): void => {
    setDone('');
    setError(message);
    setFields({
      current:
        errorFields['currentPin']?.[0] ?? (code === 'pin_incorrect' ? 'That PIN is not correct.' : undefined),
      next: errorFields['pin']?.[0],
    });
  };

  const save = async (event: React.FormEvent): Promise<void> => {
    event.preventDefault();
    const problems: Fields = {};
    if (pinSet && current === '') problems.current = 'Enter your current PIN.';
    if (!PIN_PATTERN.test(next)) problems.next = 'Use 4 to 12 digits.';
    else if (repeat !== next) problems.repeat = 'The two PINs are not the same.';
    if (Object.keys(problems).length > 0) {
      setFields(problems);
      setDone('');
      setError('Check the highlighted fields.');
      return;
    }
    setBusy(true);
    const result = await setPin(next, pinSet ? current : undefined);
    setBusy(false);
    if (result.ok) finish(pinSet ? 'PIN changed.' : 'PIN set. You can now turn on auto-lock.');
    else fail(result.error.message, result.error.code, result.error.fields);
  };

  const remove = async (): Promise<void> => {
    if (current === '') {
      setFields({ current: 'Enter your current PIN to remove it.' });
      setDone('');
      setError('Check the highlighted fields.');
      return;
    }
    setBusy(true);
    const result = await clearPin(current);
    setBusy(false);
    if (result.ok) finish('PIN removed. Auto-lock is off until you set a new one.');
    else fail(result.error.message, result.error.code, result.error.fields);
  };

  const changeMinutes = async (value: number): Promise<void> => {
    const result = await updateSettings({ autoLockMinutes: value });
    if (result.ok) finish(value === 0 ? 'Auto-lock is off.' : 'Auto-lock saved.');
    else fail(`The setting was not saved. ${result.error.message}`, result.error.code, {});
  };

  return (
    <section className="card" aria-labelledby="set-lock">
      <h2 id="set-lock" className="section-title">
        Auto-lock
      </h2>
      <p className="muted">
        After the idle time below, KYC Desk hides all case data until you enter your PIN. The PIN is local to
        this computer and stored only as a salted hash; there is no OS sign-in here.
      </p>
      <div className="field">
        <label htmlFor="set-autolock" className="field-label">
          Lock when idle
        </label>
        <select
          id="set-autolock"
          className="input input-fit"
          value={MINUTES.some((m) => m.value === minutes) ? minutes : 0}
          disabled={!pinSet}
          aria-describedby="set-autolock-hint"
          onChange={(event) => void changeMinutes(Number(event.target.value))}
        >
          {MINUTES.map((m) => (
            <option key={m.value} value={m.value}>
              {m.label}
            </option>
          ))}
        </select>
        <p id="set-autolock-hint" className="field-hint">
          {pinSet ? 'Counted from your last key press or click.' : 'Set a PIN first.'}
        </p>
      </div>

      <form
        className="fieldset"
        onSubmit={(event) => void save(event)}
        noValidate
        aria-labelledby="set-pin-title"
      >
        <h3 id="set-pin-title" className="field-label">
          {pinSet ? 'Change or remove the PIN' : 'Set a PIN'}
        </h3>
        {pinSet ? (
          <PinInput
            id="set-pin-current"
            label="Current PIN"
            value={current}
            error={fields.current}
            onChange={setCurrent}
          />
        ) : null}
        <PinInput
          id="set-pin-new"
          label={pinSet ? 'New PIN' : 'PIN'}
          value={next}
          error={fields.next}
          hint="4 to 12 digits."
          onChange={setNext}
        />
        <PinInput
          id="set-pin-repeat"
          label={pinSet ? 'Repeat the new PIN' : 'Repeat the PIN'}
          value={repeat}
          error={fields.repeat}
          onChange={setRepeat}
        />
        <div className="button-row">
          <button type="submit" className="btn" disabled={busy}>
            <Icon name="shield" />
            {pinSet ? 'Change PIN' : 'Set PIN'}
          </button>
          {pinSet ? (
            <button type="button" className="btn" disabled={busy} onClick={() => void remove()}>
              Remove PIN
            </button>
          ) : null}
        </div>
      </form>

      {error ? (
        <p className="form-error" role="alert">
          {error}
        </p>
      ) : null}
      <p role="status" className="muted">
        {done}
      </p>

      <div className="button-row">
        <button
          type="button"
          className="btn"
          disabled={!pinSet || busy}
          onClick={() => {
            void lockNow().then((result) => {
              if (!result.ok) fail(result.error.message, result.error.code, {});
            });
          }}
        >
          Lock now
        </button>
      </div>
    </section>
  );
}
