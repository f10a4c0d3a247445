import { useState } from 'react';
import type { WorkspaceView } from '../../../../shared/domain/views';
import { Modal } from '../../components/Modal';
import { useStore } from '../../store';

export function RemoveWorkspaceDialog({
  workspace,
  onClose,
}: {
  workspace: WorkspaceView;
  onClose(): void;
}): React.JSX.Element {
  const remove = useStore((s) => s.removeWorkspace);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const confirm = async (): Promise<void> => {
    setBusy(true);
    setError(null);
    const result = await remove(workspace.id);
    setBusy(false);
    if (result.ok) onClose();
    else setError(result.error.message);
  };

  return (
    <Modal
      role="alertdialog"
      labelledBy="remove-ws-title"
      describedBy="remove-ws-text"
      onClose={onClose}
      className="modal-narrow"
    >
      <h2 id="remove-ws-title" className="modal-title">
        Remove “{workspace.name}”?
      </h2>
      <div id="remove-ws-text">
        <p>This deletes from this computer:</p>
        <ul>
          <li>the cached cases, document images and decisions of this workspace,</li>
          <li>its client secret in the system keychain.</li>
        </ul>
        <p>Cases at Ondato are not touched. To use the workspace again you need its client ID and secret.</p>
        <p>KYC Desk asks once more in its own confirmation window before anything is deleted.</p>
      </div>
      {error ? (
        <p className="form-error" role="alert">
          {error}
        </p>
      ) : null}
      <div className="modal-actions">
        <button type="button" className="btn" onClick={onClose} data-autofocus>
          Keep workspace
        </button>
        <button type="button" className="btn btn-danger" disabled={busy} onClick={() => void confirm()}>
          {busy ? 'Removing…' : 'Remove workspace'}
        </button>
      </div>
    </Modal>
  );
}
