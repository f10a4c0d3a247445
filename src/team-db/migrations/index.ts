import { teamMigration0001 } from './0001-initial';
import { teamMigration0002 } from './0002-webhooks';
import { teamMigration0003 } from './0003-webhook-desk';
import { teamMigration0004 } from './0004-webhook-claim';
import { teamMigration0005 } from './0005-quiet-since-registration';
import { teamMigration0006 } from './0006-read-after-claim';
import type { TeamMigration } from './types';

/** Every team-schema step in order; `version` is 1, 2, 3… */
export const TEAM_MIGRATIONS: readonly TeamMigration[] = [
  teamMigration0001,
  teamMigration0002,
  teamMigration0003,
  teamMigration0004,
  teamMigration0005,
  teamMigration0006,
];

/** The newest team schema this build understands; a newer database is refused, never touched. */
export const TEAM_SCHEMA_VERSION = TEAM_MIGRATIONS.length;

export type { TeamMigration } from './types';
