/**
 * An error whose code and message are safe to show an officer and to cross the IPC boundary:
 * the message never holds a secret, a token or customer data. Anything that is not an AppError is
 * reported as `internal` with a generic message, so nothing untyped leaks out of main.
 */
export class AppError extends Error {
  readonly code: string;
  readonly fields?: Record<string, string[]>;

  constructor(
    code: string,
    message: string,
    options?: { fields?: Record<string, string[]>; cause?: unknown },
  ) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    if (options?.fields) this.fields = options.fields;
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}
