import { useState } from 'react';
import { useStore } from '../../store';

/** Approve (optional note) or send back (a note is required) a decision another officer proposed. */
export function TeamReviewForm({
  caseId,
  proposer,
}: {
  caseId: string;
  proposer: string;
}): React.JSX.Element {
  const approve = useStore((s) => s.teamApprove);
  const sendBack = useStore((s) => s.teamSendBack);
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const noteId = `team-review-note-${caseId}`;
  const errorId = `${noteId}-error`;

  const run = async (verdict: 'approve' | 'send-back'): Promise<void> => {
    if (verdict === 'send-back' && note.trim() === '') {
      setError('Say what should change before sending the decision back.');
      return;
    }
    setBusy(true);
    setError(null);
    const result = verdict === 'approve' ? await approve(caseId, note) : await sendBack(caseId, note);
    setBusy(false);
    if (result.ok) setNote('');
    else setError(result.error.message);
  };

  return (
    <div className="team-review">
      <p>Proposed by {proposer}. You can approve it or send it back.</p>
      <label htmlFor={noteId} className="field-label">
        Note <span className="field-optional">(required to send back)</span>
      </label>
      <textarea
        id={noteId}
        className="input"
        rows={2}
        value={note}
        aria-invalid={error !== null}
        aria-describedby={error ? errorId : undefined}
        onChange={(e) => setNote(e.target.value)}
      />
      {error ? (
        <p id={errorId} className="form-error" role="alert">
          {error}
        </p>
      ) : null}
      <div className="button-row">
        <button type="button" className="btn btn-primary" disabled={busy} onClick={() => void run('approve')}>
          Approve
        </button>
        <button type="button" className="btn" disabled={busy} onClick={() => void run('send-back')}>
          Send back
        </button>
      </div>
    </div>
  );
}
