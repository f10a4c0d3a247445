import { useState } from 'react';
import { Modal } from '../../components/Modal';
import { useStore } from '../../store';

/** "Redact at Ondato": a guarded action, behind a dialog that says it cannot be undone. */
export function RedactPanel({
  caseId,
  externalRef,
}: {
  caseId: string;
  externalRef: string | null;
}): React.JSX.Element {
  const redact = useStore((s) => s.redactCase);
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const confirm = async (): Promise<void> => {
    setBusy(true);
    setError(null);
    const result = await redact(caseId);
    setBusy(false);
    if (result.ok) setOpen(false);
    else setError(result.error.message);
  };

  return (
    <section className="rv-card" aria-labelledby="rv-redact-title">
      <h2 id="rv-redact-title">Personal data</h2>
      <p className="muted">
        When the customer asks for erasure, Ondato can delete this verification&apos;s personal and biometric
        data.
      </p>
      <button type="button" className="btn btn-danger" onClick={() => setOpen(true)}>
        Redact at Ondato…
      </button>
      {open ? (
        <Modal
          role="alertdialog"
          labelledBy="redact-title"
          describedBy="redact-text"
          onClose={() => setOpen(false)}
          className="modal-narrow"
        >
          <h2 id="redact-title" className="modal-title">
            Redact case {externalRef ?? caseId}?
          </h2>
          <div id="redact-text">
            <p>
              Ondato is asked to delete the customer&apos;s personal data (names, personal code, date of
              birth, document data) and biometric data (document photos, selfie). KYC Desk then removes its
              own copy.
            </p>
            <p>
              This cannot be undone. Kept: the ids, statuses, your decision, the dates and a hash of each
              image. AML record-keeping rules may require you to keep the data: check before you redact.
            </p>
          </div>
          {error ? (
            <p className="form-error" role="alert">
              {error}
            </p>
          ) : null}
          <div className="modal-actions">
            <button type="button" className="btn" onClick={() => setOpen(false)} data-autofocus>
              Keep the data
            </button>
            <button type="button" className="btn btn-danger" disabled={busy} onClick={() => void confirm()}>
              {busy ? 'Redacting…' : 'Redact at Ondato'}
            </button>
          </div>
        </Modal>
      ) : null}
    </section>
  );
}
