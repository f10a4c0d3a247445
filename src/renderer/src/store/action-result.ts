import { ApiError, errorMessage } from '../api';

/** A failed action as a component shows it: a stable code, a message fit to show, messages per field. */
export interface ActionError {
  code: string;
  message: string;
  fields: Record<string, string[]>;
}

/** Store actions never throw at components: they return what happened. */
export type ActionResult<T> = { ok: true; value: T } | { ok: false; error: ActionError };

/** Something that loads: components render each state (skeleton, content, error with Retry). */
export type Loadable<T> =
  | { status: 'idle' }
  | { status: 'loading' }
  | { status: 'ready'; value: T }
  | { status: 'error'; message: string };

export function toActionError(error: unknown): ActionError {
  if (error instanceof ApiError) return { code: error.code, message: error.message, fields: error.fields };
  return { code: 'internal', message: errorMessage(error), fields: {} };
}

export async function attempt<T>(run: () => Promise<T>): Promise<ActionResult<T>> {
  try {
    return { ok: true, value: await run() };
  } catch (error) {
    return { ok: false, error: toActionError(error) };
  }
}
