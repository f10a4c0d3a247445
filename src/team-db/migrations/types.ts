/**
 * One step of the team schema. Like the cache's migrations they are append-only and forward-only: a
 * released step is never edited; a change is a new file with the next number.
 */
export interface TeamMigration {
  version: number;
  name: string;
  sql: string;
}
