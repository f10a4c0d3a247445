import { useState } from 'react';
import type { WorkspaceView } from '../../../../shared/domain/views';
import { Field } from '../../components/Field';
import { Icon } from '../../components/Icon';
import { useStore } from '../../store';

/**
 * A workspace's link to a team database: where it is joined (the URL never holds a password), or a
 * form to join with the officer's own PostgreSQL role. An empty password lets main use PGPASSWORD,
 * ~/.pgpass or a client certificate, as PostgreSQL's own tools do; a typed one goes to the keychain.
 */
export function TeamJoinSection({ workspace }: { workspace: WorkspaceView }): React.JSX.Element {
  const join = useStore((s) => s.teamJoin);
  const [open, setOpen] = useState(false);
  const [url, setUrl] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ message: string; url: string | null } | null>(null);
  const [joinedNow, setJoinedNow] = useState(false);
  const base = `ws-${workspace.id}-team`;
  const titleId = `${base}-title`;
  const joinedUrl = workspace.teamUrl ?? null;

  const submit = async (event: React.FormEvent): Promise<void> => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    const result = await join(workspace.id, url.trim(), password === '' ? null : password);
    setBusy(false);
    if (result.ok) {
      setPassword('');
      setOpen(false);
      setJoinedNow(true);
    } else {
      setError({ message: result.error.message, url: result.error.fields['url']?.[0] ?? null });
    }
  };

  return (
    <section className="team-join" aria-labelledby={titleId}>
      <h3 id={titleId} className="team-join-title">
        Team database
      </h3>
      {joinedUrl ? (
        <p className="team-joined">
          <Icon name="check" /> Joined as <code>{joinedUrl}</code>
        </p>
      ) : (
        <p className="muted">Not joined: this desk keeps its cases to itself.</p>
      )}
      <div role="status">{joinedNow ? <p className="inline-ok">Joined the team database.</p> : null}</div>
      {open ? (
        <form className="team-join-form" onSubmit={(e) => void submit(e)} noValidate>
          <Field
            id={`${base}-url`}
            label="Team database URL"
            required
            hint="postgres://ROLE@HOST:PORT/DB — your own role; add ?sslmode=verify-full for TLS."
            error={error?.url}
          >
            {(control) => (
              <input
                {...control}
                className="input"
                type="text"
                autoComplete="off"
                spellCheck={false}
                value={url}
                onChange={(e) => setUrl(e.target.value)}
              />
            )}
          </Field>
          <Field
            id={`${base}-password`}
            label="Password"
            hint="Leave empty to use PGPASSWORD, ~/.pgpass or a client certificate. Kept in the system keychain."
          >
            {(control) => (
              <input
                {...control}
                className="input"
                type="password"
                autoComplete="off"
                value={password}
                onChange={(e) => setPassword(e.target.value)}
              />
            )}
          </Field>
          {error && !error.url ? (
            <p className="form-error" role="alert">
              {error.message}
            </p>
          ) : null}
          <div className="button-row">
            <button type="submit" className="btn btn-primary" disabled={busy}>
              {busy ? 'Joining…' : 'Join team database'}
            </button>
            <button type="button" className="btn" onClick={() => setOpen(false)} disabled={busy}>
              Cancel
            </button>
          </div>
        </form>
      ) : (
        <button type="button" className="btn" onClick={() => setOpen(true)}>
          {joinedUrl ? 'Join again with another role…' : 'Join a team database…'}
        </button>
      )}
    </section>
  );
}
