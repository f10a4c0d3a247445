import { OndatoError } from './errors';

const MAX_ID_LENGTH = 200;

/** Percent-encodes an id for a path segment; refuses empty, dot-segment and control-character ids. */
export function pathId(value: unknown, field: string, operation: string): string {
  const ok =
    typeof value === 'string' &&
    value.length > 0 &&
    value.length <= MAX_ID_LENGTH &&
    value.trim() === value &&
    value !== '.' &&
    value !== '..' &&
    // eslint-disable-next-line no-control-regex
    !/[\u0000-\u001f\u007f]/.test(value);
  if (!ok) {
    throw new OndatoError('validation', {
      operation,
      fields: { [field]: ['The id is missing or not valid.'] },
      message: `Could not ${operation}: the id is missing or not valid.`,
    });
  }
  return encodeURIComponent(value);
}
