/**
 * Ondato's `…Utc` fields are written by .NET: ISO 8601 with up to seven fractional digits and, for a
 * DateTime of unspecified kind, no zone at all. Those fields say UTC in their names, but `Date.parse`
 * reads a zone-less date-time as the host's local time — so a desk in Vilnius and one in Lisbon would
 * order the same events differently. Every place that turns an Ondato time into milliseconds goes
 * through here.
 */
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,7})?)?(Z|[+-]\d{2}:?\d{2})?$/i;

/** Milliseconds for a strict ISO 8601 date-time (zone-less read as UTC); null for anything else. */
export function parseIsoUtc(value: unknown): number | null {
  if (typeof value !== 'string') return null;
  const match = ISO_TIME.exec(value);
  if (!match) return null;
  const ms = Date.parse(match[1] === undefined ? `${value}Z` : value);
  return Number.isNaN(ms) ? null : ms;
}
