import type { WorkspaceView } from '../../../../shared/domain/views';
import { useStore } from '../../store';
import { EditSecretField } from './EditSecretField';
import { HostFields } from './HostFields';
import { pointsAtKycHost } from './host-edits';
import { ProblemMessage } from './ProblemMessage';
import { SetupPicker } from './SetupPicker';
import { useWorkspaceForm, type WorkspaceForm as Form } from './use-workspace-form';
import {
  ConnectionTest,
  CredentialFields,
  CustomerUrlField,
  NameFields,
  SetupChoice,
} from './WorkspaceFields';

interface WorkspaceFormProps {
  /** The workspace to edit; without it the form connects a new one. */
  workspace?: WorkspaceView;
  /** Cancel (both modes) and, when editing, a successful save. */
  onCancel?: () => void;
}

/**
 * One form for a workspace. Adding connects an Ondato production or sandbox client: test the
 * credentials, pick a setup, name it, save. Editing changes the name, officer, addresses, setup and
 * secret; the client ID and environment stay.
 */
export function WorkspaceForm({ workspace, onCancel }: WorkspaceFormProps): React.JSX.Element {
  const form = useWorkspaceForm(workspace, () => onCancel?.());
  return workspace ? (
    <EditLayout form={form} workspace={workspace} onCancel={onCancel} />
  ) : (
    <AddLayout form={form} onCancel={onCancel} />
  );
}

function Hosts({ form, idPrefix, trouble }: { form: Form; idPrefix: string; trouble: string | null }) {
  return (
    <HostFields
      idPrefix={idPrefix}
      values={form.values.hosts}
      onChange={form.changeHost}
      error={form.error}
      kycTrouble={pointsAtKycHost(form.problem?.code ?? trouble)}
    />
  );
}

function Actions({
  form,
  label,
  needsTest = false,
  onCancel,
}: {
  form: Form;
  label: string;
  /** Adding: nothing can be saved before a connection test found the setups. */
  needsTest?: boolean;
  onCancel?: (() => void) | undefined;
}) {
  return (
    <div className="button-row">
      {onCancel ? (
        <button type="button" className="btn" onClick={onCancel}>
          Cancel
        </button>
      ) : null}
      <button
        type="submit"
        className="btn btn-primary"
        disabled={form.busy !== null || (needsTest && !form.setups)}
      >
        {form.busy === 'save' ? 'Saving…' : label}
      </button>
    </div>
  );
}

function AddLayout({ form, onCancel }: { form: Form; onCancel?: (() => void) | undefined }) {
  return (
    <form className="form" noValidate onSubmit={(event) => void form.save(event)}>
      <CredentialFields form={form} idPrefix="ws" />
      <Hosts form={form} idPrefix="ws" trouble={null} />
      <ConnectionTest form={form} />
      {form.problem ? <ProblemMessage problem={form.problem} /> : null}
      {form.setups ? (
        <>
          <SetupPicker
            name="ws-setup"
            setups={form.setups}
            value={form.values.setupId}
            error={form.error('setupId')}
            onChange={(id) => form.change('setupId', id)}
          />
          <NameFields form={form} idPrefix="ws" />
          <CustomerUrlField form={form} idPrefix="ws" />
        </>
      ) : null}
      <div className="form-footer">
        {form.setups ? null : (
          <p className="form-blocked">Test the connection first; then choose a setup and save.</p>
        )}
        <Actions form={form} label="Save workspace" needsTest onCancel={onCancel} />
      </div>
    </form>
  );
}

function EditLayout({
  form,
  workspace,
  onCancel,
}: {
  form: Form;
  workspace: WorkspaceView;
  onCancel?: (() => void) | undefined;
}) {
  const id = workspace.id;
  // A KYC host problem the sync engine met is worth the same hint as one a test met.
  const syncCode = useStore((s) => (s.activeWorkspaceId === id ? (s.sync?.lastError?.code ?? null) : null));
  return (
    <form
      className="form"
      noValidate
      onSubmit={(event) => void form.save(event)}
      aria-label={`Edit ${workspace.name}`}
    >
      <NameFields form={form} idPrefix={id} />
      {workspace.environment === 'demo' ? null : (
        <>
          <dl className="facts">
            <dt>Client ID</dt>
            <dd>{workspace.clientId}</dd>
          </dl>
          <EditSecretField
            id={`${id}-secret`}
            value={form.values.clientSecret}
            onChange={(value) => form.change('clientSecret', value)}
            error={form.error('clientSecret')}
            hasSecret={workspace.hasSecret}
            required={form.moved}
          />
          <CustomerUrlField form={form} idPrefix={id} />
          <Hosts form={form} idPrefix={id} trouble={syncCode} />
          <SetupChoice form={form} workspace={workspace} />
        </>
      )}
      {form.problem ? <ProblemMessage problem={form.problem} /> : null}
      <Actions form={form} label="Save changes" onCancel={onCancel} />
    </form>
  );
}
