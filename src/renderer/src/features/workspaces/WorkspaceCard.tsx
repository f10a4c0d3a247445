import { useState } from 'react';
import type { WorkspaceView } from '../../../../shared/domain/views';
import { EnvBadge } from '../../components/EnvBadge';
import { Icon } from '../../components/Icon';
import { useStore } from '../../store';
import { connectionProblem, type ConnectionProblem } from './connection-errors';
import { pointsAtKycHost } from './host-edits';
import { ProblemMessage } from './ProblemMessage';
import { RemoveWorkspaceDialog } from './RemoveWorkspaceDialog';
import { WorkspaceForm } from './WorkspaceForm';
import { TeamJoinSection } from '../team/TeamJoinSection';

type TestState =
  { kind: 'testing' } | { kind: 'ok'; setups: number } | { kind: 'error'; problem: ConnectionProblem } | null;

export function WorkspaceCard({
  workspace,
  active,
}: {
  workspace: WorkspaceView;
  active: boolean;
}): React.JSX.Element {
  const activate = useStore((s) => s.activateWorkspace);
  const test = useStore((s) => s.testWorkspace);
  const [editing, setEditing] = useState(false);
  const [removing, setRemoving] = useState(false);
  const [testState, setTestState] = useState<TestState>(null);
  const [switchError, setSwitchError] = useState<string | null>(null);
  const titleId = `ws-${workspace.id}-title`;

  const runTest = async (): Promise<void> => {
    setTestState({ kind: 'testing' });
    const result = await test(workspace.id);
    setTestState(
      result.ok
        ? { kind: 'ok', setups: result.value.setups.length }
        : { kind: 'error', problem: connectionProblem(result.error) },
    );
  };

  const switchTo = async (): Promise<void> => {
    setSwitchError(null);
    const result = await activate(workspace.id);
    if (!result.ok) setSwitchError(result.error.message);
  };

  return (
    <section className="card ws-card" aria-labelledby={titleId} data-active={active || undefined}>
      <div className="ws-card-head">
        <h2 id={titleId} className="section-title">
          {workspace.name}
        </h2>
        <EnvBadge environment={workspace.environment} />
        {active ? (
          <span className="tag">
            <Icon name="check" /> Active
          </span>
        ) : null}
      </div>
      <dl className="facts">
        {workspace.environment === 'demo' ? null : (
          <>
            <dt>Client ID</dt>
            <dd>{workspace.clientId}</dd>
            <dt>Client secret</dt>
            <dd>{workspace.hasSecret ? 'A secret is stored in the system keychain' : 'No secret stored'}</dd>
          </>
        )}
        <dt>Customer links open on</dt>
        <dd>{workspace.customerHost}</dd>
        <dt>Officer</dt>
        <dd>{workspace.officerName || 'Not set'}</dd>
      </dl>
      {editing ? (
        <WorkspaceForm workspace={workspace} onCancel={() => setEditing(false)} />
      ) : (
        <div className="button-row">
          {active ? null : (
            <button type="button" className="btn btn-primary" onClick={() => void switchTo()}>
              Switch to this workspace
            </button>
          )}
          <button
            type="button"
            className="btn"
            disabled={testState?.kind === 'testing'}
            onClick={() => void runTest()}
          >
            <Icon name="plug" />
            {testState?.kind === 'testing' ? 'Testing…' : 'Test connection'}
          </button>
          <button type="button" className="btn" onClick={() => setEditing(true)}>
            <Icon name="edit" />
            Edit
          </button>
          <button type="button" className="btn btn-danger-quiet" onClick={() => setRemoving(true)}>
            <Icon name="trash" />
            Remove
          </button>
        </div>
      )}
      <div role="status" className="ws-test-result">
        {testState?.kind === 'ok' ? (
          <p className="inline-ok">
            <Icon name="check" /> Connection works; Ondato returned {testState.setups} setup
            {testState.setups === 1 ? '' : 's'}.
          </p>
        ) : null}
      </div>
      {testState?.kind === 'error' ? <ProblemMessage problem={testState.problem} /> : null}
      {testState?.kind === 'error' && pointsAtKycHost(testState.problem.code) ? (
        <p className="muted">
          If the address is the problem: the KYC API address may differ for your account. Set it under Edit →
          KYC API address.
        </p>
      ) : null}
      {switchError ? (
        <p className="form-error" role="alert">
          {switchError}
        </p>
      ) : null}
      <TeamJoinSection workspace={workspace} />
      {removing ? <RemoveWorkspaceDialog workspace={workspace} onClose={() => setRemoving(false)} /> : null}
    </section>
  );
}
