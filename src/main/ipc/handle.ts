import { fieldErrors } from '../../shared/domain/fields';
import { isRequestChannel } from '../../shared/ipc/channels';
import { inputs } from '../../shared/ipc/contract';
import type { IpcError, IpcResult } from '../../shared/ipc/result';
import { toStorageError } from '../db/storage';
import { isAppError } from '../errors';
import type { HandlerMap } from '../handlers';

export type { HandlerMap };

export interface DispatchLog {
  error(message: string, meta?: Record<string, unknown>): void;
}

export function toIpcError(raw: unknown): IpcError {
  // A read can meet a full disk or a damaged page too: those are typed, not "something went wrong".
  const error = toStorageError(raw);
  if (isAppError(error)) {
    return { code: error.code, message: error.message, ...(error.fields ? { fields: error.fields } : {}) };
  }
  return { code: 'internal', message: 'Something went wrong inside KYC Desk. The details are in the log.' };
}

/**
 * One problem is said as it is ("Enter a name for the workspace."): a screen without that field, or a
 * toast, still tells the officer what to do. Several point at the fields that carry them.
 */
function invalidInputMessage(fields: Record<string, string[]>): string {
  const messages = [...new Set(Object.values(fields).flat())];
  if (messages.length === 1) return messages[0]!;
  return 'Check the highlighted fields: KYC Desk could not accept them as they are.';
}

/**
 * Validates the channel and the input, runs the handler and wraps the outcome in the envelope.
 * Never throws: a renderer can only ever get `{ ok, value }` or `{ ok: false, error }` back.
 */
export async function dispatch(
  handlers: HandlerMap,
  channel: unknown,
  rawInput: unknown,
  log?: DispatchLog,
): Promise<IpcResult<unknown>> {
  if (!isRequestChannel(channel)) {
    return {
      ok: false,
      error: { code: 'unknown_channel', message: 'This request is not part of the contract.' },
    };
  }
  const parsed = inputs[channel].safeParse(rawInput);
  if (!parsed.success) {
    const fields = fieldErrors(parsed.error);
    return { ok: false, error: { code: 'invalid_input', message: invalidInputMessage(fields), fields } };
  }
  try {
    const handler = handlers[channel] as (input: unknown) => Promise<unknown>;
    return { ok: true, value: await handler(parsed.data) };
  } catch (error) {
    if (!isAppError(error))
      log?.error('ipc handler failed', {
        channel,
        error: error instanceof Error ? error.name : typeof error,
      });
    return { ok: false, error: toIpcError(error) };
  }
}
