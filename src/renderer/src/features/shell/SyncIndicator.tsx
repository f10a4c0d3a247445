import { Icon } from '../../components/Icon';
import { useStore } from '../../store';
import { describeSync } from './sync-status';

export function SyncIndicator(): React.JSX.Element {
  const sync = useStore((s) => s.sync);
  const navigate = useStore((s) => s.navigate);
  const d = describeSync(sync);
  return (
    <div className="sync-indicator" data-tone={d.tone} data-spinning={d.spinning || undefined}>
      <span className="sync-visible" aria-hidden="true" title={d.detail ?? undefined}>
        <Icon name={d.icon} />
        <span className="sync-label">{d.label}</span>
        {d.detail ? <span className="sync-detail">{d.detail}</span> : null}
      </span>
      <span className="sr-only" role="status">
        {d.spoken}
      </span>
      {sync?.state === 'auth_failed' ? (
        <button type="button" className="btn btn-small" onClick={() => navigate({ name: 'workspaces' })}>
          Fix
        </button>
      ) : null}
    </div>
  );
}
