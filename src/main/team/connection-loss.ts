import { isTeamDbError } from '../../team-db/errors';

/*
 * Which failures mean "the team database is away" (reconnect with backoff, keep the outbox) rather than
 * "the team refused this statement" (record the reason, go on with the next one).
 */
const LOST = new Set([
  '57P01',
  '57P02',
  '57P03',
  '08000',
  '08003',
  '08006',
  'ECONNRESET',
  'EPIPE',
  'ECONNREFUSED',
]);

/** A dropped or refused connection, as opposed to a statement the team refused. */
export function isConnectionLoss(error: unknown): boolean {
  if (isTeamDbError(error) && error.code === 'team_unreachable') return true;
  const cause = isTeamDbError(error) ? error.cause : error;
  if (typeof cause !== 'object' || cause === null) return false;
  const code = 'code' in cause ? String(cause.code) : '';
  const message = 'message' in cause ? String(cause.message) : '';
  return LOST.has(code) || /Connection terminated|not queryable|connection is closed/i.test(message);
}
