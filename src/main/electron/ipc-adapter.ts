import { ipcMain } from 'electron';
import { COUNTER_PAGE } from '../../shared/domain/counter';
import { requestChannels, type RequestChannel } from '../../shared/ipc/channels';
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

/** A counter-view window and the one case main opened it for (window.ts, counter-window.ts). */
export interface CounterWindowRef extends TrustedWindow {
  caseId: string;
}

/** What a counter window may call, and only for its own case: its view, and leaving it. */
export const COUNTER_WINDOW_CHANNELS: ReadonlySet<RequestChannel> = new Set<RequestChannel>([
  'counter:view',
  'counter:close',
]);

function isCounterPage(url: string): boolean {
  if (!isAppUrl(url)) return false;
  try {
    return new URL(url).pathname === `/${COUNTER_PAGE}`;
  } catch {
    return false;
  }
}

/**
 * The counter window is a second renderer that faces the customer: it may call COUNTER_WINDOW_CHANNELS
 * only, from its top frame showing the counter page, with the case id main opened it for. Anything
 * else it sends is refused like a foreign sender's (ADR 0018).
 */
export function isCounterCall(
  event: InvokeSender,
  channel: RequestChannel,
  input: unknown,
  windows: readonly CounterWindowRef[],
): boolean {
  if (!COUNTER_WINDOW_CHANNELS.has(channel)) return false;
  const frame = event.senderFrame;
  const win = windows.find((w) => !w.isDestroyed() && w.webContents === event.sender);
  if (!win || !frame || frame !== win.webContents.mainFrame || frame.parent !== null) return false;
  if (!isCounterPage(frame.url)) return false;
  const caseId =
    input !== null && typeof input === 'object' ? (input as Record<string, unknown>)['caseId'] : undefined;
  return caseId === win.caseId;
}

/** Registers every contract channel once; each call: sender check → dispatch (schema, handler, envelope). */
export function registerIpc(
  handlers: HandlerMap,
  getWindow: () => TrustedWindow | null,
  log?: DispatchLog,
  counterWindows: () => readonly CounterWindowRef[] = () => [],
): void {
  for (const channel of requestChannels) {
    ipcMain.handle(channel, async (event, input: unknown) => {
      if (!isTrustedSender(event, getWindow()) && !isCounterCall(event, channel, input, counterWindows())) {
        log?.error('ipc call from a foreign sender refused', { channel });
        return FORBIDDEN_SENDER;
      }
      return dispatch(handlers, channel, input, log);
    });
  }
}
