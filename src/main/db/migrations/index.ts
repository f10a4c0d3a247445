import type { Migration } from './types';
import { migration0001 } from './0001-initial';
import { migration0002 } from './0002-case-counts';
import { migration0003 } from './0003-decision-flags';
import { migration0004 } from './0004-keyed-audit';
import { migration0005 } from './0005-retention';
import { migration0006 } from './0006-case-names';
import { migration0007 } from './0007-work-queues';
import { migration0008 } from './0008-team';

/** Every migration in order; `version` must be 1, 2, 3… (checked at open). */
export const MIGRATIONS: readonly Migration[] = [
  migration0001,
  migration0002,
  migration0003,
  migration0004,
  migration0005,
  migration0006,
  migration0007,
  migration0008,
];

export type { Migration } from './types';
