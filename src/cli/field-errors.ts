import type { z } from 'zod';
import { fieldErrors as byField, type FieldMessages } from '../shared/domain/fields';

/** The shared zod-issue mapper, with each field named as the command line calls it (`--reason`). */
export function fieldErrors(error: Pick<z.ZodError, 'issues'>, name: (key: string) => string): FieldMessages {
  const renamed = new Map<string, string[]>();
  for (const [key, messages] of Object.entries(byField(error))) {
    renamed.set(name(key), [...(renamed.get(name(key)) ?? []), ...messages]);
  }
  return Object.fromEntries(renamed);
}
