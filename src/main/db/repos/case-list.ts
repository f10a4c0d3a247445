import type { CaseListPage, CaseListQuery, CaseSort } from '../../../shared/domain/case';
import { isCaseQueue, type QueueCounts } from '../../../shared/domain/queues';
import { cacheError } from '../errors';
import { toFtsQuery } from '../search-query';
import { stmt, type Db } from '../sql';
import { SUMMARY_COLUMNS, toSummary, type SummaryRow } from './case-rows';

export const MAX_PAGE = 500;

type Filters = Pick<
  CaseListQuery,
  'idvStatus' | 'kycStatus' | 'decision' | 'queue' | 'createdFrom' | 'createdBefore'
>;

/*
 * The WHERE clause holds only the filters in use, so the planner can pick the matching index (a count
 * over a covering index rather than a table scan). The number of distinct SQL texts stays small (three
 * optional filters x search x sort x direction x cursor), which bounds the prepared-statement cache.
 * Values are always bound, IN-lists as JSON arrays through json_each.
 */
function filterClause(q: Filters, t: string): string {
  const parts = [`${t}.workspace_id = @ws`];
  if (q.idvStatus && q.idvStatus.length > 0)
    parts.push(`${t}.idv_status IN (SELECT value FROM json_each(@idv))`);
  parts.push(...inFilter(`${t}.kyc_status`, '@kyc', q.kycStatus));
  parts.push(...inFilter(`${t}.decision`, '@decision', q.decision));
  if (q.queue !== undefined && q.queue !== 'all') parts.push(`${t}.queue = @queue`);
  if (q.createdFrom !== undefined) parts.push(`${t}.created_utc >= @createdFrom`);
  if (q.createdBefore !== undefined) parts.push(`${t}.created_utc < @createdBefore`);
  return parts.join(' AND ');
}

/** `none` (no value yet) matches NULL; an absent or empty list means no filter. */
function inFilter(column: string, param: string, values: readonly string[] | undefined): string[] {
  if (!values || values.length === 0) return [];
  const hasNone = values.includes('none');
  const hasKnown = values.some((v) => v !== 'none');
  const known = `${column} IN (SELECT value FROM json_each(${param}))`;
  if (hasNone && hasKnown) return [`(${known} OR ${column} IS NULL)`];
  return [hasNone ? `${column} IS NULL` : known];
}

/**
 * The covering index a search reads its rows' keys from: the narrower one of 0001 unless the query
 * needs the queue or the attention key, which only the wider one of 0007 holds.
 */
function searchIndex(q: Pick<CaseListQuery, 'queue' | 'sort'>): string {
  const wide = (q.queue !== undefined && q.queue !== 'all') || q.sort === 'attention';
  return wide ? 'cases_search_queue_keys' : 'cases_search_keys';
}

const SORT_KEYS = {
  created: 'created_utc',
  modified: 'sort_modified',
  attention: 'attention',
} as const satisfies Record<CaseSort, string>;

type Cursor = [sort: string, dir: string, key: number, seq: number];

function encodeCursor(c: Cursor): string {
  return Buffer.from(JSON.stringify(c)).toString('base64url');
}

function decodeCursor(text: string, sort: string, dir: string): Cursor {
  try {
    const c = JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) as unknown;
    if (
      Array.isArray(c) &&
      c.length === 4 &&
      c[0] === sort &&
      c[1] === dir &&
      Number.isSafeInteger(c[2]) &&
      Number.isSafeInteger(c[3])
    ) {
      return c as Cursor;
    }
  } catch {
    // not ours: refused below
  }
  throw cacheError('invalid_cursor');
}

/**
 * The case list: queue, filter, search, sort and page (keyset cursor; offset for jumps).
 *
 * Without search, the sort index of the workspace drives the page. With search, the FTS index yields
 * rowids, and cases_search_keys (a covering index on rowid) supplies workspace, filters and sort keys,
 * so only the rows of the page itself are read. INDEXED BY because without ANALYZE statistics the
 * planner prefers the rowid lookup, which reads payload-sized rows (3-5x slower on broad searches).
 */
