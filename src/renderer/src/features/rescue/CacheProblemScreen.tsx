import { useState } from 'react';
import type { CacheRescueProblem, RescueOutcome } from '../../../../shared/domain/views';
import { formatUtc } from '../../components/format';
import { useStore } from '../../store';
import type { ActionResult } from '../../store/action-result';
import { isCodeError, RecoverForm } from './RecoverForm';

const WHAT_HAPPENED: Record<CacheRescueProblem['code'], string> = {
  cache_key_missing:
    'The key that unlocks your cases is missing from this computer’s keychain, so KYC Desk cannot read them.',
  cache_missing:
    'The case cache file is missing or empty, although KYC Desk kept your cases here; nothing new was created over it.',
  cache_damaged: 'The case cache is damaged, so this version of KYC Desk cannot upgrade and open it.',
};

const when = (ms: number): string => formatUtc(new Date(ms).toISOString());

interface CacheProblemScreenProps {
  /** After a successful step main restarts the app; the page reloads to meet it (the harness; Electron relaunches). */
  onRestart?: () => void;
}

/** Shown instead of the app when the cache cannot be opened at start-up: what happened and the ways out. */
export function CacheProblemScreen({
  onRestart = () => window.location.reload(),
}: CacheProblemScreenProps): React.JSX.Element | null {
  const problem = useStore((s) => s.rescue);
  const recover = useStore((s) => s.rescueRecover);
  const restoreLatest = useStore((s) => s.rescueRestoreLatest);
  const discard = useStore((s) => s.rescueDiscard);
  const restart = useStore((s) => s.rescueRestart);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [restarting, setRestarting] = useState(false);
  if (!problem) return null;

  const run = async (
    step: () => Promise<ActionResult<RescueOutcome>>,
  ): Promise<ActionResult<RescueOutcome>> => {
    setBusy(true);
    setError(null);
    const result = await step();
    setBusy(false);
    if (result.ok) {
      setRestarting(true);
      onRestart();
    } else if (!isCodeError(result.error.code)) setError(result.error.message);
    return result;
  };

  const latest = problem.backups[0];
  return (
    <main className="boot rescue" id="main">
      <h1 className="brand-large" tabIndex={-1}>
        KYC Desk cannot open your cases
      </h1>
      <p className="rescue-what">{WHAT_HAPPENED[problem.code]}</p>
      <p role="status" className="muted">
        {restarting ? 'Done. KYC Desk is restarting…' : ''}
      </p>
      {error ? (
        <p className="form-error" role="alert">
          {error}
        </p>
      ) : null}
      <div className="rescue-ways">
        {problem.keyInKeychain ? null : (
          <section className="card" aria-labelledby="rescue-code">
            <h2 id="rescue-code" className="section-title">
              Enter recovery code
            </h2>
            {problem.recoverySet ? (
              <RecoverForm busy={busy || restarting} onRecover={(code) => run(() => recover(code))} />
            ) : (
              <p className="muted">No recovery code was ever made for this cache.</p>
            )}
          </section>
        )}
        {latest ? (
          <section className="card" aria-labelledby="rescue-backup">
            <h2 id="rescue-backup" className="section-title">
              Restore the latest backup ({when(latest.at)})
            </h2>
            <p className="muted">
              Your cases come back as they were then; changes made after it are lost. The current file is kept
              aside in the backups folder.
            </p>
            {problem.keyInKeychain ? null : (
              <p className="field-hint">
                Enter the recovery code first: the backups open only with the cache key.
              </p>
            )}
            <button
              type="button"
              className="btn"
              disabled={busy || restarting || !problem.keyInKeychain}
              onClick={() => void run(restoreLatest)}
            >
              Restore the backup
            </button>
          </section>
        ) : null}
        {problem.code === 'cache_key_missing' ? (
          <section className="card" aria-labelledby="rescue-keychain">
            <h2 id="rescue-keychain" className="section-title">
              Restore the keychain entry and restart
            </h2>
            <p className="muted">
              If your system keychain has a backup (or you moved to a new computer), put back the entry
              &quot;kyc-desk&quot; / &quot;cache:db-key&quot;, then restart KYC Desk.
            </p>
            <button
              type="button"
              className="btn"
              disabled={busy || restarting}
              onClick={() => void run(restart)}
            >
              Restart KYC Desk
            </button>
          </section>
        ) : null}
        <section className="card" aria-labelledby="rescue-discard">
          <h2 id="rescue-discard" className="section-title">
            Discard the cache and start empty
          </h2>
          <p className="muted">
            Deletes the cases, decisions and audit trail kept on this computer, with their backups and
            recovery code. Ondato keeps its own records; you add your workspaces again. KYC Desk asks you to
            confirm.
          </p>
          <button
            type="button"
            className="btn btn-danger"
            disabled={busy || restarting}
            onClick={() => void run(discard)}
          >
            Discard the cache…
          </button>
        </section>
      </div>
    </main>
  );
}
