/** Ondato's timestamp format: ISO 8601 UTC with milliseconds, e.g. `2022-09-29T14:17:19.171Z`. */
export function iso(ms: number): string {
  return new Date(ms).toISOString();
}

/** `YYYY-MM-DD` of an instant, in UTC. */
export function dateOnly(ms: number): string {
  return iso(ms).slice(0, 10);
}

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
// ASP.NET binds a DateTime from a full timestamp too; the date part is what a date of birth keeps.
const DATE_TIME_RE = /^(\d{4}-\d{2}-\d{2})T\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?(Z|[+-]\d{2}:\d{2})?$/;

/** The calendar date as `YYYY-MM-DD`, or undefined for malformed or impossible dates (2021-02-30). */
export function parseCalendarDate(value: string): string | undefined {
  const dateTime = DATE_TIME_RE.exec(value);
  const text = dateTime?.[1] ?? value;
  const m = DATE_RE.exec(text);
  if (!m) return undefined;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day)
    return undefined;
  if (year < 1) return undefined;
  return text;
}

/** Start of the given `YYYY-MM-DD` day in UTC, in ms. */
export function dayStart(date: string): number {
  return Date.parse(`${date}T00:00:00.000Z`);
}

export function addYears(date: string, years: number): string {
  const d = new Date(dayStart(date));
  d.setUTCFullYear(d.getUTCFullYear() + years);
  return dateOnly(d.getTime());
}

/** Completed years between a date of birth and an instant. */
export function ageAt(dateOfBirth: string, atMs: number): number {
  const birth = new Date(dayStart(dateOfBirth));
  const at = new Date(atMs);
  let age = at.getUTCFullYear() - birth.getUTCFullYear();
  const beforeBirthday =
    at.getUTCMonth() < birth.getUTCMonth() ||
    (at.getUTCMonth() === birth.getUTCMonth() && at.getUTCDate() < birth.getUTCDate());
  if (beforeBirthday) age -= 1;
  return age;
}

export const SECOND = 1000;
export const MINUTE = 60 * SECOND;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;
