import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { KycDeskApi } from '../../../../src/shared/ipc/api';

type RendererListener = (event: unknown, payload: unknown) => void;
const state = vi.hoisted(() => ({
  exposed: new Map<string, unknown>(),
  listeners: new Map<string, RendererListener[]>(),
  invoke: vi.fn(async (..._args: unknown[]) => ({ ok: true, value: 'from main' })),
}));

vi.mock('electron', () => ({
  contextBridge: {
    exposeInMainWorld: (key: string, api: unknown) => state.exposed.set(key, api),
  },
  ipcRenderer: {
    invoke: state.invoke,
    on: (channel: string, listener: RendererListener) => {
      state.listeners.set(channel, [...(state.listeners.get(channel) ?? []), listener]);
    },
    removeListener: (channel: string, listener: RendererListener) => {
      state.listeners.set(
        channel,
        (state.listeners.get(channel) ?? []).filter((l) => l !== listener),
      );
    },
  },
}));

await import('../../../../src/preload/index');

function isApi(value: unknown): value is KycDeskApi {
  return typeof value === 'object' && value !== null && 'invoke' in value && 'on' in value;
}
const exposed = state.exposed.get('kycDesk');
if (!isApi(exposed)) throw new Error('window.kycDesk was not exposed');
const api: KycDeskApi = exposed;

beforeEach(() => state.invoke.mockClear());

describe('preload bridge', () => {
  it('exposes window.kycDesk with invoke and on, and nothing else (never ipcRenderer)', () => {
    expect([...state.exposed.keys()]).toEqual(['kycDesk']);
    expect(Object.keys(api).sort()).toEqual(['invoke', 'on']);
  });

  it('forwards a contract channel to ipcRenderer.invoke with the input', async () => {
    await expect(api.invoke('cases:get', { caseId: 'c1' })).resolves.toEqual({
      ok: true,
      value: 'from main',
    });
    expect(state.invoke).toHaveBeenCalledWith('cases:get', { caseId: 'c1' });
  });

  it('refuses a channel outside the contract without reaching main', async () => {
    // A compromised renderer is not bound by the types: call with a name outside the contract.
    const invoke: unknown = Reflect.get(api, 'invoke');
    if (typeof invoke !== 'function') throw new Error('no invoke');
    await expect(invoke('fs:read', '/etc/passwd')).resolves.toMatchObject({
      ok: false,
      error: { code: 'unknown_channel' },
    });
    expect(state.invoke).not.toHaveBeenCalled();
  });

  it('hands a listener the payload only, never the IPC event, and unsubscribes', () => {
    const seen: unknown[][] = [];
    const off = api.on('cases:changed', (...args: unknown[]) => void seen.push(args));
    const [wrapped] = state.listeners.get('cases:changed') ?? [];
    wrapped?.({ sender: 'ipcRenderer event', ports: [] }, { ids: ['c1'] });
    expect(seen).toEqual([[{ ids: ['c1'] }]]);
    off();
    expect(state.listeners.get('cases:changed')).toEqual([]);
  });

  it('ignores subscriptions to events outside the contract', () => {
    const on: unknown = Reflect.get(api, 'on');
    if (typeof on !== 'function') throw new Error('no on');
    const off: unknown = on('ipc:raw', () => undefined);
    if (typeof off !== 'function') throw new Error('no unsubscribe');
    expect(state.listeners.has('ipc:raw')).toBe(false);
    expect(off()).toBeUndefined();
  });

  it('lets the renderer subscribe to app:navigate (menu shortcuts)', () => {
    const off = api.on('app:navigate', () => undefined);
    expect(state.listeners.get('app:navigate')).toHaveLength(1);
    off();
  });
});
