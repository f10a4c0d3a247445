import { waitFor } from '@testing-library/react';
import type { AuditEvent } from '../../../../src/shared/domain/audit';
import type { DecisionRecord } from '../../../../src/shared/domain/decision';
import type { JsonObject } from '../../../../src/shared/domain/json';
import type { CaseView, SyncStatus } from '../../../../src/shared/domain/views';
import type { KycDeskApi } from '../../../../src/shared/ipc/api';
import type { EventChannel, RequestChannel } from '../../../../src/shared/ipc/channels';
import type { EventPayload, Input, Output } from '../../../../src/shared/ipc/contract';
import type { IpcError, IpcResult } from '../../../../src/shared/ipc/result';

/*
 * A test double for `window.kycDesk`, the preload bridge: the Electron boundary. Handlers answer per
 * channel (a value, a promise, or `failure(...)`); every call is recorded; events are pushed by `emit`.
 */

export class Failure {
  constructor(readonly error: IpcError) {}
}

export function failure(code: string, message: string, fields?: Record<string, string[]>): Failure {
  return new Failure({ code, message, ...(fields ? { fields } : {}) });
}

type Handler<C extends RequestChannel> = (
  input: Input<C>,
) => Output<C> | Failure | Promise<Output<C> | Failure>;
export type Handlers = { [C in RequestChannel]?: Handler<C> };

export interface FakeBridge extends KycDeskApi {
  calls: { channel: RequestChannel; input: unknown }[];
  handlers: Handlers;
  emit<E extends EventChannel>(event: E, payload: EventPayload<E>): void;
  listeners(event: EventChannel): number;
  callsTo(channel: RequestChannel): unknown[];
}

export function fakeBridge(handlers: Handlers = {}): FakeBridge {
  const listeners = new Map<EventChannel, Set<(payload: never) => void>>();
  const bridge: FakeBridge = {
    calls: [],
    handlers,
    async invoke<C extends RequestChannel>(channel: C, input: Input<C>): Promise<IpcResult<Output<C>>> {
      bridge.calls.push({ channel, input });
      const handler = bridge.handlers[channel] as Handler<C> | undefined;
      if (!handler)
        return { ok: false, error: { code: 'not_handled', message: `No test handler for ${channel}.` } };
      const value = await handler(input);
      if (value instanceof Failure) return { ok: false, error: value.error };
      return { ok: true, value };
    },
    on<E extends EventChannel>(event: E, listener: (payload: EventPayload<E>) => void): () => void {
      const set = listeners.get(event) ?? new Set();
      listeners.set(event, set);
      set.add(listener as (payload: never) => void);
      return () => set.delete(listener as (payload: never) => void);
    },
    emit(event, payload) {
      for (const listener of listeners.get(event) ?? []) (listener as (p: typeof payload) => void)(payload);
    },
    listeners(event) {
      return listeners.get(event)?.size ?? 0;
    },
    callsTo(channel) {
      return bridge.calls.filter((c) => c.channel === channel).map((c) => c.input);
    },
  };
  return bridge;
}

