import { stmt, type Db } from '../sql';

/** Row counts for the storage screen, across every workspace (the cache file is shared too). */
export function counts(db: Db): { cases: number; images: number } {
  return stmt<{ cases: number; images: number }>(
    db,
    'SELECT (SELECT count(*) FROM cases) AS cases, (SELECT count(*) FROM images) AS images',
  ).get()!;
}
