import type { EventChannel } from '../shared/ipc/channels';
import type { Events } from '../shared/ipc/contract';

type Listener<E extends EventChannel> = (payload: Events[E]) => void;
export type AnyListener = <E extends EventChannel>(event: E, payload: Events[E]) => void;

/** What main pushes to the renderer (Electron's webContents, the harness's SSE stream, tests). */
export interface EventBus {
  emit<E extends EventChannel>(event: E, payload: Events[E]): void;
  on<E extends EventChannel>(event: E, listener: Listener<E>): () => void;
  /** Every event, for forwarders; returns the unsubscribe function. */
  onAny(listener: AnyListener): () => void;
}

export function createEventBus(onListenerError?: (event: EventChannel, error: unknown) => void): EventBus {
  const byEvent = new Map<EventChannel, Set<(payload: unknown) => void>>();
  const any = new Set<AnyListener>();
  return {
    emit(event, payload) {
      // A failing listener (a closed window) must not stop the others or the emitter.
      for (const listener of byEvent.get(event) ?? []) {
        try {
          listener(payload);
        } catch (error) {
          onListenerError?.(event, error);
        }
      }
      for (const listener of any) {
        try {
          listener(event, payload);
        } catch (error) {
          onListenerError?.(event, error);
        }
      }
    },
    on(event, listener) {
      const set = byEvent.get(event) ?? new Set();
      byEvent.set(event, set);
      const wrapped = listener as (payload: unknown) => void;
      set.add(wrapped);
      return () => void set.delete(wrapped);
    },
    onAny(listener) {
      any.add(listener);
      return () => void any.delete(listener);
    },
  };
}
