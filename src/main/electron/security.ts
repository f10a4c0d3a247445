import type { App, Session, WebContents } from 'electron';
import { RENDERER_CSP } from '../csp';
import { isLoopbackHost } from '../ondato';
import { isAppUrl } from './protocol';

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

/**
 * No renderer may download anything: "Save QR as PNG" is written by main through its own save dialog
 * (and audited), so every `will-download` is cancelled — a link to a remote file, a blob the page
 * made, anything.
 */
export function refuseDownload(event: { preventDefault(): void }): void {
  event.preventDefault();
}

const NETWORK_URLS = ['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*'];

/**
 * Session-wide rules (#5, #7): permission requests and checks denied except the clipboard write from
 * our origin, device access denied, the CSP added to any response, no network from any renderer
 * (main's Ondato client uses Node's HTTP, not this session), and no downloads at all.
 */
export function guardSession(ses: Session): void {
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
  ses.on('will-download', (event) => refuseDownload(event));
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
