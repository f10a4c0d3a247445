import { AppError } from '../errors';
import { isTeamDbError } from '../../team-db/errors';
import type { TeamStatusView } from '../../shared/domain/team';

/** The keychain entry of a workspace's team password (removed with the workspace's other entries). */
export function teamPasswordAccount(workspaceId: string): string {
  return `${workspaceId}:team-password`;
}

/** The team's one-line errors (host and why, never the password) as the app's typed errors. */
export function teamError(error: unknown): unknown {
  return isTeamDbError(error) ? new AppError(error.code, error.message) : error;
}

export const NOT_JOINED: TeamStatusView = {
  joined: false,
  where: null,
  connected: false,
  schemaVersion: null,
  officer: null,
  supervisor: false,
  pendingPushes: 0,
  lastChangeSeen: 0,
  lastPullAt: null,
  problem: null,
  slaMinutes: null,
};
