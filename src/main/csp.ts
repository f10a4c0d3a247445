/**
 * The renderer's Content-Security-Policy: code only from the app itself, no network at all
 * (`connect-src 'none'`), images only from the app and from blob: URLs that the renderer makes from
 * bytes main sent it. Shared by the window (header) and the harness, so both enforce the same policy.
 */
export const RENDERER_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' blob: data:",
  "font-src 'self'",
  "connect-src 'none'",
  "media-src 'none'",
  "object-src 'none'",
  "frame-src 'none'",
  "worker-src 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
].join('; ');
