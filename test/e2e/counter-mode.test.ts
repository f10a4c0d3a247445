import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import jsQR from 'jsqr';
import type { Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { afterEach, describe, expect, it } from 'vitest';
import { hasChromium } from '../support/chromium';
import { describeViolations, runAxe } from './support/axe';
import {
  ARTIFACTS,
  ipc,
  mainNav,
  openApp,
  screenshotOnFailure,
  startDemo,
  walkCustomerFlow,
  type AppSession,
} from './support/app';
import { decodeQrOnScreen } from './support/qr';
import { useTheme } from './support/screens';

/*
 * Counter mode, as a branch uses it: the officer creates a case and puts the counter view on the
 * screen turned to the customer (a second page here; its own window in Electron). The customer scans
 * the code and walks the flow on a phone (a third page: the simulator's customer page); the counter
 * view follows to "done" from sync, and the officer's page offers the review. Real core, real
 * keychain, real Chromium; only Ondato is the demo simulator.
 */

const CUSTOMER = { first: 'Giedrė', last: 'Vaitkutė', dateOfBirth: '1988-11-02' };
const QR_NAME = 'QR code of your verification link';
const SHOTS = join(ARTIFACTS, 'screenshots', 'counter');

let session: AppSession | null = null;

afterEach(async () => {
  await session?.close();
  session = null;
});

async function createCase(page: Page): Promise<string> {
  await mainNav(page, 'New case').click();
  await page.getByRole('heading', { name: 'New case', level: 1 }).waitFor();
  await page.getByLabel('First name', { exact: true }).fill(CUSTOMER.first);
  await page.getByLabel('Last name', { exact: true }).fill(CUSTOMER.last);
  await page.getByLabel(/^Date of birth/).fill(CUSTOMER.dateOfBirth);
  await page.getByRole('button', { name: 'Create case' }).click();
  await page.getByRole('heading', { name: 'Case created', level: 1 }).waitFor();
  return (await page.locator('.link-url').textContent())?.trim() ?? '';
}

async function stepStates(counter: Page): Promise<string[]> {
  return counter.getByRole('list', { name: 'Your progress' }).getByRole('listitem').allTextContents();
}

describe.runIf(hasChromium())('counter mode in Chromium', () => {
  it('create → counter view on a second page → customer walks the flow → "done" → officer offered the review', async () => {
    session = await openApp({ context: { viewport: { width: 1366, height: 768 } } });
    const { page, context, harness } = session;
    await screenshotOnFailure(page, 'counter-mode', async () => {
      await startDemo(page, 'Rasa Officer');
      const link = await createCase(page);
      expect(link).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?id=[\w-]+$/);
      const caseId = new URL(link).searchParams.get('id') ?? '';

      // Save QR as PNG: main asks where (the harness answers <data>/exports), writes it and audits it.
      await page.getByRole('button', { name: 'Save QR as PNG' }).click();
      const saved = page.getByRole('status').filter({ hasText: 'QR code saved to' });
      await saved.waitFor();
      const path = /QR code saved to (.+\.png)\./.exec((await saved.textContent()) ?? '')?.[1] ?? '';
      const png = PNG.sync.read(readFileSync(path));
      expect(jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data).toBe(link);

      // The counter view opens as a page of its own (Electron: main's own window).
      const opening = context.waitForEvent('page');
      await page.getByRole('button', { name: 'Counter mode' }).click();
      const counter = await opening;
      await counter.getByRole('heading', { name: 'Verify your identity', level: 1 }).waitFor();
      expect(new URL(counter.url()).pathname).toBe('/counter.html');
      await counter.getByText('Scan the code with your phone camera to begin.').waitFor();
      await page.getByText('Counter view is showing: waiting for the customer to scan the code.').waitFor();

      // What a phone reads from the counter screen is exactly the customer's link; the link is shown too.
      const qr = counter.getByRole('img', { name: QR_NAME });
      await expect
        .poll(() => qr.evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth))
        .toBeGreaterThan(0);
      expect(await decodeQrOnScreen(qr)).toBe(link);
      await expect(counter.locator('.counter-link').textContent()).resolves.toBe(link);

      // Nothing of the case beyond that: no name, no reference, no other customer.
      const body = (await counter.locator('body').textContent()) ?? '';
      for (const text of [CUSTOMER.first, CUSTOMER.last, '1988', 'KD-', 'Rasa Officer']) {
        expect(body, text).not.toContain(text);
      }
      // The counter page cannot read the officer's data: only its own case's counter channels answer.
      const probe =
        (await counter.evaluate(`window.kycDesk.invoke('counter:view', { caseId: ${JSON.stringify(caseId)} })
        .then((r) => Object.keys(r.value).sort().join(','))`)) as string;
      expect(probe).toBe('caseId,checkedAt,exitNeedsPin,instructions,progress,qrSvg,theme,url');

      // Accessible, and calm to look at in both themes (1366×768).
      const violations = await runAxe(counter);
      expect(violations, describeViolations(violations)).toEqual([]);
      mkdirSync(SHOTS, { recursive: true });
      await useTheme(counter, 'light');
      await counter.screenshot({
        path: join(SHOTS, 'counter-waiting-light-1366.png'),
        animations: 'disabled',
      });
      await useTheme(counter, 'dark');
      const darkViolations = await runAxe(counter);
      expect(darkViolations, describeViolations(darkViolations)).toEqual([]);
      await counter.screenshot({
        path: join(SHOTS, 'counter-waiting-dark-1366.png'),
        animations: 'disabled',
      });
      await useTheme(counter, 'light');

      // The customer scans and walks the flow on a phone (the simulator's customer page).
      const phone = await context.newPage();
      await walkCustomerFlow(phone, link, { outcome: 'Leave for manual review' });
      await phone.close();

      // The counter view follows from sync, to "done".
      await counter
        .getByText('All done. Thank you! Please let us know you have finished.')
        .waitFor({ timeout: 60_000 });
      expect(await stepStates(counter)).toEqual([
        '✓Link opened: done',
        '✓Photos of your document: done',
        '✓Selfie: done',
        '✓Sent for checking: done',
        '✓Done: done',
      ]);
      await expect(counter.getByRole('img', { name: QR_NAME }).count()).resolves.toBe(0);
      await counter.screenshot({ path: join(SHOTS, 'counter-done-light-1366.png'), animations: 'disabled' });
      await useTheme(counter, 'dark');
      await counter.screenshot({ path: join(SHOTS, 'counter-done-dark-1366.png'), animations: 'disabled' });
      expect(await runAxe(counter)).toEqual([]);

      // The officer's screen offers the review.
      const offer = page.getByRole('region', { name: 'Counter mode' });
      await offer.getByText('The customer has finished the verification.').waitFor();
      await page.screenshot({ path: join(SHOTS, 'officer-offer-light-1366.png'), animations: 'disabled' });
      await offer.getByRole('button', { name: 'Open the review' }).click();
      await page.getByRole('heading', { name: `${CUSTOMER.first} ${CUSTOMER.last}`, level: 1 }).waitFor();

      // Leaving the counter view needs the officer: Esc, then a confirmation (no PIN is set here).
      await counter.keyboard.press('Escape');
      const exit = counter.getByRole('alertdialog', { name: 'Close the customer screen?' });
      await exit.waitFor();
      await exit.getByRole('button', { name: 'Stay on this screen' }).click();
      await exit.waitFor({ state: 'detached' });
      await counter.getByRole('heading', { name: 'Verify your identity' }).waitFor();
      await counter.keyboard.press('Escape');
      await exit.getByRole('button', { name: 'Close it' }).click();
      await counter.getByRole('heading', { name: 'This screen is closed' }).waitFor();
      await offer.waitFor({ state: 'detached' });

      // All of it is in the case's audit trail.
      const trail = (await ipc(harness, 'audit:list', { caseId })).map((e) => e.action);
      expect(trail).toEqual(expect.arrayContaining(['qr.saved', 'counter.shown', 'counter.closed']));
    });
  });
});
