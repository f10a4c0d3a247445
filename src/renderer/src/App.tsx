import { useEffect, useState } from 'react';
import type { AppInfo } from '../../shared/ipc/contract';

export function App(): React.JSX.Element {
  const [info, setInfo] = useState<AppInfo | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    void window.kycDesk.invoke('app:info', undefined).then((result) => {
      if (result.ok) setInfo(result.value);
      else setError(result.error.message);
    });
  }, []);

  return (
    <main className="shell">
      <h1>KYC Desk</h1>
      <p>Identity verification review for compliance officers.</p>
      {error ? <p role="alert">{error}</p> : null}
      {info ? (
        <p className="muted">
          Version {info.version}
          {info.versions.electron ? ` · Electron ${info.versions.electron}` : ''}
        </p>
      ) : null}
    </main>
  );
}
