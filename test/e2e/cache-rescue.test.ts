import { afterEach, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { CHAIN_KEY_ACCOUNT } from '../../src/main/db/chain-key';
import { CACHE_KEY_ACCOUNT } from '../../src/main/db/key';
import { hasChromium, launchChromium } from '../support/chromium';
import { tempDataDir, testKeychain } from '../integration/services/support';
import { startHarness, type Harness } from './harness';
import { screenshotOnFailure, startDemo } from './support/app';
import { describeViolations, isBlocking, runAxe } from './support/axe';

/*
 * A lost keychain entry, as the officer meets it: the first-start banner gives a recovery code; the
 * keychain entry disappears; the next start shows the cache problem screen instead of stopping, and
 * the code brings the cases back. Real core and cache file, real keychain, real Chromium.
 */

async function expectAccessible(page: Page): Promise<void> {
  const blocking = (await runAxe(page)).filter(isBlocking);
  expect(blocking, describeViolations(blocking)).toEqual([]);
}

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

describe.runIf(hasChromium())('cache rescue in Chromium', () => {
  it('a missing keychain entry shows the cache problem screen; the recovery code re-opens the cases', async () => {
    const data = tempDataDir();
    const keychain = testKeychain();
    cleanups.push(
      () => data.remove(),
      () => keychain.cleanup(),
    );
    const browser: Browser = await launchChromium();
    cleanups.push(() => browser.close());
    const context = await browser.newContext({ locale: 'en-GB', reducedMotion: 'reduce' });
    cleanups.push(() => context.close());
    context.setDefaultTimeout(20_000);
    const page = await context.newPage();

    let harness: Harness = await startHarness({ dataDir: data.dir, secrets: keychain.store });
    let stopped = false;
    cleanups.push(async () => {
      if (!stopped) await harness.stop();
    });

    await screenshotOnFailure(page, 'cache-rescue', async () => {
      await page.goto(harness.url);
      await startDemo(page, 'Rasa Officer');
      const banner = page.getByRole('region', { name: 'Recovery code' });
      await banner.getByRole('button', { name: 'Save a recovery code' }).click();
      await page.getByRole('button', { name: 'Create the code' }).click();
      const shown = page.getByRole('dialog', { name: 'Your recovery code' });
      const code = (await shown.getByLabel('Recovery code').textContent()) ?? '';
      expect(code).toMatch(/^([0-9A-Z]{4}-){6}[0-9A-Z]{4}$/);
      await expectAccessible(page);
      await shown.getByRole('button', { name: 'I have saved it' }).click();
      await expect.poll(() => banner.count()).toBe(0);

      // The keychain loses the cache key and the audit chain key; the app starts again.
      await harness.stop();
      stopped = true;
      await keychain.store.delete(CACHE_KEY_ACCOUNT);
      await keychain.store.delete(CHAIN_KEY_ACCOUNT);
      harness = await startHarness({ dataDir: data.dir, secrets: keychain.store });
      stopped = false;
      expect(harness.rescue).not.toBeNull();

      await page.goto(harness.url);
      await page.getByRole('heading', { name: 'KYC Desk cannot open your cases', level: 1 }).waitFor();
      await page.getByText(/missing from this computer’s keychain/).waitFor();
      await expectAccessible(page);
      await page.getByLabel('Recovery code', { exact: true }).fill('0000-0000-0000-0000-0000-0000-0000');
      await page.getByRole('button', { name: 'Recover' }).click();
      await page
        .getByRole('alert')
        .filter({ hasText: /recovery code/ })
        .waitFor();
      expect(await keychain.store.get(CACHE_KEY_ACCOUNT)).toBeNull();

      await page.getByLabel('Recovery code', { exact: true }).fill(code.toLowerCase());
      await page.getByRole('button', { name: 'Recover' }).click();
      // Main restarts into the normal core; the page reloads and shows the cases again.
      await page.getByRole('heading', { name: 'Cases', level: 1, exact: true }).waitFor();
      expect(harness.rescue).toBeNull();
      expect(await harness.core.services.audit.verify()).toMatchObject({ ok: true });
      const workspaces = await harness.core.services.workspaces.list();
      expect(workspaces.workspaces.map((w) => w.officerName)).toEqual(['Rasa Officer']);
    });
  });
});