/** A promise with its resolve exposed, to control the order answers arrive in. */
export function deferred<T>(): { promise: Promise<T>; resolve: (value: T) => void } {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

export const NOW = Date.UTC(2025, 5, 15, 10, 0, 0);

export function kycPayload(document: JsonObject | null, extra: JsonObject = {}): JsonObject {
  return {
    id: 'kyc-1',
    status: 'Awaiting',
    statusReason: 'Processing',
    isCrossChecked: false,
    ...(document ? { document } : {}),
    rules: [
      { name: 'DocumentNotExpired', status: 'Success' },
      {
        name: 'SelfieAndDocumentFacesMatch',
        status: 'Fail',
        reason: 'The selfie does not match the document photo.',
      },
    ],
    ...extra,
  };
}

export const DOCUMENT: JsonObject = {
  fullName: 'Rūta Žemaitė',
  firstName: 'Rūta',
  middleName: null,
  lastName: 'Žemaitė',
  dateOfBirth: '1990-05-17',
  personalCode: '49005171234',
  documentNumber: 'LT1234567',
  dateOfIssue: '2020-01-10',
  dateOfExpiration: '2030-01-10',
  nationalityIso3: 'LTU',
  countryIso3: 'LTU',
  type: 'IdCard',
  mrzVerified: true,
  files: [],
  ocrValidations: [
    { key: 'FirstName', isValid: true },
    { key: 'DateOfBirth', isValid: false },
  ],
};

export function caseView(overrides: Partial<CaseView> = {}): CaseView {
  return {
    id: 'case-1',
    workspaceId: 'ws-1',
    externalRef: 'CUST-42',
    fullName: 'Ruta Zemaite',
    attention: { count: 0, worst: null },
    idvStatus: 'Completed',
    kycStatus: 'Awaiting',
    kycStatusReason: 'Processing',
    decision: null,
    createdUtc: '2025-06-15T09:00:00.000Z',
    modifiedUtc: '2025-06-15T09:30:00.000Z',
    syncedAt: NOW - 60_000,
    setupId: 'setup-1',
    personalCode: '49005171234',
    kycId: 'kyc-1',
    registration: {
      firstName: 'Ruta',
      lastName: 'Zemaite',
      dateOfBirth: '1990-05-17',
      personalCode: '49005171234',
      countryCode: 'LT',
    },
    idv: { id: 'case-1', status: 'Completed' },
    kyc: {
      id: 'kyc-1',
      status: 'Awaiting',
      statusReason: 'Processing',
      isCrossChecked: false,
      payload: kycPayload(DOCUMENT),
      files: [
        {
          fileId: 'file-front',
          part: 'Front',
          fileType: 'DocumentPhoto',
          fileName: 'front.jpeg',
          extension: 'jpeg',
          createdUtc: null,
          cached: true,
        },
        {
          fileId: 'file-selfie',
          part: 'Selfie',
          fileType: 'FacePhoto',
          fileName: 'face.png',
          extension: 'png',
          createdUtc: null,
          cached: true,
        },
      ],
      syncedAt: NOW - 60_000,
    },
    latestDecision: null,
    decidedAt: null,
    customerUrl: 'https://idv.example.test/?id=case-1',
    syncErrors: [],
    ...overrides,
  };
}

export function decision(overrides: Partial<DecisionRecord> = {}): DecisionRecord {
  return {
    id: 1,
    caseId: 'case-1',
    workspaceId: 'ws-1',
    decision: 'accept',
    reasonCode: 'verified',
    note: null,
    officerName: 'Asta Officer',
    osUser: 'asta',
    decidedAt: NOW - 3_600_000,
    supersedesId: null,
    riskFlags: [],
    overriddenFlags: [],
    ...overrides,
  };
}

export function auditEvent(overrides: Partial<AuditEvent> = {}): AuditEvent {
  return {
    seq: 1,
    workspaceId: 'ws-1',
    caseId: 'case-1',
    at: NOW - 7_200_000,
    osUser: 'asta',
    officerName: 'Asta Officer',
    action: 'case.created',
    details: {},
    prevHash: '0',
    hash: '1',
    macVersion: 2,
    ...overrides,
  };
}

export const ONLINE: SyncStatus = {
  state: 'online',
  queued: 0,
  inFlight: 0,
  lastSuccessAt: NOW,
  offlineSince: null,
  lastError: null,
};

/** A tiny valid PNG (1×1), as main would send it. */
export const PNG_BYTES = new Uint8Array([
  137, 80, 78, 71, 13, 10, 26, 10, 0, 0, 0, 13, 73, 72, 68, 82, 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0, 31, 21,
  196, 137, 0, 0, 0, 13, 73, 68, 65, 84, 120, 156, 99, 248, 15, 4, 0, 9, 251, 3, 253, 227, 85, 242, 156, 0, 0,
  0, 0, 73, 69, 78, 68, 174, 66, 96, 130,
]);

/** Handlers for a case that exists and loads cleanly. */
export function caseHandlers(view: CaseView = caseView()): Handlers {
  return {
    'cases:viewing': () => undefined,
    'cases:get': () => view,
    'cases:refresh': () => view,
    'review:decisions': () => [],
    'audit:list': () => [auditEvent()],
    'cases:image': () => ({ mime: 'image/png', bytes: PNG_BYTES }),
    'sync:status': () => ONLINE,
    'link:qr': () => failure('not_handled', 'No QR in tests.'),
  };
}

/**
 * Waits for the side panels: the workspace renders the document pane first and its side panels a
 * render later (ReviewWorkspace), so their content is there once this resolves.
 */
export async function panelsShown(): Promise<void> {
  await waitFor(() => {
    const scroll = document.querySelector('.rv-data-scroll');
    if (!scroll || scroll.hasAttribute('aria-busy')) throw new Error('The side panels are not shown yet.');
  });
}
