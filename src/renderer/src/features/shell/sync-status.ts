import type { SyncStatus } from '../../../../shared/domain/views';
import type { IconName } from '../../components/Icon';
import type { Tone } from '../../components/status';
import { formatClock } from '../../components/format';

export interface SyncDescription {
  icon: IconName;
  tone: Tone;
  /** Short visible label, e.g. "Syncing 3 cases". */
  label: string;
  /** Second line, e.g. "last synced 14:05". */
  detail: string | null;
  /** What the live region says: coarse, so counts ticking down are not read out one by one. */
  spoken: string;
  spinning: boolean;
}

function lastSynced(status: SyncStatus): string {
  return status.lastSuccessAt === null
    ? 'not synced yet'
    : `last synced ${formatClock(status.lastSuccessAt)}`;
}

/** Team mode: whether the relay's webhooks carry the updates, or the desk polls Ondato itself. */
function relayLine(status: SyncStatus): string | null {
  const relay = status.teamRelay;
  if (!relay) return null;
  if (relay.state === 'live') return 'Live updates from the team relay';
  return relay.since === null
    ? 'Team relay silent — polling Ondato'
    : `Team relay silent since ${formatClock(relay.since)} — polling Ondato`;
}

/** The top bar's sync indicator, in words (icon and colour only reinforce them). */
export function describeSync(status: SyncStatus | null): SyncDescription {
  if (status === null) {
    return {
      icon: 'sync',
      tone: 'neutral',
      label: 'Sync status…',
      detail: null,
      spoken: '',
      spinning: false,
    };
  }
  switch (status.state) {
    case 'storage_error':
      return {
        icon: 'alert',
        tone: 'danger',
        label: 'Cache cannot be saved',
        detail: status.lastError?.message ?? 'The local case cache cannot be written.',
        spoken: `Storage problem. ${status.lastError?.message ?? ''}`.trimEnd(),
        spinning: false,
      };
    case 'auth_failed':
      return {
        icon: 'alert',
        tone: 'danger',
        label: 'Sign-in failed',
        detail: 'Ondato refused the credentials',
        spoken: 'Sync stopped: Ondato refused the workspace credentials.',
        spinning: false,
      };
    case 'offline': {
      const detail = lastSynced(status);
      return {
        icon: 'offline',
        tone: 'warning',
        label: 'Offline',
        detail,
        spoken: `Offline, ${detail}.`,
        spinning: false,
      };
    }
    case 'paused': {
      const detail = lastSynced(status);
      return {
        icon: 'pause',
        tone: 'neutral',
        label: 'Sync paused',
        detail,
        spoken: 'Sync paused.',
        spinning: false,
      };
    }
    case 'idle':
      return {
        icon: 'pause',
        tone: 'neutral',
        label: 'Not syncing',
        detail: null,
        spoken: 'Not syncing.',
        spinning: false,
      };
    case 'online': {
      const busy = status.inFlight + status.queued;
      if (busy > 0) {
        return {
          icon: 'sync',
          tone: 'progress',
          label: `Syncing ${busy} case${busy === 1 ? '' : 's'}`,
          detail: status.lastSuccessAt === null ? null : lastSynced(status),
          spoken: 'Syncing.',
          spinning: true,
        };
      }
      const error = status.lastError;
      if (error && (status.lastSuccessAt === null || error.at > status.lastSuccessAt)) {
        return {
          icon: 'alert',
          tone: 'danger',
          label: 'Sync error',
          detail: error.message,
          spoken: `Sync error. ${error.message}`,
          spinning: false,
        };
      }
      const relay = relayLine(status);
      return {
        icon: 'online',
        tone: 'success',
        label: 'Online',
        detail:
          relay ?? (status.lastSuccessAt === null ? null : `synced ${formatClock(status.lastSuccessAt)}`),
        spoken: relay === null ? 'Online.' : `Online. ${relay}.`,
        spinning: false,
      };
    }
  }
}
