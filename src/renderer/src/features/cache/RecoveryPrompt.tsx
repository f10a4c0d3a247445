import { useEffect, useState } from 'react';
import { useStore } from '../../store';
import { RecoveryCodeDialog } from './RecoveryCodeDialog';

/**
 * The first-start prompt on the cases screen: shown while no recovery code was ever made for this cache
 * and the officer has not dismissed it (remembered in the settings).
 */
export function RecoveryPrompt(): React.JSX.Element | null {
  const dismissed = useStore((s) => s.settings.recoveryPromptDismissed);
  const status = useStore((s) => s.cacheStatus);
  const load = useStore((s) => s.loadCacheStatus);
  const updateSettings = useStore((s) => s.updateSettings);
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!dismissed) void load();
  }, [dismissed, load]);

  const onDismiss = async (): Promise<void> => {
    const result = await updateSettings({ recoveryPromptDismissed: true });
    if (!result.ok) {
      setError(`Could not hide this. ${result.error.message}`);
      return;
    }
    // The banner (and the focused button) is gone: the page heading takes focus.
    document.querySelector<HTMLElement>('#main h1')?.focus();
  };

  const show = !dismissed && status.status === 'ready' && !status.value.recovery.set;
  return (
    <>
      {show ? (
        <section className="banner banner-info" aria-label="Recovery code">
          <span>
            Save a recovery code: it re-opens your cases if this computer&apos;s keychain entry is lost.
            {error ? (
              <span className="inline-error" role="alert">
                {' '}
                {error}
              </span>
            ) : null}
          </span>
          <button type="button" className="btn btn-small btn-primary" onClick={() => setOpen(true)}>
            Save a recovery code
          </button>
          <button type="button" className="btn btn-small btn-ghost" onClick={() => void onDismiss()}>
            Not now
          </button>
        </section>
      ) : null}
      {/* Outside the banner: creating the code hides the banner, but the code must stay on screen. */}
      {open ? <RecoveryCodeDialog replacing={false} onClose={() => setOpen(false)} /> : null}
    </>
  );
}
