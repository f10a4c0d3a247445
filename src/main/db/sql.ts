import type Database from 'better-sqlite3-multiple-ciphers';
import type { JsonObject, JsonValue } from '../../shared/domain/json';
import { parseIsoUtc } from '../../shared/domain/utc';

export type Db = Database.Database;
export type Statement<R> = Database.Statement<unknown[], R>;

/*
 * Prepared statements are cached per connection: preparing costs more than running the small
 * queries the list and the poller issue hundreds of times a minute. Only fixed SQL text is cached
 * (variable-length IN lists are bound as JSON arrays), so the cache stays small.
 */
const statements = new WeakMap<Db, Map<string, Statement<unknown>>>();

export function stmt<R = unknown>(db: Db, sql: string): Statement<R> {
  let perDb = statements.get(db);
  if (!perDb) {
    perDb = new Map();
    statements.set(db, perDb);
  }
  let statement = perDb.get(sql);
  if (!statement) {
    statement = db.prepare<unknown[], unknown>(sql);
    perDb.set(sql, statement);
  }
  return statement as Statement<R>;
}

/** Ondato's ISO timestamps → ms; absent or unparsable → null (then fetch order decides). */
export function isoToMs(value: string | null | undefined): number | null {
  if (value === null || value === undefined || value === '') return null;
  // Ondato's zone-less times are UTC; anything that is not strict ISO stays lenient (Date.parse).
  const strict = parseIsoUtc(value);
  if (strict !== null) return strict;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? null : ms;
}

export function msToIso(ms: number): string;
export function msToIso(ms: number | null): string | null;
export function msToIso(ms: number | null): string | null {
  return ms === null ? null : new Date(ms).toISOString();
}

/** Sorted keys, so equal payloads serialise equally and "unchanged" can be detected by text. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (v === null || typeof v !== 'object' || Array.isArray(v)) return v;
    const sorted: Record<string, unknown> = {};
    for (const k of Object.keys(v).sort()) sorted[k] = (v as Record<string, unknown>)[k];
    return sorted;
  });
}

export function parseJsonObject(text: string): JsonObject {
  const value = JSON.parse(text) as JsonValue;
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? value : {};
}

export function parseJsonOrNull(text: string | null): JsonObject | null {
  return text === null ? null : parseJsonObject(text);
}
