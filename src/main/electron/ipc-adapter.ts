import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import { requestChannels } from '../../shared/ipc/channels';
import { dispatch, type DispatchLog, type HandlerMap } from '../ipc/handle';

/** Only our own window's top frame may call main. */
function isTrustedSender(event: IpcMainInvokeEvent, win: BrowserWindow): boolean {
  const frame = event.senderFrame;
  return event.sender === win.webContents && frame !== null && frame === win.webContents.mainFrame;
}

export function registerIpc(
  handlers: HandlerMap,
  getWindow: () => BrowserWindow | null,
  log?: DispatchLog,
): void {
  for (const channel of requestChannels) {
    ipcMain.handle(channel, async (event, input: unknown) => {
      const win = getWindow();
      if (!win || !isTrustedSender(event, win)) {
        return {
          ok: false,
          error: { code: 'forbidden_sender', message: 'This window may not call KYC Desk.' },
        };
      }
      return dispatch(handlers, channel, input, log);
    });
  }
}
