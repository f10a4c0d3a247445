import { useStore } from '../../store';
import { Icon } from '../../components/Icon';
import { formatAgo } from '../../components/format';
import { useNow } from '../../components/hooks';
import { describeTeam } from './team-text';

/**
 * The team session beside the sync status: connected or offline, as which officer, and pending pushes;
 * the details (where, schema, last change seen, the one-line problem) open under it.
 */
export function TeamIndicator(): React.JSX.Element | null {
  const now = useNow();
  const status = useStore((s) => s.teamStatus);
  const syncNow = useStore((s) => s.teamSyncNow);
  if (!status?.joined) return null;
  const d = describeTeam(status);
  return (
    <details className="team-indicator" data-tone={d.tone}>
      <summary>
        <Icon name={status.connected ? 'online' : 'offline'} />
        <span className="team-label">{d.label}</span>
        <span className="sr-only">{d.spoken}</span>
        {status.pendingPushes > 0 ? (
          <span className="team-pending" aria-hidden="true">
            {status.pendingPushes} to push
          </span>
        ) : null}
      </summary>
      <div className="team-popover">
        <dl className="facts">
          <dt>Team database</dt>
          <dd>{status.where ?? '—'}</dd>
          <dt>State</dt>
          <dd>{status.connected ? 'Connected' : 'Offline'}</dd>
          <dt>Officer</dt>
          <dd>
            {status.officer ?? '—'}
            {status.supervisor ? ' (supervisor)' : ''}
          </dd>
          <dt>Schema version</dt>
          <dd>{status.schemaVersion ?? '—'}</dd>
          <dt>Waiting to push</dt>
          <dd>{status.pendingPushes}</dd>
          <dt>Last change seen</dt>
          <dd>
            #{status.lastChangeSeen}
            {status.lastPullAt !== null ? ` (pulled ${formatAgo(status.lastPullAt, now)})` : ''}
          </dd>
        </dl>
        {status.problem ? (
          <p className="form-error" role="alert">
            {status.problem}
          </p>
        ) : null}
        <button type="button" className="btn btn-small" onClick={() => void syncNow()}>
          <Icon name="sync" />
          Sync with the team now
        </button>
      </div>
    </details>
  );
}
