import { useState } from 'react';
import { firstFieldErrors } from '../../../../shared/domain/fields';
import type { ConnectionResult } from '../../../../shared/domain/views';
import { newWorkspaceSchema, workspaceDraftSchema } from '../../../../shared/ipc/contract';
import { Field } from '../../components/Field';
import { Icon } from '../../components/Icon';
import { useStore } from '../../store';
import { connectionProblem, type ConnectionProblem } from './connection-errors';
import { ProblemMessage } from './ProblemMessage';
import { HostFields } from './HostFields';
import { NO_HOSTS, overridesOf, pointsAtKycHost, type HostValues } from './host-edits';
import { SetupPicker } from './SetupPicker';

type Environment = 'production' | 'sandbox';

interface Values {
  environment: Environment;
  clientId: string;
  clientSecret: string;
  name: string;
  setupId: string;
  customerBaseUrl: string;
  officerName: string;
}

const INITIAL: Values = {
  environment: 'production',
  clientId: '',
  clientSecret: '',
  name: '',
  setupId: '',
  customerBaseUrl: '',
  officerName: '',
};

function issues(result: { success: boolean; error?: Parameters<typeof firstFieldErrors>[0] }) {
  return result.error ? firstFieldErrors(result.error) : {};
}

/** Connects an Ondato production or sandbox client: test the credentials, pick a setup, save. */
export function WorkspaceForm({ onCancel }: { onCancel?: () => void }): React.JSX.Element {
  const probe = useStore((s) => s.probeWorkspace);
  const add = useStore((s) => s.addWorkspace);
  const [values, setValues] = useState<Values>(INITIAL);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [connection, setConnection] = useState<ConnectionResult | null>(null);
  const [problem, setProblem] = useState<ConnectionProblem | null>(null);
  const [busy, setBusy] = useState<'test' | 'save' | null>(null);
  const [hosts, setHosts] = useState<HostValues>(NO_HOSTS);
  const overrides = overridesOf(hosts);

  const changeHost = (key: keyof HostValues, value: string): void => {
    setHosts((h) => ({ ...h, [key]: value }));
    // Other addresses invalidate what the last test found, like other credentials.
    setConnection(null);
    setProblem(null);
  };

  const change = <K extends keyof Values>(key: K, value: Values[K]): void => {
    setValues((v) => ({ ...v, [key]: value }));
    setErrors(({ [key]: _, ...rest }) => rest);
    // New credentials invalidate what the last test found.
    if (key === 'environment' || key === 'clientId' || key === 'clientSecret') {
      setConnection(null);
      setProblem(null);
      setValues((v) => ({ ...v, setupId: '' }));
    }
  };

  const test = async (): Promise<void> => {
    const draft = {
      environment: values.environment,
      clientId: values.clientId,
      clientSecret: values.clientSecret,
      ...(overrides ? { overrides } : {}),
    };
    const local = issues(workspaceDraftSchema.safeParse(draft));
    setErrors(local);
    setProblem(null);
    if (Object.keys(local).length > 0) return;
    setBusy('test');
    const result = await probe(draft);
    setBusy(null);
    if (result.ok) {
      setConnection(result.value);
      const usable = result.value.setups.filter((s) => !s.disabled);
      if (usable.length === 1) setValues((v) => ({ ...v, setupId: usable[0]!.id }));
    } else {
      const found = connectionProblem(result.error);
      setProblem(found);
      setErrors(found.fields);
    }
  };

  const save = async (event: React.FormEvent): Promise<void> => {
    event.preventDefault();
    if (!connection) return;
    const input = {
      name: values.name,
      environment: values.environment,
      clientId: values.clientId,
      clientSecret: values.clientSecret,
      setupId: values.setupId,
      customerBaseUrl: values.customerBaseUrl.trim(),
      ...(overrides ? { overrides } : {}),
      ...(values.officerName.trim() ? { officerName: values.officerName } : {}),
    };
    const local = issues(newWorkspaceSchema.safeParse(input));
    setErrors(local);
    setProblem(null);
    if (Object.keys(local).length > 0) return;
    setBusy('save');
    const result = await add(input);
    setBusy(null);
    if (!result.ok) {
      const found = connectionProblem(result.error);
      setProblem(found);
      setErrors(found.fields);
    }
  };

  return (
    <form className="form" noValidate onSubmit={(event) => void save(event)}>
      <fieldset className="fieldset">
        <legend>Ondato environment</legend>
        <div className="choice-row">
          {(['production', 'sandbox'] as const).map((env) => (
            <label key={env} className="choice">
              <input
                type="radio"
                name="environment"
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
        <Field id="ws-clientId" label="Client ID" required error={errors.clientId}>
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
          id="ws-clientSecret"
          label="Client secret"
          required
          error={errors.clientSecret}
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
      <HostFields
        idPrefix="ws"
        values={hosts}
        onChange={changeHost}
        error={(key) => errors[key] ?? (key.startsWith('overrides.') ? errors.overrides : undefined)}
        kycTrouble={pointsAtKycHost(problem?.code)}
      />
      <div className="button-row">
        <button type="button" className="btn" disabled={busy !== null} onClick={() => void test()}>
          <Icon name="plug" />
          {busy === 'test' ? 'Testing connection…' : 'Test connection'}
        </button>
        <span role="status" className="inline-ok">
          {connection ? (
            <>
              <Icon name="check" /> Connected. Ondato returned {connection.setups.length} setup
              {connection.setups.length === 1 ? '' : 's'}.
            </>
          ) : null}
        </span>
      </div>
      {problem ? <ProblemMessage problem={problem} /> : null}
      {connection ? (
        <>
          <SetupPicker
            name="ws-setup"
            setups={connection.setups}
            value={values.setupId}
            error={errors.setupId}
            onChange={(id) => change('setupId', id)}
          />
          <Field
            id="ws-name"
            label="Workspace name"
            required
            error={errors.name}
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
          <div className="grid-2">
            <Field
              id="ws-customerBaseUrl"
              label="White-label customer address"
              error={errors.customerBaseUrl}
              hint="Only if your customers verify on your own domain, e.g. https://verify.example.com."
            >
              {(a11y) => (
                <input
                  {...a11y}
                  className="input"
                  type="url"
                  placeholder="https://"
                  value={values.customerBaseUrl}
                  onChange={(e) => change('customerBaseUrl', e.target.value)}
                />
              )}
            </Field>
            <Field
              id="ws-officerName"
              label="Your name"
              error={errors.officerName}
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
        </>
      ) : null}
      <div className="form-footer">
        {connection ? null : (
          <p className="form-blocked">Test the connection first; then choose a setup and save.</p>
        )}
        <div className="button-row">
          {onCancel ? (
            <button type="button" className="btn" onClick={onCancel}>
              Cancel
            </button>
          ) : null}
          <button type="submit" className="btn btn-primary" disabled={!connection || busy !== null}>
            {busy === 'save' ? 'Saving…' : 'Save workspace'}
          </button>
        </div>
      </div>
    </form>
  );
}
