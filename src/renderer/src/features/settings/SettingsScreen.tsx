import { useEffect, useState } from 'react';
import type { ThemePreference } from '../../../../shared/domain/views';
import { formatBytes, formatCount } from '../../components/format';
import { Icon } from '../../components/Icon';
import { SkeletonLines } from '../../components/states';
import { useStore } from '../../store';
import type { ActionResult } from '../../store/action-result';
import { selectActiveWorkspace } from '../../store/workspace-slice';
import { AutoLockSection } from './AutoLockSection';
import { CounterSettingsSection } from '../counter/CounterSettingsSection';
import { CacheSection } from './CacheSection';
import { RetentionSection } from './RetentionSection';
import { AboutSection, AuditSection } from './SystemSections';
import { Toggle } from './Toggle';

const THEMES: { value: ThemePreference; label: string }[] = [
  { value: 'system', label: 'Same as the system' },
  { value: 'light', label: 'Light' },
  { value: 'dark', label: 'Dark' },
];

export function SettingsScreen(): React.JSX.Element {
  const settings = useStore((s) => s.settings);
  const updateSettings = useStore((s) => s.updateSettings);
  const setPolling = useStore((s) => s.setPolling);
  const openHelp = useStore((s) => s.setShortcutsHelp);
  const storage = useStore((s) => s.storage);
  const loadAbout = useStore((s) => s.loadAbout);
  const syncNow = useStore((s) => s.syncNow);
  const active = useStore(selectActiveWorkspace);
  const [error, setError] = useState<string | null>(null);
  const [checking, setChecking] = useState<'busy' | 'done' | null>(null);

  useEffect(() => {
    void loadAbout();
  }, [loadAbout]);

  const apply = async (run: Promise<ActionResult<unknown>>): Promise<void> => {
    const result = await run;
    setError(result.ok ? null : `The setting was not saved. ${result.error.message}`);
  };

  return (
    <div className="page page-narrow">
      <h1 className="page-title" tabIndex={-1}>
        Settings
      </h1>
      {error ? (
        <p className="form-error" role="alert">
          {error}
        </p>
      ) : null}

      <section className="card" aria-labelledby="set-sync">
        <h2 id="set-sync" className="section-title">
          Sync with Ondato
        </h2>
        <Toggle
          id="set-polling"
          label="Check cases for updates"
          description="KYC Desk asks Ondato about open cases in the background. Turn off to work only from the cache."
          checked={settings.polling}
          onChange={(on) => void apply(setPolling(on))}
        />
        <div className="button-row">
          <button
            type="button"
            className="btn"
            disabled={checking === 'busy'}
            onClick={() => {
              setChecking('busy');
              void syncNow().then((result) => {
                setChecking(result.ok ? 'done' : null);
                setError(result.ok ? null : `Could not check now. ${result.error.message}`);
              });
            }}
          >
            <Icon name="sync" />
            {checking === 'busy' ? 'Checking…' : 'Check all open cases now'}
          </button>
          <span role="status" className="muted">
            {checking === 'done' ? 'Asked Ondato; the top bar shows the progress.' : ''}
          </span>
        </div>
        <Toggle
          id="set-notifications"
          label="Notifications"
          description="A system notification when a customer finishes or Ondato decides a case."
          checked={settings.notifications}
          onChange={(on) => void apply(updateSettings({ notifications: on }))}
        />
      </section>

      <section className="card" aria-labelledby="set-look">
        <h2 id="set-look" className="section-title">
          Appearance
        </h2>
        <fieldset className="fieldset">
          <legend>Theme</legend>
          <div className="choice-row">
            {THEMES.map((theme) => (
              <label key={theme.value} className="choice">
                <input
                  type="radio"
                  name="theme"
                  value={theme.value}
                  checked={settings.theme === theme.value}
                  onChange={() => void apply(updateSettings({ theme: theme.value }))}
                />
                <span>{theme.label}</span>
              </label>
            ))}
          </div>
        </fieldset>
      </section>

      <section className="card" aria-labelledby="set-keys">
        <h2 id="set-keys" className="section-title">
          Keyboard
        </h2>
        <Toggle
          id="set-shortcuts"
          label="Single-key shortcuts"
          description="For example / to search and n for a new case. They never fire while you type in a field."
          checked={settings.shortcuts}
          onChange={(on) => void apply(updateSettings({ shortcuts: on }))}
        />
        <button type="button" className="btn" onClick={() => openHelp(true)}>
          <Icon name="keyboard" />
          Show shortcuts
        </button>
      </section>

      <AutoLockSection />
      <CounterSettingsSection />
      {active ? <RetentionSection key={active.id} workspaceName={active.name} /> : null}

      <section className="card" aria-labelledby="set-storage">
        <h2 id="set-storage" className="section-title">
          Data on this computer
        </h2>
        {storage.status === 'ready' ? (
          <dl className="facts">
            <dt>Data folder</dt>
            <dd className="selectable">{storage.value.dataDir}</dd>
            <dt>Cache size</dt>
            <dd>{formatBytes(storage.value.cacheBytes)}</dd>
            <dt>Cached</dt>
            <dd>
              {formatCount(storage.value.cases, 'case', 'cases')},{' '}
              {formatCount(storage.value.images, 'image', 'images')}
            </dd>
          </dl>
        ) : storage.status === 'error' ? (
          <p className="inline-error" role="alert">
            Could not read the storage details. {storage.message}{' '}
            <button type="button" className="btn btn-small" onClick={() => void loadAbout()}>
              Retry
            </button>
          </p>
        ) : (
          <SkeletonLines lines={3} label="Loading storage details" />
        )}
        <p className="field-hint">Everything cached is encrypted; the key is kept in the system keychain.</p>
      </section>

      <CacheSection />

      <AuditSection />
      <AboutSection />
    </div>
  );
}
