import type { z } from 'zod';
import { officerMessage } from './field-words';

/*
 * The one mapping from zod issues to form fields, used by IPC dispatch, the services, the Ondato client,
 * the CLI and the renderer's forms, so a field named by main is the field the renderer highlights.
 * Keys are the issue path joined with dots (`overrides.authUrl`, `documents.0.type`); `_` is the
 * input as a whole. Built through a Map: an input-supplied key such as `__proto__` stays a plain key.
 */

export type FieldMessages = Record<string, string[]>;

/** The field key of one issue path. */
export function fieldKey(path: readonly PropertyKey[]): string {
  return path.length > 0 ? path.map(String).join('.') : '_';
}

/** Never zod's developer English: a schema's own sentence, or the officer's words for zod's default. */
function messageOf(issue: z.ZodError['issues'][number]): string {
  return officerMessage(issue);
}

/** Every message per field, in the order zod reported them. */
export function fieldErrors(error: Pick<z.ZodError, 'issues'>): FieldMessages {
  const fields = new Map<string, string[]>();
  for (const issue of error.issues) {
    const key = fieldKey(issue.path);
    fields.set(key, [...(fields.get(key) ?? []), messageOf(issue)]);
  }
  return Object.fromEntries(fields);
}

/** The first message per field, for showing next to each input. */
export function firstFieldErrors(error: Pick<z.ZodError, 'issues'>): Record<string, string> {
  const first = new Map<string, string>();
  for (const issue of error.issues) {
    const key = fieldKey(issue.path);
    if (!first.has(key)) first.set(key, messageOf(issue));
  }
  return Object.fromEntries(first);
}
