import type { Db } from '../sql';

/**
 * One schema step. Migrations are append-only: a released file is never edited, a change is a new
 * file with the next number. `up` runs inside the single migration transaction: synchronous, no await.
 */
export interface Migration {
  version: number;
  name: string;
  up(db: Db): void;
}
