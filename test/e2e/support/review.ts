import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { ARTIFACTS, ipc, simControl, simulatorOf, type AppSession } from './app';

/* Helpers of the review workspace journeys (test/e2e/review-*.test.ts). */

export const SHOTS = join(ARTIFACTS, 'review-workspace');

/** The window as the officer sees it, in the light and the dark theme. */
export async function shot(page: Page, name: string): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  for (const theme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: theme });
    await expect.poll(() => page.evaluate('document.documentElement.dataset.theme')).toBe(theme);
    await page.screenshot({
      path: join(SHOTS, `${name}-${theme}.png`),
      animations: 'disabled',
      caret: 'hide',
    });
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

/** A customer who finished the flow at the simulator, with a surname that differs on the document. */
export async function completedCase(
  session: AppSession,
  person: { firstName: string; lastName: string },
  mismatch?: string,
): Promise<{ id: string; sim: string }> {
  const created = await ipc(session.harness, 'cases:create', {
    ...person,
    dateOfBirth: '1988-02-14',
    countryCode: 'LT',
  });
  const sim = simulatorOf(created.customerUrl);
  if (mismatch) await simControl(sim, 'POST', `/__sim/idv/${created.id}/mismatch`, { lastName: mismatch });
  await simControl(sim, 'POST', `/__sim/idv/${created.id}/advance`, { to: 'complete' });
  return { id: created.id, sim };
}

export interface Box {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

/** Where an element is on screen, read in the page. */
export async function rectOf(locator: Locator): Promise<Box> {
  return locator.evaluate((element) => {
    const r = (element as unknown as { getBoundingClientRect(): Box }).getBoundingClientRect();
    return { top: r.top, bottom: r.bottom, left: r.left, right: r.right };
  });
}

export async function inViewport(page: Page, locator: Locator): Promise<boolean> {
  const r = await rectOf(locator);
  const size = page.viewportSize()!;
  return r.top >= 0 && r.left >= 0 && r.bottom <= size.height && r.right <= size.width && r.bottom > r.top;
}

/** Neither the document nor the app's main area scrolls: everything fits the window. */
export async function pageScroll(page: Page): Promise<{ document: number; main: number; inner: number }> {
  return (await page.evaluate(`(() => {
    const main = document.querySelector('main');
    return {
      document: document.scrollingElement.scrollHeight,
      main: main.scrollHeight - main.clientHeight,
      inner: window.innerHeight,
    };
  })()`)) as { document: number; main: number; inner: number };
}

/** The width the image actually paints (object-fit: contain leaves bands beside a narrow picture). */
export async function paintedWidth(image: Locator): Promise<number> {
  return image.evaluate((element) => {
    const img = element as unknown as {
      naturalWidth: number;
      naturalHeight: number;
      getBoundingClientRect(): Box & { width: number; height: number };
    };
    const box = img.getBoundingClientRect();
    if (!img.naturalWidth || !img.naturalHeight) return 0;
    return Math.min(box.width, (box.height * img.naturalWidth) / img.naturalHeight);
  });
}

export async function imageDecoded(page: Page, name: string): Promise<Locator> {
  const image = page.getByRole('img', { name, exact: true });
  await image.waitFor();
  await expect
    .poll(() => image.evaluate((el) => (el as unknown as { naturalWidth: number }).naturalWidth), {
      timeout: 45_000,
    })
    .toBeGreaterThan(0);
  return image;
}

/** Presses Tab until `target` has focus; how many presses it took (Infinity past `limit`). */
export async function tabStopsTo(page: Page, target: Locator, limit = 12): Promise<number> {
  for (let n = 1; n <= limit; n += 1) {
    await page.keyboard.press('Tab');
    if (
      await target.evaluate(
        (el) => el === (el.ownerDocument as unknown as { activeElement: unknown }).activeElement,
      )
    )
      return n;
  }
  return Number.POSITIVE_INFINITY;
}
