import { useState } from 'react';
import type { SetupOption, WorkspaceView } from '../../../../shared/domain/views';
import { Field } from '../../components/Field';
import { useStore } from '../../store';
import { connectionProblem, type ConnectionProblem } from './connection-errors';
import { ProblemMessage } from './ProblemMessage';
import { EditSecretField } from './EditSecretField';
import { HostFields } from './HostFields';
import { hostsChanged, hostsOf, pointsAtKycHost, type HostValues } from './host-edits';
import { SetupPicker } from './SetupPicker';

interface EditProps {
  workspace: WorkspaceView;
  onDone(): void;
}

/**
 * Name, officer, Ondato addresses, setup and a new secret; the client ID and environment stay. Changing
 * an address needs the secret again (main refuses otherwise and asks the officer in its own dialog).
 */
export function WorkspaceEditForm({ workspace, onDone }: EditProps): React.JSX.Element {
  const update = useStore((s) => s.updateWorkspace);
  const test = useStore((s) => s.testWorkspace);
  const isDemo = workspace.environment === 'demo';
  const [name, setName] = useState(workspace.name);
  const [officerName, setOfficerName] = useState(workspace.officerName ?? '');
  const [customerBaseUrl, setCustomerBaseUrl] = useState(workspace.customerBaseUrl ?? '');
  const [setupId, setSetupId] = useState(workspace.setupId);
  const [secret, setSecret] = useState('');
  const [hosts, setHosts] = useState<HostValues>(() => hostsOf(workspace));
  const moved =
    !isDemo &&
    hostsChanged(
      { ...hostsOf(workspace), customerBaseUrl: workspace.customerBaseUrl ?? '' },
      { ...hosts, customerBaseUrl },
    );
  const syncCode = useStore((s) =>
    s.activeWorkspaceId === workspace.id ? (s.sync?.lastError?.code ?? null) : null,
  );
  const [setups, setSetups] = useState<SetupOption[] | null>(null);
  const [problem, setProblem] = useState<ConnectionProblem | null>(null);
  const [busy, setBusy] = useState<'setups' | 'save' | null>(null);
  const id = workspace.id;

  const loadSetups = async (): Promise<void> => {
    setBusy('setups');
    setProblem(null);
    const result = await test(id);
    setBusy(null);
    if (result.ok) setSetups(result.value.setups);
    else setProblem(connectionProblem(result.error));
  };

  const save = async (event: React.FormEvent): Promise<void> => {
    event.preventDefault();
    if (moved && !secret) {
      setProblem(secretNeeded());
      return;
    }
    setBusy('save');
    setProblem(null);
    const trimmed = {
      authUrl: hosts.authUrl.trim(),
      idvApiUrl: hosts.idvApiUrl.trim(),
      kycApiUrl: hosts.kycApiUrl.trim(),
    };
    const result = await update({
      id,
      name,
      officerName,
      ...(isDemo ? {} : { customerBaseUrl: customerBaseUrl.trim(), setupId }),
      ...(moved ? { overrides: trimmed } : {}),
      ...(secret ? { clientSecret: secret } : {}),
    });
    setBusy(null);
    if (result.ok) onDone();
    else setProblem(connectionProblem(result.error));
  };

  const fieldError = (key: string): string | undefined => problem?.fields[key];

  return (
    <form
      className="form"
      noValidate
      onSubmit={(event) => void save(event)}
      aria-label={`Edit ${workspace.name}`}
    >
      <div className="grid-2">
        <Field id={`${id}-name`} label="Workspace name" required error={fieldError('name')}>
          {(a11y) => (
            <input {...a11y} className="input" value={name} onChange={(e) => setName(e.target.value)} />
          )}
        </Field>
        <Field
          id={`${id}-officer`}
          label="Your name"
          error={fieldError('officerName')}
          hint="Recorded with your decisions."
        >
          {(a11y) => (
            <input
              {...a11y}
              className="input"
              value={officerName}
              onChange={(e) => setOfficerName(e.target.value)}
            />
          )}
        </Field>
      </div>
      {isDemo ? null : (
        <>
          <dl className="facts">
            <dt>Client ID</dt>
            <dd>{workspace.clientId}</dd>
          </dl>
          <EditSecretField
            id={`${id}-secret`}
            value={secret}
            onChange={setSecret}
            error={fieldError('clientSecret')}
            hasSecret={workspace.hasSecret}
            required={moved}
          />
          <Field
            id={`${id}-url`}
            label="White-label customer address"
            error={fieldError('customerBaseUrl')}
            hint="Only if your customers verify on your own domain."
          >
            {(a11y) => (
              <input
                {...a11y}
                className="input"
                type="url"
                placeholder="https://"
                value={customerBaseUrl}
                onChange={(e) => setCustomerBaseUrl(e.target.value)}
              />
            )}
          </Field>
          <HostFields
            idPrefix={id}
            values={hosts}
            onChange={(key, value) => setHosts((h) => ({ ...h, [key]: value }))}
            error={fieldError}
            kycTrouble={pointsAtKycHost(problem?.code ?? syncCode)}
          />
          {setups ? (
            <SetupPicker
              name={`${id}-setup`}
              setups={setups}
              value={setupId}
              error={fieldError('setupId')}
              onChange={setSetupId}
            />
          ) : (
            <div className="button-row">
              <span className="muted">Setup: {setupId}</span>
              <button
                type="button"
                className="btn btn-small"
                disabled={busy !== null}
                onClick={() => void loadSetups()}
              >
                {busy === 'setups' ? 'Asking Ondato…' : 'Change setup'}
              </button>
            </div>
          )}
        </>
      )}
      {problem ? <ProblemMessage problem={problem} /> : null}
      <div className="button-row">
        <button type="button" className="btn" onClick={onDone}>
          Cancel
        </button>
        <button type="submit" className="btn btn-primary" disabled={busy !== null}>
          {busy === 'save' ? 'Saving…' : 'Save changes'}
        </button>
      </div>
    </form>
  );
}

function secretNeeded(): ConnectionProblem {
  const message = 'Enter the client secret again for the new Ondato addresses.';
  return { code: 'invalid_input', message, detail: null, fields: { clientSecret: message } };
}
