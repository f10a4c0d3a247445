import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import type { Locator } from 'playwright-core';

/** What a phone camera would read: a screenshot of the element as rendered, decoded by jsQR. */
export async function decodeQrOnScreen(element: Locator): Promise<string | null> {
  const shot = PNG.sync.read(await element.screenshot({ animations: 'disabled' }));
  const code = jsQR(new Uint8ClampedArray(shot.data), shot.width, shot.height, {
    inversionAttempts: 'attemptBoth',
  });
  return code?.data ?? null;
}
