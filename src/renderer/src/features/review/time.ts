export { formatAgo } from '../../components/format';
export { useNow } from '../../components/hooks';

const dateTime = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short' });
const timeOnly = new Intl.DateTimeFormat('en-GB', { timeStyle: 'short' });

/** "today 14:02", or "27 Nov 2025, 14:02" on another day (local clock, 24-hour like the rest of the app). */
export function formatWhen(ms: number, now: number = Date.now()): string {
  const a = new Date(ms);
  const b = new Date(now);
  const sameDay =
    a.getFullYear() === b.getFullYear() && a.getMonth() === b.getMonth() && a.getDate() === b.getDate();
  return sameDay ? `today ${timeOnly.format(a)}` : dateTime.format(a);
}

export function isoOf(ms: number): string {
  return new Date(ms).toISOString();
}
