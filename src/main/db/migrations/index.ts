import type { Migration } from './types';
import { migration0001 } from './0001-initial';
import { migration0002 } from './0002-case-counts';
import { migration0006 } from './0006-retention';

/** Every migration in order; `version` must be 1, 2, 3… (checked at open). */
export const MIGRATIONS: readonly Migration[] = [migration0001, migration0002, migration0006];

export type { Migration } from './types';
