import { ipcMain } from 'electron';
import { requestChannels } from '../../shared/ipc/channels';
import type { IpcResult } from '../../shared/ipc/result';
import { dispatch, type DispatchLog, type HandlerMap } from '../ipc/handle';
import { isAppUrl } from './protocol';

export const FORBIDDEN_SENDER: IpcResult<never> = {
  ok: false,
  error: { code: 'forbidden_sender', message: 'This window may not call KYC Desk.' },
};

/** The parts of an invoke event and of a BrowserWindow the check reads (structural, for tests). */
export interface InvokeSender {
  sender: unknown;
  senderFrame: { url: string; parent: unknown } | null;
}
export interface TrustedWindow {
  isDestroyed(): boolean;
  webContents: { mainFrame: unknown };
}

/**
 * Checklist #17: only our own window's top frame, showing our own origin, may call main. Another
 * webContents (devtools, a window that slipped through), a subframe, or our window after it was
 * somehow navigated elsewhere is refused before the input is even parsed.
 */
export function isTrustedSender(event: InvokeSender, win: TrustedWindow | null): boolean {
  if (!win || win.isDestroyed()) return false;
  const frame = event.senderFrame;
  if (event.sender !== win.webContents || !frame) return false;
  return frame === win.webContents.mainFrame && frame.parent === null && isAppUrl(frame.url);
}

/** Registers every contract channel once; each call: sender check → dispatch (schema, handler, envelope). */
export function registerIpc(
  handlers: HandlerMap,
  getWindow: () => TrustedWindow | null,
  log?: DispatchLog,
): void {
  for (const channel of requestChannels) {
    ipcMain.handle(channel, async (event, input: unknown) => {
      if (!isTrustedSender(event, getWindow())) {
        log?.error('ipc call from a foreign sender refused', { channel });
        return FORBIDDEN_SENDER;
      }
      return dispatch(handlers, channel, input, log);
    });
  }
}