export function list(db: Db, ws: string, q: CaseListQuery): CaseListPage {
  const limit = Math.max(1, Math.min(MAX_PAGE, Math.floor(q.limit)));
  const match = q.search === undefined ? null : toFtsQuery(q.search);
  const key = SORT_KEYS[q.sort];
  const dir = q.dir === 'asc' ? 'ASC' : 'DESC';
  // Named values a statement does not use are ignored by better-sqlite3.
  const params: Record<string, unknown> = {
    ws,
    idv: JSON.stringify(q.idvStatus ?? []),
    kyc: JSON.stringify((q.kycStatus ?? []).filter((v) => v !== 'none')),
    decision: JSON.stringify((q.decision ?? []).filter((v) => v !== 'none')),
    queue: q.queue ?? null,
    createdFrom: q.createdFrom ?? null,
    createdBefore: q.createdBefore ?? null,
    match,
    limit: limit + 1,
    offset: 0,
  };
  let keyset = '';
  if (q.cursor) {
    const [, , after, seq] = decodeCursor(q.cursor, q.sort, q.dir);
    keyset = `AND (k.${key}, k.seq) ${dir === 'ASC' ? '>' : '<'} (@after, @afterSeq)`;
    params.after = after;
    params.afterSeq = seq;
  } else if (q.offset !== undefined && q.offset > 0) {
    params.offset = Math.floor(q.offset);
  }

  const where =
    match === null
      ? `FROM cases k WHERE ${filterClause(q, 'k')}`
      : `FROM cases_fts f JOIN cases k INDEXED BY ${searchIndex(q)} ON k.seq = f.rowid
        WHERE f.cases_fts MATCH @match AND ${filterClause(q, 'k')}`;
  const unfiltered = match === null && filterClause(q, 'k') === 'k.workspace_id = @ws';
  const total = unfiltered
    ? (stmt<{ n: number }>(db, 'SELECT n FROM case_counts WHERE workspace_id = @ws').get({ ws })?.n ?? 0)
    : stmt<{ n: number }>(db, `SELECT count(*) AS n ${where}`).get(params)!.n;
  const order = (t: string): string => `ORDER BY ${t}.${key} ${dir}, ${t}.seq ${dir}`;
  // The inner query picks the page's rowids from index data only; the outer one reads those rows.
  const rows = stmt<SummaryRow>(
    db,
    `SELECT ${SUMMARY_COLUMNS} FROM cases c WHERE c.seq IN (
      SELECT k.seq ${where} ${keyset} ${order('k')} LIMIT @limit OFFSET @offset)
    ${order('c')}`,
  ).all(params);

  const more = rows.length > limit;
  const page = more ? rows.slice(0, limit) : rows;
  const last = page[page.length - 1];
  return {
    rows: page.map(toSummary),
    total,
    nextCursor: more && last ? encodeCursor([q.sort, q.dir, last[SORT_KEYS[q.sort]], last.seq]) : null,
  };
}

/**
 * How many cases each work queue holds (search and filters do not apply): the triggers of migration
 * 0007 keep one counter per queue, so this reads a handful of rows whatever the size of the cache.
 */
export function queueCounts(db: Db, ws: string): QueueCounts {
  const counts: QueueCounts = {
    'needs-decision': 0,
    'waiting-customer': 0,
    'waiting-ondato': 0,
    escalated: 0,
    decided: 0,
    all: 0,
  };
  for (const row of stmt<{ queue: string; n: number }>(
    db,
    'SELECT queue, n FROM queue_counts WHERE workspace_id = ?',
  ).all(ws)) {
    if (isCaseQueue(row.queue) && row.queue !== 'all') counts[row.queue] = row.n;
  }
  counts.all = stmt<{ n: number }>(db, 'SELECT n FROM case_counts WHERE workspace_id = ?').get(ws)?.n ?? 0;
  return counts;
}
