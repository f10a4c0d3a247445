/**
 * The renderer's Content-Security-Policy, sent as a header on every `app://` response (protocol.ts)
 * and shared with the test harness, so both enforce the same policy.
 *
 * - Code only from the app itself: no remote, inline or eval'd script, no plugins, no workers.
 * - No network at all (`connect-src 'none'`): the renderer reaches main only through the preload's
 *   IPC bridge, so an injected script has nowhere to send case data.
 * - Images only from the app and from blob: URLs the renderer makes from bytes main sent it (document
 *   images, QR codes). No `data:`: nothing in the UI uses it (checked in the built bundle), and it
 *   would let injected markup smuggle images in.
 * - No frames, forms, <base> or being framed.
 */
export const RENDERER_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' blob:",
  "font-src 'self'",
  "connect-src 'none'",
  "media-src 'none'",
  "object-src 'none'",
  "frame-src 'none'",
  "child-src 'none'",
  "worker-src 'none'",
  "manifest-src 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
].join('; ');
