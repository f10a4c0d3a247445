import type { EventChannel, RequestChannel } from './channels';
import type { EventPayload, Input, Output } from './contract';
import type { IpcResult } from './result';

/** What the preload puts on `window.kycDesk`: two functions, nothing else. */
export interface KycDeskApi {
  invoke<C extends RequestChannel>(channel: C, input: Input<C>): Promise<IpcResult<Output<C>>>;
  on<E extends EventChannel>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
}
