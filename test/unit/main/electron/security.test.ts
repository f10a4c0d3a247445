import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import { RENDERER_CSP } from '../../../../src/main/csp';
import {
  ALLOWED_PERMISSION,
  allowPermission,
  guardAllContents,
  guardContents,
  guardSession,
  isAllowedExternal,
  refuseDownload,
} from '../../../../src/main/electron/security';

vi.mock('electron', () => ({}));

// Fakes stand in for Electron objects (the binary is not loaded in unit tests): the cast is the
// seam, and each fake implements exactly what the code under test calls.
const asElectron = <T>(fake: object): T => fake as T;

/** A webContents stand-in: records listeners, and the window-open handler. */
class FakeContents extends EventEmitter {
  openHandler: ((details: { url: string }) => { action: string }) | null = null;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    this.openHandler = handler;
  }
}

function prevented(contents: FakeContents, event: string, ...args: unknown[]): boolean {
  const e = {
    defaultPrevented: false,
    preventDefault() {
      this.defaultPrevented = true;
    },
  };
  contents.emit(event, e, ...args);
  return e.defaultPrevented;
}

describe('contents guard', () => {
  const guarded = (): FakeContents => {
    const contents = new FakeContents();
    guardContents(asElectron(contents));
    return contents;
  };

  it.each(['will-navigate', 'will-redirect', 'will-frame-navigate', 'will-attach-webview'])(
    'prevents %s',
    (event) => {
      expect(prevented(guarded(), event, 'https://evil.example/')).toBe(true);
    },
  );

  it('denies every new window, whatever the URL', () => {
    const contents = guarded();
    for (const url of ['https://evil.example/', 'app://kyc-desk/index.html', 'file:///etc/passwd']) {
      expect(contents.openHandler?.({ url })).toEqual({ action: 'deny' });
    }
  });

  it('guards every webContents the app creates (web-contents-created)', () => {
    const app = new EventEmitter();
    guardAllContents(asElectron(app));
    const contents = new FakeContents();
    app.emit('web-contents-created', {}, contents);
    expect(prevented(contents, 'will-navigate', 'https://evil.example/')).toBe(true);
    expect(contents.openHandler?.({ url: 'https://x/' })).toEqual({ action: 'deny' });
  });
});

describe('permissions', () => {
  it('allow only clipboard-sanitized-write, and only from app://kyc-desk', () => {
    expect(ALLOWED_PERMISSION).toBe('clipboard-sanitized-write');
    expect(allowPermission('clipboard-sanitized-write', 'app://kyc-desk/index.html')).toBe(true);
    expect(allowPermission('clipboard-sanitized-write', 'app://kyc-desk')).toBe(true);
    expect(allowPermission('clipboard-sanitized-write', 'https://evil.example/')).toBe(false);
    for (const permission of [
      'clipboard-read',
      'media',
      'geolocation',
      'notifications',
      'openExternal',
      'hid',
    ]) {
      expect(allowPermission(permission, 'app://kyc-desk/index.html'), permission).toBe(false);
    }
  });

  it('are enforced by the session’s request, check and device handlers; the CSP and network block too', () => {
    type Req = (
      wc: unknown,
      permission: string,
      cb: (granted: boolean) => void,
      details: { requestingUrl: string },
    ) => void;
    type Check = (wc: unknown, permission: string, origin: string) => boolean;
    const hooks: { request?: Req; check?: Check; device?: () => boolean } = {};
    const headers = vi.fn();
    const before = vi.fn();
    const ses = Object.assign(new EventEmitter(), {
      setPermissionRequestHandler: (h: Req) => (hooks.request = h),
      setPermissionCheckHandler: (h: Check) => (hooks.check = h),
      setDevicePermissionHandler: (h: () => boolean) => (hooks.device = h),
      webRequest: { onHeadersReceived: headers, onBeforeRequest: before },
    });
    guardSession(asElectron(ses));

    const granted: boolean[] = [];
    hooks.request?.({}, 'media', (g) => granted.push(g), { requestingUrl: 'app://kyc-desk/index.html' });
    hooks.request?.({}, 'clipboard-sanitized-write', (g) => granted.push(g), {
      requestingUrl: 'app://kyc-desk/index.html',
    });
    expect(granted).toEqual([false, true]);
    expect(hooks.check?.({}, 'clipboard-read', 'app://kyc-desk')).toBe(false);
    expect(hooks.check?.({}, 'clipboard-sanitized-write', 'app://kyc-desk')).toBe(true);
    expect(hooks.device?.()).toBe(false);

    const [filter, cancel] = before.mock.calls[0] ?? [];
    expect(filter).toEqual({ urls: ['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*'] });
    const cancelled = vi.fn();
    cancel({ url: 'https://evil.example/' }, cancelled);
    expect(cancelled).toHaveBeenCalledWith({ cancel: true });

    const [addCsp] = headers.mock.calls[0] ?? [];
    const done = vi.fn();
    addCsp({ responseHeaders: { 'X-Other': ['1'] } }, done);
    expect(done).toHaveBeenCalledWith({
      responseHeaders: { 'X-Other': ['1'], 'Content-Security-Policy': [RENDERER_CSP] },
    });
    expect(ses.listenerCount('will-download')).toBe(1);
  });
});

describe('downloads', () => {
  it('cancels every download, even a PNG the page made (main saves the QR itself)', () => {
    for (const url of [
      'blob:app://kyc-desk/3f1c-uuid',
      'https://evil.example/payload.png',
      'file:///etc/passwd',
    ]) {
      const e = { preventDefault: vi.fn() };
      refuseDownload(e);
      expect(e.preventDefault, url).toHaveBeenCalled();
    }
  });
});

describe('openExternal gate', () => {
  it('allows https and loopback http (the demo simulator) only', () => {
    expect(isAllowedExternal('https://idv.ondato.com/?id=1')).toBe(true);
    expect(isAllowedExternal('http://127.0.0.1:4010/?id=1')).toBe(true);
    expect(isAllowedExternal('http://localhost:4010/?id=1')).toBe(true);
    for (const url of [
      'http://idv.ondato.com/?id=1',
      'file:///etc/passwd',
      'smb://attacker/share',
      'javascript:alert(1)',
      'ms-msdt:/id PCWDiagnostic',
      'https://user:pass@idv.ondato.com/',
      'not a url',
    ]) {
      expect(isAllowedExternal(url), url).toBe(false);
    }
  });
});
