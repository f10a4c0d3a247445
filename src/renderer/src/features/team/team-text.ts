import type { TeamCaseState, TeamQueue, TeamStatusView } from '../../../../shared/domain/team';

export const TEAM_QUEUE_LABELS: Record<TeamQueue, string> = {
  mine: 'Assigned to me',
  unassigned: 'Unassigned',
  approval: 'Awaiting my approval',
  overdue: 'Overdue',
};

/** What each team decision state means, in the officer's words; unknown future states stay visible. */
export function teamStateText(state: TeamCaseState): string {
  switch (state) {
    case 'none':
      return 'No team decision yet';
    case 'pending-push':
      return 'Decided here; waiting to reach the team database';
    case 'final':
      return 'Decided';
    case 'proposed':
      return 'Proposed; needs approval by another officer';
    case 'approved':
      return 'Approved';
    case 'sent_back':
      return 'Sent back';
    case 'conflict':
      return 'Conflicting decisions';
  }
}

/** "45 min", "3 h 20 min", "2 days 4 h": how long the customer has been waiting. */
export function formatWaiting(ms: number): string {
  const minutes = Math.max(0, Math.floor(ms / 60_000));
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return minutes % 60 ? `${hours} h ${minutes % 60} min` : `${hours} h`;
  const days = Math.floor(hours / 24);
  const rest = hours % 24;
  return `${days} day${days === 1 ? '' : 's'}${rest ? ` ${rest} h` : ''}`;
}

export interface TeamIndicatorText {
  tone: 'success' | 'warning' | 'danger' | 'neutral';
  label: string;
  /** Said after the label to a screen reader (the icon and tint say it to the eye). */
  spoken: string;
}

export function describeTeam(status: TeamStatusView): TeamIndicatorText {
  const pending =
    status.pendingPushes > 0
      ? `, ${status.pendingPushes} decision${status.pendingPushes === 1 ? '' : 's'} waiting to be pushed`
      : '';
  if (status.connected) {
    return {
      tone: status.pendingPushes > 0 ? 'warning' : 'success',
      label: `Team: ${status.officer ?? 'connected'}`,
      spoken: ` (team database connected${pending})`,
    };
  }
  return {
    tone: status.problem ? 'danger' : 'warning',
    label: 'Team offline',
    spoken: ` (${status.problem ? 'the team database cannot be reached' : 'not connected'}${pending})`,
  };
}
