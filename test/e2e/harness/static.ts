import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { RENDERER_CSP } from '../../../src/main/csp';

/**
 * The app's CSP with one change: `connect-src 'self'`. In Electron the renderer reaches main through
 * IPC and needs no network at all (`connect-src 'none'`); in the harness the same API is carried by
 * fetch() and EventSource to this very origin, which connect-src governs. Nothing else is loosened, so
 * a page that works here obeys the app's policy everywhere else (scripts, styles, images, frames).
 */
export const HARNESS_CSP = RENDERER_CSP.replace("connect-src 'none'", "connect-src 'self'");

const META_CSP = HARNESS_CSP.split('; ')
  .filter((directive) => !directive.startsWith('frame-ancestors'))
  .join('; ');

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.map': 'application/json',
};

export const BRIDGE_PATH = '/__harness/bridge.js';

/**
 * index.html as the app would load it, plus the bridge script before the first script (the app's
 * module script must find `window.kycDesk`), and the meta CSP replaced by the harness's: a meta policy
 * is enforced on top of the header, and the built one says `connect-src 'none'`.
 */
export function injectBridge(html: string): string {
  const tag = `<script src="${BRIDGE_PATH}"></script>`;
  const withCsp = html.replace(
    /(<meta\s+http-equiv="Content-Security-Policy"\s+content=")[^"]*(")/i,
    // frame-ancestors is header-only: browsers warn about it in a meta policy.
    (_match, start: string, end: string) => `${start}${META_CSP}${end}`,
  );
  const at = withCsp.search(/<script\b/i);
  if (at >= 0) return `${withCsp.slice(0, at)}${tag}\n    ${withCsp.slice(at)}`;
  return withCsp.replace(/<\/head>/i, `  ${tag}\n  </head>`);
}

export interface StaticFile {
  type: string;
  body: Buffer;
}

/** A file under `root`, or null (missing, a directory, or a path that tries to leave the root). */
export async function readStatic(root: string, urlPath: string): Promise<StaticFile | null> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const base = resolve(root);
  const target = resolve(join(base, normalize(decoded)));
  if (target !== base && !target.startsWith(base + sep)) return null;
  try {
    if (!(await stat(target)).isFile()) return null;
    const body = await readFile(target);
    if (extname(target) === '.html')
      return { type: TYPES['.html']!, body: Buffer.from(injectBridge(body.toString('utf8'))) };
    return { type: TYPES[extname(target).toLowerCase()] ?? 'application/octet-stream', body };
  } catch {
    return null;
  }
}
