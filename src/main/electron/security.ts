import { basename, join } from 'node:path';
import type { App, DownloadItem, Session, WebContents } from 'electron';
import { RENDERER_CSP } from '../csp';
import { isLoopbackHost } from '../ondato';
import { APP_ORIGIN, isAppUrl } from './protocol';

/** The only permission the UI uses: navigator.clipboard.writeText for "Copy link". */
export const ALLOWED_PERMISSION = 'clipboard-sanitized-write';

/** `requestingUrl` may be a page URL or a bare origin (`app://kyc-desk`); both parse as ours. */
export function allowPermission(permission: string, requestingUrl: string): boolean {
  return permission === ALLOWED_PERMISSION && isAppUrl(requestingUrl);
}

/**
 * Denies everything a compromised or confused renderer could use to leave the app: navigation of
 * any frame (#13), new windows (#14), <webview> (#11, #12). The app is one page; it never navigates.
 */
export function guardContents(contents: WebContents): void {
  contents.on('will-navigate', (event) => event.preventDefault());
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-frame-navigate', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

/** Applies guardContents to every webContents the app ever creates (windows, frames, devtools…). */
export function guardAllContents(app: App): void {
  app.on('web-contents-created', (_event, contents) => guardContents(contents));
}

const MAX_QR_BYTES = 1024 * 1024;

/** A safe default file name: the renderer's suggestion without any path, always ending in .png. */
export function qrFileName(suggested: string): string {
  const name = basename(suggested.replace(/\\/g, '/')).replace(/[^\w.\- ]/g, '_');
  return /\.png$/i.test(name) && name.length > 4 ? name : 'qr-code.png';
}

/**
 * The only download is "Save QR as PNG": a blob: URL the page made from main's PNG bytes. It is let
 * through with a save dialog limited to .png; anything else (a link to a remote file, another type,
 * something large) is cancelled.
 */
export function isQrDownload(item: Pick<DownloadItem, 'getURL' | 'getMimeType' | 'getTotalBytes'>): boolean {
  const url = item.getURL();
  return (
    url.startsWith(`blob:${APP_ORIGIN}/`) &&
    item.getMimeType() === 'image/png' &&
    item.getTotalBytes() <= MAX_QR_BYTES
  );
}

export function handleDownload(
  event: { preventDefault(): void },
  item: Pick<
    DownloadItem,
    'getURL' | 'getMimeType' | 'getTotalBytes' | 'getFilename' | 'setSaveDialogOptions'
  >,
  downloadsDir: string,
): void {
  if (!isQrDownload(item)) {
    event.preventDefault();
    return;
  }
  item.setSaveDialogOptions({
    title: 'Save QR code',
    defaultPath: join(downloadsDir, qrFileName(item.getFilename())),
    filters: [{ name: 'PNG image', extensions: ['png'] }],
    properties: ['createDirectory', 'showOverwriteConfirmation'],
  });
}

const NETWORK_URLS = ['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*'];

/**
 * Session-wide rules (#5, #7): permission requests and checks denied except the clipboard write from
 * our origin, device access denied, the CSP added to any response, no network from any renderer
 * (main's Ondato client uses Node's HTTP, not this session), and the QR download only.
 */
export function guardSession(ses: Session, downloadsDir: () => string): void {
  ses.setPermissionRequestHandler((_contents, permission, callback, details) => {
    callback(allowPermission(permission, details.requestingUrl));
  });
  ses.setPermissionCheckHandler((_contents, permission, requestingOrigin) =>
    allowPermission(permission, requestingOrigin),
  );
  ses.setDevicePermissionHandler(() => false);
  ses.webRequest.onBeforeRequest({ urls: NETWORK_URLS }, (_details, callback) => {
    callback({ cancel: true });
  });
  ses.webRequest.onHeadersReceived((details, callback) => {
    callback({
      responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [RENDERER_CSP] },
    });
  });
  ses.on('will-download', (event, item) => handleDownload(event, item, downloadsDir()));
}

/**
 * The last gate before shell.openExternal (#15). The link service already allows only the
 * workspace's customer origin (services/links.ts, assertOpenable); this refuses anything that is not
 * a plain web link even if a future caller forgets that check: https, or http on loopback (the demo
 * simulator), no credentials. Never file:, smb:, a custom handler or a shell command.
 */
export function isAllowedExternal(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.username !== '' || parsed.password !== '') return false;
  if (parsed.protocol === 'https:') return true;
  return parsed.protocol === 'http:' && isLoopbackHost(parsed.hostname);
}
