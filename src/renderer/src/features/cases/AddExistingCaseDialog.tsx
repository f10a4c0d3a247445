import { useState } from 'react';
import type { ImportLine } from '../../../../shared/domain/views';
import { Modal } from '../../components/Modal';
import { useStore } from '../../store';

const OUTCOME_LABEL: Record<ImportLine['outcome'], string> = {
  imported: 'Added',
  exists: 'Already here',
  not_found: 'Not found at Ondato',
  other_setup: 'Other setup',
  failed: 'Not added',
};

/** Ids separated by spaces, commas, semicolons or new lines, each kept once. */
export function parseIds(text: string): string[] {
  return [...new Set(text.split(/[\s,;]+/).filter((id) => id !== ''))];
}

/** "Add existing case": track verifications created in Ondato's portal or another system. */
export function AddExistingCaseDialog({ onClose }: { onClose(): void }): React.JSX.Element {
  const importCases = useStore((s) => s.importCases);
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [lines, setLines] = useState<ImportLine[] | null>(null);

  const submit = async (): Promise<void> => {
    const ids = parseIds(text);
    if (ids.length === 0) {
      setError('Enter one or more verification (IDV) ids.');
      return;
    }
    if (ids.length > 100) {
      setError('Add at most 100 ids at a time.');
      return;
    }
    setBusy(true);
    setError(null);
    const result = await importCases(ids);
    setBusy(false);
    if (result.ok) setLines(result.value.lines);
    else setError(result.error.message);
  };

  return (
    <Modal
      labelledBy="add-existing-title"
      describedBy="add-existing-text"
      onClose={onClose}
      className="modal-narrow"
    >
      <h2 id="add-existing-title" className="modal-title">
        Add existing case
      </h2>
      <p id="add-existing-text">
        Paste the ids of verifications created outside KYC Desk (in Ondato&apos;s portal or another system).
        KYC Desk fetches each one from Ondato and keeps it up to date like the cases you create here.
      </p>
      <div className="field" data-invalid={error ? 'true' : undefined}>
        <label htmlFor="add-existing-ids" className="field-label">
          Verification ids
        </label>
        <textarea
          id="add-existing-ids"
          className="input"
          rows={4}
          value={text}
          aria-invalid={Boolean(error)}
          aria-describedby={error ? 'add-existing-error' : 'add-existing-hint'}
          onChange={(event) => setText(event.target.value)}
          data-autofocus
        />
        {error ? (
          <p id="add-existing-error" className="field-error" role="alert">
            {error}
          </p>
        ) : (
          <p id="add-existing-hint" className="field-hint">
            One per line, or separated by commas.
          </p>
        )}
      </div>
      <div role="status">
        {lines ? (
          <ul className="import-results" aria-label="Results">
            {lines.map((line) => (
              <li key={line.idvId} data-outcome={line.outcome}>
                <code>{line.idvId}</code> — {OUTCOME_LABEL[line.outcome]}
                {line.message ? `: ${line.message}` : ''}
              </li>
            ))}
          </ul>
        ) : null}
      </div>
      <div className="modal-actions">
        <button type="button" className="btn" onClick={onClose}>
          {lines ? 'Done' : 'Cancel'}
        </button>
        <button type="button" className="btn btn-primary" disabled={busy} onClick={() => void submit()}>
          {busy ? 'Adding…' : 'Add'}
        </button>
      </div>
    </Modal>
  );
}
