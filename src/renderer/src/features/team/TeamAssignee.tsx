import { useState } from 'react';
import { useStore } from '../../store';

/** Who works the case: claim it, hand it to a colleague (their database role), or release it. */
export function TeamAssignee({
  caseId,
  assignee,
  me,
}: {
  caseId: string;
  assignee: string | null;
  me: string | null;
}): React.JSX.Element {
  const assign = useStore((s) => s.teamAssign);
  const release = useStore((s) => s.teamRelease);
  const [handing, setHanding] = useState(false);
  const [role, setRole] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const roleId = `team-assign-role-${caseId}`;

  const act = async (run: () => ReturnType<typeof release>): Promise<void> => {
    setBusy(true);
    setError(null);
    const result = await run();
    setBusy(false);
    if (result.ok) {
      setHanding(false);
      setRole('');
    } else setError(result.error.message);
  };

  return (
    <div className="team-assignee">
      <p>
        Assignee:{' '}
        <strong>{assignee === null ? 'Nobody' : assignee === me ? `${assignee} (you)` : assignee}</strong>
      </p>
      <div className="button-row">
        {assignee !== me || assignee === null ? (
          <button
            type="button"
            className="btn btn-small"
            disabled={busy}
            onClick={() => void act(() => assign(caseId, null))}
          >
            Claim
          </button>
        ) : null}
        <button
          type="button"
          className="btn btn-small"
          disabled={busy}
          onClick={() => setHanding((h) => !h)}
          aria-expanded={handing}
        >
          Assign to…
        </button>
        {assignee !== null ? (
          <button
            type="button"
            className="btn btn-small"
            disabled={busy}
            onClick={() => void act(() => release(caseId))}
          >
            Release
          </button>
        ) : null}
      </div>
      {handing ? (
        <form
          className="team-assign-form"
          onSubmit={(e) => {
            e.preventDefault();
            void act(() => assign(caseId, role.trim()));
          }}
        >
          <label htmlFor={roleId} className="field-label">
            Officer’s database role
          </label>
          <input
            id={roleId}
            className="input"
            type="text"
            autoComplete="off"
            spellCheck={false}
            value={role}
            onChange={(e) => setRole(e.target.value)}
          />
          <button type="submit" className="btn btn-small" disabled={busy || role.trim() === ''}>
            Assign
          </button>
        </form>
      ) : null}
      {error ? (
        <p className="form-error" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}
