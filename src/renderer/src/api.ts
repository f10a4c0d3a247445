import type { EventChannel, RequestChannel } from '../../shared/ipc/channels';
import type { EventPayload, Input, Output } from '../../shared/ipc/contract';
import type { IpcError } from '../../shared/ipc/result';

/** An error main reported (as data) for a request; `code` is stable, `message` is fit to show. */
export class ApiError extends Error {
  readonly code: string;
  readonly fields: Record<string, string[]>;

  constructor(error: IpcError) {
    super(error.message);
    this.name = 'ApiError';
    this.code = error.code;
    this.fields = error.fields ?? {};
  }
}

/** The only door to main. Only store actions call it: one place to see every call the UI makes. */
export async function call<C extends RequestChannel>(channel: C, input: Input<C>): Promise<Output<C>> {
  const result = await window.kycDesk.invoke(channel, input);
  if (!result.ok) throw new ApiError(result.error);
  return result.value;
}

export function subscribe<E extends EventChannel>(
  event: E,
  listener: (payload: EventPayload<E>) => void,
): () => void {
  return window.kycDesk.on(event, listener);
}

export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  return 'KYC Desk could not complete this. Try again; if it keeps happening, restart the app.';
}
