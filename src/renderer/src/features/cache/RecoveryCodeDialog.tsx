import { useEffect, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { Modal } from '../../components/Modal';
import { useStore } from '../../store';

interface RecoveryCodeDialogProps {
  /** A code exists already: creating a new one makes it stop working. */
  replacing: boolean;
  onClose(): void;
}

/** Only the code and how to use it go on paper: the print stylesheet hides everything else. */
function PrintView({ code }: { code: string }): React.JSX.Element {
  return createPortal(
    <div className="print-only recovery-print" aria-hidden="true">
      <h1>KYC Desk recovery code</h1>
      <p className="recovery-code">{code}</p>
      <p>
        If this computer&apos;s keychain entry for KYC Desk is lost, start KYC Desk and choose &quot;Enter
        recovery code&quot;, or run <code>kyc-desk cache recover</code>. Keep this page somewhere safe: with
        the data folder, it opens your cases.
      </p>
    </div>,
    document.body,
  );
}

/**
 * Creates a recovery code and shows it once: Copy, Print, and "I have saved it" to close. The code is
 * never stored in the renderer's state beyond this dialog.
 */
export function RecoveryCodeDialog({ replacing, onClose }: RecoveryCodeDialogProps): React.JSX.Element {
  const create = useStore((s) => s.createRecoveryCode);
  const [code, setCode] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [copied, setCopied] = useState<string | null>(null);
  const copyButton = useRef<HTMLButtonElement>(null);

  // The dialog changes content: move focus to the first action on the code.
  useEffect(() => {
    if (code !== null) copyButton.current?.focus();
  }, [code]);

  const onCreate = async (): Promise<void> => {
    setBusy(true);
    const result = await create();
    setBusy(false);
    if (result.ok) {
      setError(null);
      setCode(result.value.code);
    } else setError(result.error.message);
  };

  const onCopy = async (): Promise<void> => {
    if (code === null) return;
    try {
      await navigator.clipboard.writeText(code);
      setCopied('Copied to the clipboard.');
    } catch {
      setCopied('Could not copy. Select the code and press Ctrl+C (⌘C on a Mac).');
    }
  };

  if (code === null)
    return (
      <Modal
        labelledBy="recovery-title"
        describedBy="recovery-text"
        onClose={onClose}
        className="modal-narrow"
      >
        <h2 id="recovery-title" className="modal-title">
          {replacing ? 'Replace the recovery code' : 'Create a recovery code'}
        </h2>
        <p id="recovery-text">
          The recovery code re-opens your cases if this computer&apos;s keychain entry for KYC Desk is lost.
          It is shown once: write it down, print it or keep it in your password manager.
        </p>
        {replacing ? (
          <p className="inline-warning">The recovery code you saved earlier stops working.</p>
        ) : null}
        {error ? (
          <p className="form-error" role="alert">
            {error}
          </p>
        ) : null}
        <div className="modal-actions">
          <button type="button" className="btn" onClick={onClose}>
            Cancel
          </button>
          <button
            type="button"
            className="btn btn-primary"
            disabled={busy}
            onClick={() => void onCreate()}
            data-autofocus
          >
            {busy ? 'Creating…' : replacing ? 'Replace the code' : 'Create the code'}
          </button>
        </div>
      </Modal>
    );

  return (
    // Esc does not close: the code would vanish before the officer said it is saved.
    <Modal labelledBy="recovery-title" describedBy="recovery-text" onClose={() => undefined}>
      <h2 id="recovery-title" className="modal-title">
        Your recovery code
      </h2>
      <p id="recovery-text">
        Save it now: KYC Desk does not show it again and keeps it nowhere in readable form.
      </p>
      <p className="recovery-code selectable" aria-label="Recovery code" data-testid="recovery-code">
        {code}
      </p>
      <div className="button-row">
        <button ref={copyButton} type="button" className="btn" onClick={() => void onCopy()}>
          Copy
        </button>
        <button type="button" className="btn" onClick={() => window.print()}>
          Print
        </button>
        <span role="status" className="muted">
          {copied ?? ''}
        </span>
      </div>
      <div className="modal-actions">
        <button type="button" className="btn btn-primary" onClick={onClose}>
          I have saved it
        </button>
      </div>
      <PrintView code={code} />
    </Modal>
  );
}
