import type { SyncStatus } from '../../../../shared/domain/views';
import { Icon } from './Badge';
import { formatAgo, formatWhen } from './time';

/** Data older than this is called out, even while online. */
export const STALE_AFTER_MS = 10 * 60 * 1000;

export type Freshness =
  | { kind: 'fresh' }
  | { kind: 'offline'; since: number | null }
  | { kind: 'auth_failed' }
  | { kind: 'paused' }
  | { kind: 'stale' }
  | { kind: 'never' };

export function freshnessOf(syncedAt: number | null, sync: SyncStatus | null, now: number): Freshness {
  if (sync?.state === 'offline') return { kind: 'offline', since: sync.offlineSince };
  if (sync?.state === 'auth_failed') return { kind: 'auth_failed' };
  if (syncedAt === null) return { kind: 'never' };
  if (now - syncedAt > STALE_AFTER_MS)
    return sync?.state === 'paused' ? { kind: 'paused' } : { kind: 'stale' };
  return { kind: 'fresh' };
}

/**
 * Offline or signed out, a failed Refresh has the same cause this banner already explains (with what
 * still works): a second banner saying it again after every Refresh reads like a new problem.
 */
export function explainsRefreshFailure(freshness: Freshness): boolean {
  return freshness.kind === 'offline' || freshness.kind === 'auth_failed';
}

/** Says how old the data on screen is, and what still works, when it is not fresh. */
export function FreshnessBanner({
  syncedAt,
  sync,
  now,
}: {
  syncedAt: number | null;
  sync: SyncStatus | null;
  now: number;
}): React.JSX.Element | null {
  const freshness = freshnessOf(syncedAt, sync, now);
  if (freshness.kind === 'fresh') return null;

  const dataAge =
    syncedAt === null
      ? 'KYC Desk has not synced this case with Ondato yet.'
      : `The data shown is from ${formatWhen(syncedAt, now)} (${formatAgo(syncedAt, now)}).`;
  const stillWorks = 'You can review and decide; decisions are saved locally and do not need Ondato.';

  let title: string;
  let body: string;
  switch (freshness.kind) {
    case 'offline':
      title =
        freshness.since === null
          ? 'Offline: Ondato cannot be reached'
          : `Offline since ${formatWhen(freshness.since, now)}: Ondato cannot be reached`;
      body = `${dataAge} ${stillWorks} Images already downloaded still show. KYC Desk keeps trying and updates this case when it is back online.`;
      break;
    case 'auth_failed':
      title = 'KYC Desk cannot sign in to Ondato';
      body = `${dataAge} ${stillWorks} Check the workspace's client ID and secret in Settings.`;
      break;
    case 'paused':
      title = 'Automatic updates are off';
      body = `${dataAge} ${stillWorks} Use Refresh to check Ondato now, or turn updates on in Settings.`;
      break;
    case 'never':
      title = 'Not synced yet';
      body = `${dataAge} ${stillWorks} Use Refresh to check Ondato now.`;
      break;
    default:
      title = 'This case may be out of date';
      body = `${dataAge} Use Refresh to check Ondato now. ${stillWorks}`;
  }

  return (
    <div
      className={`rv-banner rv-banner-${freshness.kind === 'stale' || freshness.kind === 'never' ? 'info' : 'warn'}`}
    >
      <Icon name={freshness.kind === 'offline' || freshness.kind === 'auth_failed' ? 'warning' : 'clock'} />
      <div>
        <p className="rv-banner-title">{title}</p>
        <p>{body}</p>
      </div>
    </div>
  );
}
