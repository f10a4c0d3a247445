import type { z } from 'zod';

/** zod issues → field → messages, each field named as the command line calls it. */
export function fieldErrors(error: z.ZodError, name: (key: string) => string): Record<string, string[]> {
  const fields: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = issue.path.length > 0 ? issue.path.map(String).join('.') : '_';
    const message =
      issue.code === 'unrecognized_keys' ? `Unknown field(s): ${issue.keys.join(', ')}.` : issue.message;
    (fields[name(key)] ??= []).push(message);
  }
  return fields;
}
