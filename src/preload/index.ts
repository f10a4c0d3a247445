import { contextBridge, ipcRenderer } from 'electron';
import { isEventChannel, isRequestChannel } from '../shared/ipc/channels';
import type { KycDeskApi } from '../shared/ipc/api';

// The renderer gets two functions and nothing else: never ipcRenderer, never an event object.
const api: KycDeskApi = {
  invoke(channel, input) {
    if (!isRequestChannel(channel)) {
      return Promise.resolve({ ok: false, error: { code: 'unknown_channel', message: 'Unknown request.' } });
    }
    return ipcRenderer.invoke(channel, input);
  },
  on(event, listener) {
    if (!isEventChannel(event)) return () => undefined;
    const wrapped = (_event: unknown, payload: Parameters<typeof listener>[0]): void => listener(payload);
    ipcRenderer.on(event, wrapped);
    return () => ipcRenderer.removeListener(event, wrapped);
  },
};

contextBridge.exposeInMainWorld('kycDesk', api);
