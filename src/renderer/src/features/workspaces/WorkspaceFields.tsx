import type { WorkspaceView } from '../../../../shared/domain/views';
import { Field } from '../../components/Field';
import { Icon } from '../../components/Icon';
import { SetupPicker } from './SetupPicker';
import type { WorkspaceForm } from './use-workspace-form';

interface PartProps {
  form: WorkspaceForm;
  idPrefix: string;
}

/** Environment, client ID and secret: what a connection test needs (adding only; they stay when editing). */
export function CredentialFields({ form, idPrefix }: PartProps): React.JSX.Element {
  const { values, change, error } = form;
  return (
    <>
      <fieldset className="fieldset">
        <legend>Ondato environment</legend>
        <div className="choice-row">
          {(['production', 'sandbox'] as const).map((env) => (
            <label key={env} className="choice">
              <input
                type="radio"
                name={`${idPrefix}-environment`}
                value={env}
                checked={values.environment === env}
                onChange={() => change('environment', env)}
              />
              <span>{env === 'production' ? 'Production (real customers)' : 'Sandbox (testing)'}</span>
            </label>
          ))}
        </div>
      </fieldset>
      <div className="grid-2">
        <Field id={`${idPrefix}-clientId`} label="Client ID" required error={error('clientId')}>
          {(a11y) => (
            <input
              {...a11y}
              className="input"
              autoComplete="off"
              spellCheck={false}
              value={values.clientId}
              onChange={(e) => change('clientId', e.target.value)}
            />
          )}
        </Field>
        <Field
          id={`${idPrefix}-clientSecret`}
          label="Client secret"
          required
          error={error('clientSecret')}
          hint="Stored in the system keychain; it is never shown again."
        >
          {(a11y) => (
            <input
              {...a11y}
              className="input"
              type="password"
              autoComplete="new-password"
              value={values.clientSecret}
              onChange={(e) => change('clientSecret', e.target.value)}
            />
          )}
        </Field>
      </div>
    </>
  );
}

/** The workspace's name and the officer's, side by side. */
export function NameFields({ form, idPrefix }: PartProps): React.JSX.Element {
  const { values, change, error } = form;
  return (
    <div className="grid-2">
      <Field
        id={`${idPrefix}-name`}
        label="Workspace name"
        required
        error={error('name')}
        hint="Shown in the top bar, e.g. “Retail onboarding”."
      >
        {(a11y) => (
          <input
            {...a11y}
            className="input"
            value={values.name}
            onChange={(e) => change('name', e.target.value)}
          />
        )}
      </Field>
      <Field
        id={`${idPrefix}-officerName`}
        label="Your name"
        error={error('officerName')}
        hint="Recorded with your decisions."
      >
        {(a11y) => (
          <input
            {...a11y}
            className="input"
            autoComplete="name"
            value={values.officerName}
            onChange={(e) => change('officerName', e.target.value)}
          />
        )}
      </Field>
    </div>
  );
}

export function CustomerUrlField({ form, idPrefix }: PartProps): React.JSX.Element {
  return (
    <Field
      id={`${idPrefix}-customerBaseUrl`}
      label="White-label customer address"
      error={form.error('customerBaseUrl')}
      hint="Only if your customers verify on your own domain, e.g. https://verify.example.com."
    >
      {(a11y) => (
        <input
          {...a11y}
          className="input"
          type="url"
          placeholder="https://"
          value={form.values.customerBaseUrl}
          onChange={(e) => form.change('customerBaseUrl', e.target.value)}
        />
      )}
    </Field>
  );
}

/** Adding: the test button and what it found. */
export function ConnectionTest({ form }: { form: WorkspaceForm }): React.JSX.Element {
  const { setups, busy } = form;
  return (
    <div className="button-row">
      <button type="button" className="btn" disabled={busy !== null} onClick={() => void form.test()}>
        <Icon name="plug" />
        {busy === 'test' ? 'Testing connection…' : 'Test connection'}
      </button>
      <span role="status" className="inline-ok">
        {setups ? (
          <>
            <Icon name="check" /> Connected. Ondato returned {setups.length} setup
            {setups.length === 1 ? '' : 's'}.
          </>
        ) : null}
      </span>
    </div>
  );
}

/** Editing: the stored setup, and Ondato's list once the officer asks to change it. */
export function SetupChoice({
  form,
  workspace,
}: {
  form: WorkspaceForm;
  workspace: WorkspaceView;
}): React.JSX.Element {
  const { setups, values, busy } = form;
  if (setups) {
    return (
      <SetupPicker
        name={`${workspace.id}-setup`}
        setups={setups}
        value={values.setupId}
        error={form.error('setupId')}
        onChange={(id) => form.change('setupId', id)}
      />
    );
  }
  return (
    <div className="button-row">
      <span className="muted">Setup: {values.setupId}</span>
      <button
        type="button"
        className="btn btn-small"
        disabled={busy !== null}
        onClick={() => void form.test()}
      >
        {busy === 'test' ? 'Asking Ondato…' : 'Change setup'}
      </button>
    </div>
  );
}
