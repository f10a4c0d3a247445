import { useEffect, useMemo, useRef, useState } from 'react';
import { minorNotice, newCaseErrors } from '../../../../shared/validation/registration';
import { Field, type FieldControlProps } from '../../components/Field';
import { localToday } from '../../components/format';
import { useStore } from '../../store';
import { draftToForm, NEW_CASE_FIELDS, type NewCaseField } from '../../store/new-case-slice';
import { countryOptions } from './countries';
import { mapServerFields } from './server-fields';

type Touched = Partial<Record<NewCaseField, boolean>>;

const LABELS: Record<NewCaseField, string> = {
  firstName: 'First name',
  middleName: 'Middle name',
  lastName: 'Last name',
  dateOfBirth: 'Date of birth',
  personalCode: 'Personal code',
  countryCode: 'Country',
  email: 'E-mail',
  phone: 'Phone',
  externalRef: 'External reference',
  setupId: 'Ondato setup',
};

const REQUIRED: ReadonlySet<NewCaseField> = new Set(['firstName', 'lastName']);

export function NewCaseForm(): React.JSX.Element {
  const draft = useStore((s) => s.newCaseDraft);
  const setDraft = useStore((s) => s.setNewCaseDraft);
  const createCase = useStore((s) => s.createCase);
  const setups = useStore((s) => s.setups);
  const loadSetups = useStore((s) => s.loadSetups);
  const offline = useStore((s) => s.sync?.state === 'offline');
  const [touched, setTouched] = useState<Touched>({});
  const [submitted, setSubmitted] = useState(false);
  const [serverFields, setServerFields] = useState<Partial<Record<NewCaseField, string>>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  const countries = useMemo(() => countryOptions(), []);

  useEffect(() => {
    if (setups.status === 'idle') void loadSetups();
  }, [setups.status, loadSetups]);

  const clientErrors = useMemo(() => newCaseErrors(draftToForm(draft, localToday())), [draft]);
  const errorFor = (field: NewCaseField): string | undefined =>
    serverFields[field] ?? (touched[field] || submitted ? clientErrors[field] : undefined);

  const change = (field: NewCaseField, value: string): void => {
    setDraft({ [field]: value });
    if (serverFields[field]) setServerFields(({ [field]: _, ...rest }) => rest);
  };

  const control = (
    field: NewCaseField,
    a11y: FieldControlProps,
    extra: React.InputHTMLAttributes<HTMLInputElement> = {},
  ) => (
    <input
      {...a11y}
      {...extra}
      name={field}
      className="input"
      value={draft[field]}
      onChange={(event) => change(field, event.target.value)}
      onBlur={() => setTouched((t) => ({ ...t, [field]: true }))}
    />
  );

  const focusFirstInvalid = (fields: Partial<Record<string, string>>): void => {
    const first = NEW_CASE_FIELDS.find((field) => fields[field]);
    if (first) form.current?.querySelector<HTMLElement>(`[name="${first}"]`)?.focus();
  };

  const submit = async (event: React.FormEvent): Promise<void> => {
    event.preventDefault();
    setSubmitted(true);
    setFormError(null);
    if (Object.keys(clientErrors).length > 0) {
      setFormError('Check the highlighted fields.');
      focusFirstInvalid(clientErrors);
      return;
    }
    setBusy(true);
    const result = await createCase(draftToForm(draft, localToday()));
    setBusy(false);
    if (result.ok) return;
    const { byField, other } = mapServerFields(result.error.fields);
    setServerFields(byField);
    setFormError([result.error.message, ...other].join(' '));
    focusFirstInvalid(byField);
  };

  const field = (name: NewCaseField, extra?: React.InputHTMLAttributes<HTMLInputElement>, hint?: string) => (
    <Field
      id={`nc-${name}`}
      label={LABELS[name]}
      required={REQUIRED.has(name)}
      error={errorFor(name)}
      hint={hint}
    >
      {(a11y) => control(name, a11y, extra)}
    </Field>
  );

  return (
    <form
      ref={form}
      className="form"
      noValidate
      onSubmit={(event) => void submit(event)}
      aria-describedby="nc-required"
    >
      <p id="nc-required" className="muted">
        First and last name are required; everything else helps Ondato match the document.
      </p>
      <fieldset className="fieldset fieldset-section">
        <legend>Customer</legend>
        <div className="grid-3">
          {field('firstName', { autoComplete: 'off' })}
          {field('middleName', { autoComplete: 'off' })}
          {field('lastName', { autoComplete: 'off' })}
        </div>
        <div className="grid-3">
          {field(
            'dateOfBirth',
            { placeholder: 'YYYY-MM-DD', inputMode: 'numeric', maxLength: 10 },
            minorNotice(draft.dateOfBirth, localToday()) ?? 'Year-month-day, e.g. 1990-04-21.',
          )}
          {field('personalCode', { autoComplete: 'off' })}
          <Field id="nc-countryCode" label={LABELS.countryCode} error={errorFor('countryCode')}>
            {(a11y) => (
              <select
                {...a11y}
                name="countryCode"
                className="input"
                value={draft.countryCode}
                onChange={(event) => change('countryCode', event.target.value)}
                onBlur={() => setTouched((t) => ({ ...t, countryCode: true }))}
              >
                <option value="">Not specified</option>
                {countries.map((c) => (
                  <option key={c.code} value={c.code}>
                    {c.name} ({c.code})
                  </option>
                ))}
              </select>
            )}
          </Field>
        </div>
      </fieldset>
      <fieldset className="fieldset fieldset-section">
        <legend>Contact</legend>
        <div className="grid-2">
          {field('email', { type: 'email', autoComplete: 'off' })}
          {field(
            'phone',
            { type: 'tel', autoComplete: 'off' },
            'With the country code, e.g. +370 624 51514.',
          )}
        </div>
      </fieldset>
      <fieldset className="fieldset fieldset-section">
        <legend>Case</legend>
        <div className="grid-2">
          {field(
            'externalRef',
            { placeholder: 'Generated if left empty', autoComplete: 'off' },
            'Your own reference, e.g. a customer number.',
          )}
          <Field
            id="nc-setupId"
            label={LABELS.setupId}
            error={errorFor('setupId')}
            hint={setupHint(setups.status)}
          >
            {(a11y) => (
              <select
                {...a11y}
                name="setupId"
                className="input"
                value={draft.setupId}
                disabled={setups.status !== 'ready'}
                onChange={(event) => change('setupId', event.target.value)}
              >
                <option value="">Workspace default</option>
                {setups.status === 'ready'
                  ? setups.value.map((s) => (
                      <option key={s.id} value={s.id} disabled={s.disabled}>
                        {s.name}
                        {s.disabled ? ' (disabled in Ondato)' : ''}
                      </option>
                    ))
                  : null}
              </select>
            )}
          </Field>
          {setups.status === 'error' ? (
            <p className="inline-error" role="alert">
              Setups could not be loaded: {setups.message}{' '}
              <button type="button" className="btn btn-small" onClick={() => void loadSetups()}>
                Retry
              </button>
            </p>
          ) : null}
        </div>
      </fieldset>
      <div className="form-footer">
        {formError ? (
          <p className="form-error" role="alert">
            {formError}
          </p>
        ) : null}
        {offline ? (
          <p id="nc-offline" className="form-blocked">
            You are offline: a case can only be created while Ondato is reachable. What you typed stays here.
          </p>
        ) : null}
        <button
          type="submit"
          className="btn btn-primary"
          disabled={offline || busy}
          aria-describedby={offline ? 'nc-offline' : undefined}
        >
          {busy ? 'Creating case…' : 'Create case'}
        </button>
      </div>
    </form>
  );
}

function setupHint(status: string): string {
  if (status === 'loading') return 'Loading setups from Ondato…';
  return 'Leave as is unless your company uses several Ondato setups.';
}
