import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { RENDERER_CSP } from '../../../../src/main/csp';

const electron = vi.hoisted(() => ({
  registerSchemesAsPrivileged: vi.fn(),
  handle: vi.fn(),
}));
vi.mock('electron', () => ({ protocol: electron }));

const {
  APP_INDEX_URL,
  APP_SCHEME_PRIVILEGES,
  createAppHandler,
  isAppUrl,
  registerAppScheme,
  resolveAppFile,
  serveApp,
} = await import('../../../../src/main/electron/protocol');

let root: string;
let outside: string;

beforeAll(() => {
  const base = mkdtempSync(join(tmpdir(), 'kyc-desk-protocol-'));
  root = join(base, 'renderer');
  outside = join(base, 'secret.txt');
  mkdirSync(join(root, 'assets'), { recursive: true });
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>KYC Desk</title>');
  writeFileSync(join(root, 'assets', 'index-abc.js'), 'console.log(1)');
  writeFileSync(join(root, 'assets', 'index-abc.css'), 'body{}');
  writeFileSync(join(root, 'assets', 'logo.svg'), '<svg/>');
  writeFileSync(join(root, 'assets', 'notes.txt'), 'not served');
  writeFileSync(outside, 'outside the renderer folder');
});

afterAll(() => rmSync(join(root, '..'), { recursive: true, force: true }));

function get(url: string, method = 'GET'): Promise<Response> {
  return createAppHandler(root)(new Request(url, { method }));
}

describe('app:// scheme', () => {
  it('is registered as standard and secure, without CORS, CSP bypass or service workers', () => {
    registerAppScheme();
    expect(electron.registerSchemesAsPrivileged).toHaveBeenCalledWith([APP_SCHEME_PRIVILEGES]);
    expect(APP_SCHEME_PRIVILEGES).toEqual({
      scheme: 'app',
      privileges: { standard: true, secure: true, supportFetchAPI: true },
    });
  });

  it('serves the renderer folder through protocol.handle', () => {
    serveApp(root);
    expect(electron.handle).toHaveBeenCalledWith('app', expect.any(Function));
    expect(APP_INDEX_URL).toBe('app://kyc-desk/index.html');
  });

  it('recognises only our origin', () => {
    expect(isAppUrl('app://kyc-desk/index.html')).toBe(true);
    expect(isAppUrl('app://kyc-desk')).toBe(true);
    for (const url of [
      'app://kyc-desk.evil/',
      'app://a@kyc-desk/',
      'file:///index.html',
      'https://kyc-desk/',
      'nope',
    ]) {
      expect(isAppUrl(url)).toBe(false);
    }
  });
});

describe('app:// handler', () => {
  it.each([
    ['app://kyc-desk/index.html', 'text/html; charset=utf-8'],
    ['app://kyc-desk/', 'text/html; charset=utf-8'],
    ['app://kyc-desk/assets/index-abc.js', 'text/javascript; charset=utf-8'],
    ['app://kyc-desk/assets/index-abc.css', 'text/css; charset=utf-8'],
    ['app://kyc-desk/assets/logo.svg', 'image/svg+xml'],
  ])('serves %s as %s with the CSP header', async (url, type) => {
    const response = await get(url);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(type);
    expect(response.headers.get('content-security-policy')).toBe(RENDERER_CSP);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('answers HEAD without a body', async () => {
    const response = await get('app://kyc-desk/index.html', 'HEAD');
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('');
  });

  it('refuses methods other than GET and HEAD', async () => {
    expect((await get('app://kyc-desk/index.html', 'POST')).status).toBe(405);
  });

  it.each([
    'app://kyc-desk/../../etc/passwd',
    'app://kyc-desk/%2e%2e/%2e%2e/etc/passwd',
    'app://kyc-desk/..%2f..%2fetc%2fpasswd',
    'app://kyc-desk/..%2F..%2Fsecret.txt',
    'app://kyc-desk/%2e%2e%2fsecret.txt',
    'app://kyc-desk/..%5c..%5csecret.txt',
    'app://kyc-desk/assets/%2e%2e/%2e%2e/secret.txt',
    'app://kyc-desk/%252e%252e/secret.txt',
    'app://kyc-desk/index.html%00.js',
    'app://kyc-desk/C:%5cWindows%5cwin.ini',
    'app://kyc-desk/%E0%A4%A',
  ])('never serves a file outside the renderer folder: %s', async (url) => {
    const response = await get(url);
    expect(response.status).not.toBe(200);
    expect(await response.text()).not.toContain('outside the renderer folder');
    expect(response.headers.get('content-security-policy')).toBe(RENDERER_CSP);
  });

  it('refuses other hosts and schemes', async () => {
    expect((await get('app://other/index.html')).status).toBe(403);
    expect(resolveAppFile(root, 'file:///etc/passwd')).toBeNull();
  });

  it('answers 404 for missing files, directories and types it does not serve', async () => {
    expect((await get('app://kyc-desk/missing.js')).status).toBe(404);
    expect((await get('app://kyc-desk/assets')).status).toBe(404);
    expect((await get('app://kyc-desk/assets/notes.txt')).status).toBe(404);
  });

  it('maps a URL to a path under the root only', () => {
    expect(resolveAppFile(root, 'app://kyc-desk/assets/index-abc.js')).toBe(
      join(root, 'assets', 'index-abc.js'),
    );
    expect(resolveAppFile(root, 'app://kyc-desk/')).toBe(join(root, 'index.html'));
    expect(resolveAppFile(root, 'app://kyc-desk/a%20b.js')).toBe(join(root, 'a b.js'));
  });
});
