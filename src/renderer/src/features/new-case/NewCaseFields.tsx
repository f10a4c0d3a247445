import { useMemo } from 'react';
import { minorNotice } from '../../../../shared/validation/registration';
import { Field } from '../../components/Field';
import { localToday } from '../../components/format';
import { useStore } from '../../store';
import type { NewCaseField } from '../../store/new-case-slice';
import { countryOptions } from './countries';
import type { NewCaseFormState } from './use-new-case-form';

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

const OFF = { autoComplete: 'off' } as const;

const REQUIRED: ReadonlySet<NewCaseField> = new Set(['firstName', 'lastName']);

interface PartProps {
  form: NewCaseFormState;
}

/** One labelled text input bound to the draft. */
function TextField({
  form,
  name,
  hint,
  warning,
  input,
}: PartProps & {
  name: NewCaseField;
  hint?: string;
  /** Shown instead of the hint, marked as a warning (it does not block). */
  warning?: string | null;
  input?: React.InputHTMLAttributes<HTMLInputElement>;
}) {
  return (
    <Field
      id={`nc-${name}`}
      label={LABELS[name]}
      required={REQUIRED.has(name)}
      error={form.errorFor(name)}
      hint={warning ?? hint}
      {...(warning ? { hintTone: 'warning' as const } : {})}
    >
      {(a11y) => (
        <input
          {...a11y}
          {...input}
          name={name}
          className="input"
          value={form.draft[name]}
          onChange={(event) => form.change(name, event.target.value)}
          onBlur={() => form.touch(name)}
        />
      )}
    </Field>
  );
}

export function CustomerSection({ form }: PartProps): React.JSX.Element {
  const countries = useMemo(() => countryOptions(), []);
  return (
    <fieldset className="fieldset fieldset-section">
      <legend>Customer</legend>
      <div className="grid-3">
        <TextField form={form} name="firstName" input={OFF} />
        <TextField form={form} name="middleName" input={OFF} />
        <TextField form={form} name="lastName" input={OFF} />
      </div>
      <div className="grid-3">
        <TextField
          form={form}
          name="dateOfBirth"
          input={{ placeholder: 'YYYY-MM-DD', inputMode: 'numeric', maxLength: 10 }}
          warning={minorNotice(form.draft.dateOfBirth, localToday())}
          hint="Year-month-day, e.g. 1990-04-21."
        />
        <TextField form={form} name="personalCode" input={OFF} />
        <Field id="nc-countryCode" label={LABELS.countryCode} error={form.errorFor('countryCode')}>
          {(a11y) => (
            <select
              {...a11y}
              name="countryCode"
              className="input"
              value={form.draft.countryCode}
              onChange={(event) => form.change('countryCode', event.target.value)}
              onBlur={() => form.touch('countryCode')}
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
  );
}

export function ContactSection({ form }: PartProps): React.JSX.Element {
  return (
    <fieldset className="fieldset fieldset-section">
      <legend>Contact</legend>
      <div className="grid-2">
        <TextField form={form} name="email" input={{ type: 'email', autoComplete: 'off' }} />
        <TextField
          form={form}
          name="phone"
          input={{ type: 'tel', autoComplete: 'off' }}
          hint="With the country code, e.g. +370 624 51514."
        />
      </div>
    </fieldset>
  );
}

function setupHint(status: string): string {
  if (status === 'loading') return 'Loading setups from Ondato…';
  return 'Leave as is unless your company uses several Ondato setups.';
}

export function CaseSection({ form }: PartProps): React.JSX.Element {
  const setups = useStore((s) => s.setups);
  const loadSetups = useStore((s) => s.loadSetups);
  return (
    <fieldset className="fieldset fieldset-section">
      <legend>Case</legend>
      <div className="grid-2">
        <TextField
          form={form}
          name="externalRef"
          input={{ placeholder: 'Generated if left empty', autoComplete: 'off' }}
          hint="Your own reference, e.g. a customer number."
        />
        <Field
          id="nc-setupId"
          label={LABELS.setupId}
          error={form.errorFor('setupId')}
          hint={setupHint(setups.status)}
        >
          {(a11y) => (
            <select
              {...a11y}
              name="setupId"
              className="input"
              value={form.draft.setupId}
              disabled={setups.status !== 'ready'}
              onChange={(event) => form.change('setupId', event.target.value)}
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
  );
}
