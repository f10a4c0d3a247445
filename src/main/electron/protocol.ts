import { readFile } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import { protocol, type CustomScheme } from 'electron';
import { RENDERER_CSP } from '../csp';

/**
 * The UI is served from `app://kyc-desk/` instead of file:// (Electron checklist #18): a file:// page
 * can read any other file:// URL, while this origin serves only the built renderer folder, and every
 * response carries the CSP as a real header.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'kyc-desk';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_INDEX_URL = `${APP_ORIGIN}/index.html`;

/**
 * - standard: relative URLs and a real origin (`app://kyc-desk`), so same-origin rules apply.
 * - secure: a secure context, which `navigator.clipboard.writeText` needs (Copy link).
 * - supportFetchAPI: Chromium loads `<script type="module">` through the fetch machinery; the
 *   renderer's own fetch() is still refused by `connect-src 'none'`.
 * - corsEnabled left off: no other origin may read app:// responses. No bypassCSP, no service
 *   workers, no streaming.
 */
export const APP_SCHEME_PRIVILEGES = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true },
} satisfies CustomScheme;

/** Must run before `app` is ready (Electron only reads privileged schemes at startup). */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);
}

/** Only what electron-vite writes into out/renderer; anything else is not served. */
const MIME_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
};

export function mimeTypeOf(path: string): string | null {
  return MIME_TYPES[extname(path).toLowerCase()] ?? null;
}

/** True for a URL on our own origin (parsed, so `app://kyc-desk.evil/` or `app://x@kyc-desk/` fail). */
export function isAppUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return (
    parsed.protocol === `${APP_SCHEME}:` &&
    parsed.host === APP_HOST &&
    parsed.username === '' &&
    parsed.password === ''
  );
}

/**
 * Maps an app:// URL to a file under `root`, or null. The URL parser has already folded `.`/`..`
 * (including `%2e%2e`); each segment is then decoded and refused if it could still climb or escape
 * (`..`, an encoded `/` or `\`, a NUL, a drive letter), and the result must stay under `root`.
 */
export function resolveAppFile(root: string, url: string): string | null {
  if (!isAppUrl(url)) return null;
  const { pathname } = new URL(url);
  const segments: string[] = [];
  for (const raw of pathname.split('/')) {
    if (raw === '') continue;
    let segment: string;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      return null;
    }
    if (segment === '.' || segment === '..' || /[/\\\0:]/.test(segment)) return null;
    segments.push(segment);
  }
  if (segments.length === 0) segments.push('index.html');
  const base = resolve(root);
  const file = resolve(join(base, ...segments));
  return file.startsWith(base + sep) ? file : null;
}

/** Headers on every response, errors included, so no app:// document ever lacks the CSP. */
function headers(contentType: string): Record<string, string> {
  return {
    'Content-Type': contentType,
    'Content-Security-Policy': RENDERER_CSP,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': 'no-store',
  };
}

function status(code: number, text: string): Response {
  return new Response(text, { status: code, headers: headers('text/plain; charset=utf-8') });
}

export type ReadFile = (path: string) => Promise<Uint8Array>;

/** The `protocol.handle('app', …)` handler: GET/HEAD of files under `root`, nothing else. */
export function createAppHandler(
  root: string,
  read: ReadFile = readFile,
): (request: Request) => Promise<Response> {
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return status(405, 'Method not allowed');
    const file = resolveAppFile(root, request.url);
    if (file === null) return status(403, 'Forbidden');
    const type = mimeTypeOf(file);
    if (type === null) return status(404, 'Not found');
    let body: Uint8Array;
    try {
      body = await read(file);
    } catch {
      // Missing file or a directory: the same answer, and no path in it.
      return status(404, 'Not found');
    }
    const payload = request.method === 'HEAD' ? null : new Uint8Array(body);
    return new Response(payload, { status: 200, headers: headers(type) });
  };
}

/** Serves `root` (out/renderer) on app:// in the default session. Call once, after ready. */
export function serveApp(root: string): void {
  protocol.handle(APP_SCHEME, createAppHandler(root));
}
