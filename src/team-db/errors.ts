/*
 * Errors of the team database, in words an officer or an administrator can act on. The message never
 * holds a password or customer data; `host` names where we tried to connect (user@host:port/db).
 */
export type TeamErrorCode =
  | 'team_auth_failed'
  | 'team_tls_failed'
  | 'team_unreachable'
  | 'team_schema_too_new'
  | 'team_not_initialised'
  | 'team_forbidden'
  | 'team_four_eyes'
  | 'team_not_found'
  | 'team_invalid'
  | 'team_conflict'
  | 'team_error';

export class TeamDbError extends Error {
  readonly code: TeamErrorCode;

  constructor(code: TeamErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'TeamDbError';
    this.code = code;
  }
}

export function isTeamDbError(error: unknown): error is TeamDbError {
  return error instanceof TeamDbError;
}

interface PgLikeError {
  code?: string;
  message?: string;
  errno?: number;
  syscall?: string;
}

function pgError(error: unknown): PgLikeError {
  return typeof error === 'object' && error !== null ? (error as PgLikeError) : {};
}

/** Why connecting to `where` failed, as one line without the password. */
export function describeConnectError(error: unknown, where: string): TeamDbError {
  if (isTeamDbError(error)) return error;
  const e = pgError(error);
  const text = e.message ?? '';
  if (e.code === '28P01' || e.code === '28000') {
    return new TeamDbError(
      'team_auth_failed',
      `Team database ${where}: the role or password was not accepted.`,
      {
        cause: error,
      },
    );
  }
  if (e.code === '3D000') {
    return new TeamDbError('team_unreachable', `Team database ${where}: that database does not exist.`, {
      cause: error,
    });
  }
  if (
    /SSL|TLS|certificate|self[- ]signed|Hostname\/IP does not match/i.test(text) ||
    e.code?.startsWith('ERR_TLS')
  ) {
    return new TeamDbError(
      'team_tls_failed',
      `Team database ${where}: the TLS connection failed (${tlsReason(text)}).`,
      { cause: error },
    );
  }
  if (
    e.code === 'ECONNREFUSED' ||
    e.code === 'ENOTFOUND' ||
    e.code === 'EHOSTUNREACH' ||
    e.code === 'ETIMEDOUT' ||
    /timeout/i.test(text)
  ) {
    const why =
      e.code === 'ENOTFOUND'
        ? 'the host name does not resolve'
        : e.code === 'ECONNREFUSED'
          ? 'the connection was refused'
          : 'no answer';
    return new TeamDbError('team_unreachable', `Team database ${where} is unreachable: ${why}.`, {
      cause: error,
    });
  }
  if (e.code === '57P03' || e.code === '57P01' || e.code === '08006' || e.code === '08001') {
    return new TeamDbError(
      'team_unreachable',
      `Team database ${where} is not accepting connections right now.`,
      {
        cause: error,
      },
    );
  }
  return new TeamDbError('team_error', `Team database ${where}: the connection failed.`, { cause: error });
}

function tlsReason(text: string): string {
  if (/self[- ]signed|unable to verify|unable to get local issuer/i.test(text))
    return 'the server certificate is not trusted';
  if (/Hostname\/IP does not match|altnames/i.test(text)) return 'the certificate does not name this host';
  if (/does not support SSL|server does not support/i.test(text)) return 'the server does not offer TLS';
  return 'handshake failed';
}

/** Maps an error raised by a team-schema function to a typed error. */
export function describeStatementError(error: unknown): TeamDbError {
  if (isTeamDbError(error)) return error;
  const e = pgError(error);
  const text = e.message ?? '';
  switch (e.code) {
    case '42501':
      return new TeamDbError('team_forbidden', firstLine(text) || 'Not allowed in the team database.', {
        cause: error,
      });
    case '23514':
      if (/four.eyes|own decision/i.test(text)) {
        return new TeamDbError(
          'team_four_eyes',
          'Four eyes: a different officer must approve this decision.',
          {
            cause: error,
          },
        );
      }
      return new TeamDbError('team_invalid', firstLine(text) || 'The team database refused the values.', {
        cause: error,
      });
    case '23505':
      return new TeamDbError('team_conflict', 'That was already recorded in the team database.', {
        cause: error,
      });
    case 'P0002':
      return new TeamDbError('team_not_found', firstLine(text) || 'Not found in the team database.', {
        cause: error,
      });
    case '23503':
      return new TeamDbError('team_invalid', firstLine(text) || 'A referenced record does not exist.', {
        cause: error,
      });
    case '3F000':
    case '42P01':
    case '42883':
      return new TeamDbError(
        'team_not_initialised',
        'The team database has no KYC Desk schema (run `kyc-desk team init`).',
        {
          cause: error,
        },
      );
    default:
      return new TeamDbError('team_error', 'The team database could not complete the request.', {
        cause: error,
      });
  }
}

function firstLine(text: string): string {
  const line = text.split('\n')[0] ?? '';
  return line.length > 200 ? `${line.slice(0, 200)}…` : line;
}
