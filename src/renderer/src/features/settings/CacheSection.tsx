import { useEffect, useState } from 'react';
import type { CacheStatus } from '../../../../shared/domain/views';
import { MAX_KEEP_BACKUPS, MIN_KEEP_BACKUPS } from '../../../../shared/domain/settings';
import { formatCount, formatUtc } from '../../components/format';
import { SkeletonLines } from '../../components/states';
import { useStore } from '../../store';
import { RecoveryCodeDialog } from '../cache/RecoveryCodeDialog';

const when = (ms: number): string => formatUtc(new Date(ms).toISOString());

function StatusFacts({ status }: { status: CacheStatus }): React.JSX.Element {
  return (
    <>
      {status.damaged || status.problem ? (
        <p className="form-blocked" role="alert">
          {status.damaged
            ? 'The cache is damaged: KYC Desk no longer writes to it. Restore the latest backup (kyc-desk cache restore) to go on working.'
            : `The last write to the cache failed. ${status.problem?.message ?? ''}`}
        </p>
      ) : null}
      <dl className="facts">
        <dt>Backups</dt>
        <dd>
          {status.backups === 0
            ? 'None yet'
            : `${formatCount(status.backups, 'backup', 'backups')} kept, the latest from ${
                status.latestBackupAt === null ? '—' : when(status.latestBackupAt)
              }`}
        </dd>
        <dt>Recovery code</dt>
        <dd>
          {status.recovery.set
            ? `Created ${status.recovery.createdAt === null ? '' : when(status.recovery.createdAt)}`.trim()
            : 'None: if the keychain entry is lost, the cache cannot be opened'}
        </dd>
      </dl>
    </>
  );
}

function KeepField(): React.JSX.Element {
  const keep = useStore((s) => s.settings.backupKeep);
  const updateSettings = useStore((s) => s.updateSettings);
  const [text, setText] = useState(String(keep));
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  // Main's value changed (saved here or elsewhere): show it, the React way of deriving from a prop.
  const [shown, setShown] = useState(keep);
  if (shown !== keep) {
    setShown(keep);
    setText(String(keep));
  }

  const onSave = async (): Promise<void> => {
    setSaved(false);
    const value = /^\d{1,2}$/.test(text.trim()) ? Number(text.trim()) : Number.NaN;
    if (!(value >= MIN_KEEP_BACKUPS && value <= MAX_KEEP_BACKUPS)) {
      setError(`Enter a number from ${MIN_KEEP_BACKUPS} to ${MAX_KEEP_BACKUPS}.`);
      return;
    }
    const result = await updateSettings({ backupKeep: value });
    setError(result.ok ? null : `Not saved. ${result.error.message}`);
    setSaved(result.ok);
  };

  return (
    <div className="field" data-invalid={error ? 'true' : undefined}>
      <label htmlFor="backup-keep" className="field-label">
        Backups to keep
      </label>
      <div className="button-row">
        <input
          id="backup-keep"
          className="input input-short"
          inputMode="numeric"
          value={text}
          aria-invalid={Boolean(error)}
          aria-describedby={error ? 'backup-keep-error' : 'backup-keep-hint'}
          onChange={(event) => setText(event.target.value)}
        />
        <button type="button" className="btn" onClick={() => void onSave()}>
          Save
        </button>
        <span role="status" className="muted">
          {saved ? 'Saved.' : ''}
        </span>
      </div>
      {error ? (
        <p id="backup-keep-error" className="field-error" role="alert">
          {error}
        </p>
      ) : (
        <p id="backup-keep-hint" className="field-hint">
          One encrypted backup is taken a day while KYC Desk runs; older ones are deleted.
        </p>
      )}
    </div>
  );
}

/** Settings → Cache and recovery: backups, the recovery code, and any damage, in plain words. */
export function CacheSection(): React.JSX.Element {
  const status = useStore((s) => s.cacheStatus);
  const load = useStore((s) => s.loadCacheStatus);
  const backupNow = useStore((s) => s.backupNow);
  const [dialog, setDialog] = useState(false);
  const [backup, setBackup] = useState<{ busy: boolean; message: string | null; failed: boolean }>({
    busy: false,
    message: null,
    failed: false,
  });

  useEffect(() => {
    void load();
  }, [load]);

  const onBackup = async (): Promise<void> => {
    setBackup({ busy: true, message: null, failed: false });
    const result = await backupNow();
    setBackup(
      result.ok
        ? { busy: false, message: 'Backup taken.', failed: false }
        : { busy: false, message: `The backup failed. ${result.error.message}`, failed: true },
    );
  };

  const recoverySet = status.status === 'ready' && status.value.recovery.set;
  return (
    <section className="card" aria-labelledby="set-cache">
      <h2 id="set-cache" className="section-title">
        Cache and recovery
      </h2>
      <p className="muted">
        The case cache is encrypted with a key kept in this computer&apos;s keychain. A recovery code opens it
        again if that keychain entry is lost; backups bring back your cases if the file is damaged.
      </p>
      {status.status === 'ready' ? (
        <StatusFacts status={status.value} />
      ) : status.status === 'error' ? (
        <p className="inline-error" role="alert">
          Could not read the cache status. {status.message}{' '}
          <button type="button" className="btn btn-small" onClick={() => void load()}>
            Retry
          </button>
        </p>
      ) : (
        <SkeletonLines lines={2} label="Loading the cache status" />
      )}
      <div className="button-row">
        <button
          type="button"
          className="btn"
          disabled={status.status !== 'ready'}
          onClick={() => setDialog(true)}
        >
          {recoverySet ? 'Create a new recovery code' : 'Create recovery code'}
        </button>
        <button type="button" className="btn" disabled={backup.busy} onClick={() => void onBackup()}>
          {backup.busy ? 'Backing up…' : 'Back up now'}
        </button>
        <span role={backup.failed ? 'alert' : 'status'} className={backup.failed ? 'inline-error' : 'muted'}>
          {backup.message ?? ''}
        </span>
      </div>
      <KeepField />
      {dialog ? <RecoveryCodeDialog replacing={recoverySet} onClose={() => setDialog(false)} /> : null}
    </section>
  );
}
