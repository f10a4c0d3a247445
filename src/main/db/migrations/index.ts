import type { Migration } from './types';
import { migration0001 } from './0001-initial';

/** Every migration in order; `version` must be 1, 2, 3… (checked at open). */
export const MIGRATIONS: readonly Migration[] = [migration0001];

export type { Migration } from './types';
