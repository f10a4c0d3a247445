import { cleanup } from '@testing-library/react';
import { afterEach, vi } from 'vitest';
import type { CaseSummary } from '../../../src/shared/domain/case';
import type { Settings, SyncStatus, WorkspaceView } from '../../../src/shared/domain/views';
import type { KycDeskApi } from '../../../src/shared/ipc/api';
import type { EventChannel, RequestChannel } from '../../../src/shared/ipc/channels';
import { inputs, type EventPayload, type Input, type Output } from '../../../src/shared/ipc/contract';
import { fieldErrors } from '../../../src/shared/domain/fields';
import type { IpcError, IpcResult } from '../../../src/shared/ipc/result';
import { useStore } from '../../../src/renderer/src/store';
import { DEFAULT_COUNTER_INSTRUCTIONS } from '../../../src/shared/domain/counter';

/*
 * A test double for the preload bridge (`window.kycDesk`), the Electron boundary: each channel answers
 * from a handler the test gives; a handler may throw an IpcError-shaped `Failure` to answer with an error.
 * Every input first goes through the contract's real zod schema, as main's dispatch() does: an input
 * main would reject answers `invalid_input` and fails the test, so a renderer test cannot pass by
 * sending what the app would refuse.
 */

const rejected: string[] = [];
afterEach(() => {
  const found = rejected.splice(0);
  if (found.length > 0) {
    throw new Error(`The renderer sent input the contract rejects:\n${found.join('\n')}`);
  }
});

export class Failure {
  constructor(readonly error: IpcError) {}
}

export type Handlers = { [C in RequestChannel]?: (input: Input<C>) => Output<C> | Promise<Output<C>> };

export interface Bridge {
  invoke: ReturnType<typeof vi.fn>;
  /** Inputs of every call to `channel`, oldest first. */
  calls<C extends RequestChannel>(channel: C): Input<C>[];
  emit<E extends EventChannel>(event: E, payload: EventPayload<E>): void;
  listenerCount(event: EventChannel): number;
}

export function installBridge(handlers: Handlers): Bridge {
  const listeners = new Map<EventChannel, Set<(payload: unknown) => void>>();
  const invoke = vi.fn(async (channel: RequestChannel, input: unknown): Promise<IpcResult<unknown>> => {
    const schema = inputs[channel];
    if (!schema) {
      rejected.push(`${String(channel)}: not a channel of the contract`);
      return { ok: false, error: { code: 'unknown_channel', message: 'Not part of the contract.' } };
    }
    const parsed = schema.safeParse(input);
    if (!parsed.success) {
      const fields = fieldErrors(parsed.error);
      rejected.push(`${channel}: ${JSON.stringify(fields)}`);
      return {
        ok: false,
        error: {
          code: 'invalid_input',
          message: 'Check the highlighted fields: KYC Desk could not accept them as they are.',
          fields,
        },
      };
    }
    const handler = handlers[channel] as ((input: unknown) => unknown) | undefined;
    if (!handler)
      return { ok: false, error: { code: 'not_implemented', message: `No handler for ${channel}.` } };
    try {
      return { ok: true, value: await handler(parsed.data) };
    } catch (error) {
      if (error instanceof Failure) return { ok: false, error: error.error };
      throw error;
    }
  });
  const api = {
    invoke,
    on(event: EventChannel, listener: (payload: unknown) => void) {
      const set = listeners.get(event) ?? new Set();
      set.add(listener);
      listeners.set(event, set);
      return () => set.delete(listener);
    },
  } as unknown as KycDeskApi;
  Object.defineProperty(window, 'kycDesk', { value: api, configurable: true, writable: true });
  return {
    invoke,
    calls: <C extends RequestChannel>(channel: C) =>
      invoke.mock.calls.filter(([c]) => c === channel).map(([, input]) => input as Input<C>),
    emit: (event, payload) => {
      for (const listener of listeners.get(event) ?? []) listener(payload);
    },
    listenerCount: (event) => listeners.get(event)?.size ?? 0,
  };
}

/** A fresh store for each test (the app has one global store). */
export function resetStore(): void {
  cleanup();
  useStore.setState(useStore.getInitialState(), true);
  useStore.getState().resetCaseList();
}

export const SETTINGS: Settings = {
  polling: true,
  theme: 'light',
  shortcuts: true,
  notifications: true,
  autoLockMinutes: 0,
  backupKeep: 7,
  recoveryPromptDismissed: false,
  counterInstructions: DEFAULT_COUNTER_INSTRUCTIONS,
};

export const ONLINE: SyncStatus = {
  state: 'online',
  queued: 0,
  inFlight: 0,
  lastSuccessAt: null,
  offlineSince: null,
  lastError: null,
};

export function workspace(patch: Partial<WorkspaceView> = {}): WorkspaceView {
  return {
    id: 'w1',
    name: 'Retail onboarding',
    environment: 'production',
    clientId: 'client-1',
    setupId: '5d0e4a1c-6a3f-4c55-9b1e-2f9d5a6b7c8d',
    customerBaseUrl: null,
    overrides: null,
    officerName: 'Laura',
    createdAt: 0,
    updatedAt: 0,
    hasSecret: true,
    customerHost: 'idv.ondato.com',
    ...patch,
  };
}

export function caseRow(index: number): CaseSummary {
  return {
    id: `case-${index}`,
    externalRef: `REF-${index}`,
    fullName: `Customer ${index}`,
    attention: { count: 0, worst: null },
    idvStatus: 'Completed',
    kycStatus: 'Approved',
    kycStatusReason: null,
    decision: null,
    createdUtc: '2024-03-05T10:00:00.000Z',
    modifiedUtc: null,
    syncedAt: null,
  };
}
