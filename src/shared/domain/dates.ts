/*
 * Calendar dates as Ondato and the officer write them. One set of rules for the review screen, the
 * new-case form, main's decision guard, the CLI and the evidence export: a calendar date has no time
 * zone, so dates are compared as (year, month, day), never as instants.
 */

export interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

const ISO_DATE = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ]\d{1,2}:\d{2}.*)?$/;
const DOTTED_DATE = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/;

/** A calendar date from YYYY-MM-DD, YYYY-MM-DDTHH:mm…, or DD.MM.YYYY; null for anything else or an impossible date. */
export function parseDate(text: string | null | undefined): CalendarDate | null {
  if (!text) return null;
  const value = text.trim();
  let year: number;
  let month: number;
  let day: number;
  const iso = ISO_DATE.exec(value);
  const dotted = iso ? null : DOTTED_DATE.exec(value);
  if (iso) [year, month, day] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else if (dotted) [day, month, year] = [Number(dotted[1]), Number(dotted[2]), Number(dotted[3])];
  else return null;
  return isRealDate(year, month, day) ? { year, month, day } : null;
}

function isRealDate(year: number, month: number, day: number): boolean {
  const check = new Date(Date.UTC(2000, month - 1, day));
  check.setUTCFullYear(year);
  return (
    year >= 1 &&
    check.getUTCFullYear() === year &&
    check.getUTCMonth() === month - 1 &&
    check.getUTCDate() === day
  );
}

function ordinal(date: CalendarDate): number {
  return date.year * 10_000 + date.month * 100 + date.day;
}

/** Negative, zero or positive as `a` is before, on or after `b`. */
export function compareDates(a: CalendarDate, b: CalendarDate): number {
  return ordinal(a) - ordinal(b);
}

/** The calendar date of an instant on this machine's calendar (the officer's day). */
export function calendarDate(instant: Date | number): CalendarDate {
  const at = typeof instant === 'number' ? new Date(instant) : instant;
  return { year: at.getFullYear(), month: at.getMonth() + 1, day: at.getDate() };
}

/** The calendar date of a UTC timestamp (for dates stored as midnight UTC). */
export function utcCalendarDate(time: number): CalendarDate {
  const at = new Date(time);
  return { year: at.getUTCFullYear(), month: at.getUTCMonth() + 1, day: at.getUTCDate() };
}

/** `date` plus `days` calendar days (negative goes back). */
export function addDays(date: CalendarDate, days: number): CalendarDate {
  const at = new Date(Date.UTC(2000, date.month - 1, date.day));
  at.setUTCFullYear(date.year);
  at.setUTCDate(at.getUTCDate() + days);
  return utcCalendarDate(at.getTime());
}

/** Calendar days from `a` to `b` (positive when `b` is later). */
export function daysBetween(a: CalendarDate, b: CalendarDate): number {
  const at = (d: CalendarDate): number => {
    const t = new Date(Date.UTC(2000, d.month - 1, d.day));
    t.setUTCFullYear(d.year);
    return t.getTime();
  };
  return Math.round((at(b) - at(a)) / 86_400_000);
}

/** Whole years from `birth` to `today`; the birthday itself counts (29 Feb birthdays turn on 1 March). */
export function ageOn(birth: CalendarDate, today: CalendarDate): number {
  let years = today.year - birth.year;
  if (today.month < birth.month || (today.month === birth.month && today.day < birth.day)) years -= 1;
  return years;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "17 May 1990": unambiguous whatever the officer's locale. */
export function formatDate(date: CalendarDate): string {
  return `${date.day} ${MONTHS[date.month - 1]} ${date.year}`;
}

/** "1990-05-17": for machine-readable output (CLI, exports). */
export function isoDate(date: CalendarDate): string {
  const pad = (n: number, width: number): string => String(n).padStart(width, '0');
  return `${pad(date.year, 4)}-${pad(date.month, 2)}-${pad(date.day, 2)}`;
}
