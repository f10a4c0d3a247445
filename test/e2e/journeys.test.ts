import type { Locator, Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { hasChromium } from '../support/chromium';
import {
  caseRows,
  FAST_OFFLINE,
  mainNav,
  openApp,
  screenshotOnFailure,
  simControl,
  simRequests,
  simulatorOf,
  startDemo,
  syncStatus,
  walkCustomerFlow,
  type AppSession,
} from './support/app';
import { decodeQrOnScreen } from './support/qr';
import { screenRecorder } from './support/screens';

/*
 * The journeys, in order, in one officer's session: first start into the demo, a case for a
 * customer, the link copied and its QR code scanned, the customer's walk on the simulator with a data
 * mismatch, the case following it live, the review and a decision, the timeline, and the app offline
 * and back. Real core, real keychain, real Chromium; only Ondato is the demo simulator.
 */

const QR_NAME = "QR code of the customer's verification link";
const CUSTOMER = { first: 'Ona', last: 'Kazlauskienė', dateOfBirth: '1990-04-21', email: 'ona@example.com' };
const FULL_NAME = `${CUSTOMER.first} ${CUSTOMER.last}`;
const NOTE = 'Surname on the ID card differs from the one the customer gave; asked for proof of name change.';

let session: AppSession | null = null;

afterEach(async () => {
  await session?.close();
  session = null;
});

/** The image has been decoded by the browser (a real picture, not a broken or pending one). */
async function imageDecoded(image: Locator): Promise<{ width: number; src: string }> {
  return image.evaluate((element) => {
    const img = element as unknown as { naturalWidth: number; currentSrc: string };
    return { width: img.naturalWidth, src: img.currentSrc };
  });
}

async function expectImagesFromCache(page: Page, names: string[]): Promise<void> {
  for (const name of names) {
    // One image at a time in the document pane: its tab shows it.
    await page.getByRole('tab', { name, exact: true }).click();
    const image = page.getByRole('img', { name, exact: true });
    await image.waitFor();
    await expect.poll(async () => (await imageDecoded(image)).width, { timeout: 20_000 }).toBeGreaterThan(0);
    // Bytes from the encrypted cache, handed over IPC and shown as an object URL: never a network URL.
    expect((await imageDecoded(image)).src).toMatch(/^blob:/);
  }
}

const IMAGES = ['Document front', 'Document back', 'Selfie'];

describe.runIf(hasChromium())('officer journeys in Chromium', () => {
  it('demo → case → link & QR → customer with a mismatch → live update → review & decision → offline and back', async () => {
    session = await openApp({
      core: FAST_OFFLINE,
      context: { permissions: ['clipboard-read', 'clipboard-write'] },
    });
    const { page, context } = session;
    await screenshotOnFailure(page, 'journeys', async () => {
      // 1. First start: no workspace, the welcome screen; "Try the demo" lands on an empty case list.
      await startDemo(page, 'Rasa Officer');
      await expect.poll(() => page.title()).toBe('Cases — KYC Desk');
      await page.getByText('No cases yet — create one').waitFor();
      await expect(syncStatus(page).textContent()).resolves.not.toMatch(/Offline|error/i);

      // 2. A case with the customer's details.
      await mainNav(page, 'New case').click();
      await page.getByRole('heading', { name: 'New case', level: 1 }).waitFor();
      await page.getByLabel('First name', { exact: true }).fill(CUSTOMER.first);
      await page.getByLabel('Last name', { exact: true }).fill(CUSTOMER.last);
      await page.getByLabel(/^Date of birth/).fill(CUSTOMER.dateOfBirth);
      await page.getByLabel(/^E-mail/).fill(CUSTOMER.email);
      await page.getByRole('button', { name: 'Create case' }).click();
      await page.getByRole('heading', { name: 'Case created', level: 1 }).waitFor();
      const ready = (await page.getByRole('status').filter({ hasText: 'case is ready' }).textContent()) ?? '';
      expect(ready).toContain(FULL_NAME);
      const reference = /\(reference ([\w-]+)\)/.exec(ready)?.[1] ?? '';
      expect(reference).not.toBe('');
      const shownUrl = (await page.locator('.link-url').textContent())?.trim() ?? '';
      expect(shownUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?id=[\w-]+$/);
      const caseId = new URL(shownUrl).searchParams.get('id') ?? '';
      const sim = simulatorOf(shownUrl);

      // 3. Copy the link: the clipboard holds exactly it, and the copy is announced in a live region.
      await page.getByRole('button', { name: 'Copy link' }).click();
      await page.getByRole('button', { name: 'Copied' }).waitFor();
      const notice = page.getByRole('status').filter({ hasText: 'Link copied to the clipboard.' });
      await notice.waitFor();
      expect(await page.evaluate('navigator.clipboard.readText()')).toBe(shownUrl);

      // 4. The QR code on screen, as a phone would scan it, is exactly the link shown; so is the full-screen one.
      const qr = page.getByRole('img', { name: QR_NAME });
      await expect.poll(async () => (await imageDecoded(qr)).width).toBeGreaterThan(0);
      expect(await decodeQrOnScreen(qr)).toBe(shownUrl);
      await page.getByRole('button', { name: 'Show full screen' }).click();
      const dialog = page.getByRole('dialog', { name: 'Scan with your phone camera' });
      await dialog.waitFor();
      const bigQr = dialog.getByRole('img', { name: QR_NAME });
      await expect.poll(async () => (await imageDecoded(bigQr)).width).toBeGreaterThan(0);
      expect(await decodeQrOnScreen(bigQr)).toBe(shownUrl);
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'detached' });

      // 5. Open the case; the customer walks the flow on a second page with a last-name mismatch and
      //    "leave for manual review". The officer's page follows without a reload.
      await page.getByRole('button', { name: 'Open case' }).click();
      await page.getByRole('heading', { name: FULL_NAME, level: 1 }).waitFor();
      await page.getByText('Pending: link not opened yet').waitFor();
      await page.getByText('No images yet').waitFor();
      await page.evaluate('window.__sameDocument = true');

      const customer = await context.newPage();
      await walkCustomerFlow(customer, shownUrl, {
        outcome: 'Leave for manual review',
        mismatch: 'Last name differs',
      });
      await customer.close();

      await page.getByText('Completed by customer').waitFor({ timeout: 45_000 });
      await expectImagesFromCache(page, IMAGES);
      expect(await page.evaluate('window.__sameDocument === true')).toBe(true);
      await page.getByText("Awaiting Ondato's decision").first().waitFor();

      // 6. The review flags the mismatch: the surname read from the document is not the one entered.
      const comparison = page.getByRole('region', { name: 'Data comparison' });
      await comparison.getByText('1 mismatch').waitFor();
      const lastNameRow = comparison
        .getByRole('row')
        .filter({ has: page.getByRole('rowheader', { name: 'Last name', exact: true }) });
      await expect(lastNameRow.textContent()).resolves.toMatch(/Kazlauskienė.*Jonaitis.*Mismatch/);
      const firstNameRow = comparison
        .getByRole('row')
        .filter({ has: page.getByRole('rowheader', { name: 'First name', exact: true }) });
      await expect(firstNameRow.textContent()).resolves.toMatch(/Ona.*Ona.*Match/);

      // 7. Record a decision: reject, with a reason and a note; it is announced and shown as current.
      const decision = page.getByRole('region', { name: 'Your decision' });
      await decision.getByText('No decision recorded yet.').waitFor();
      await decision.getByRole('radio', { name: 'Reject' }).check();
      await decision.getByLabel('Reason').selectOption({ label: 'Data does not match the document' });
      await decision.getByLabel(/^Note/).fill(NOTE);
      await decision.getByRole('button', { name: 'Record decision' }).click();
      await page
        .getByRole('status')
        .filter({ hasText: 'Decision recorded: Reject, Data does not match the document.' })
        .waitFor({ state: 'attached' });
      const current = decision.locator('.rv-current');
      await current.waitFor();
      await expect(current.textContent()).resolves.toMatch(
        /Current decision.*Rejected.*Data does not match the document/,
      );
      await expect(current.textContent()).resolves.toContain(NOTE);
      await expect(current.textContent()).resolves.toContain('Rasa Officer');
      await decision.getByRole('button', { name: 'Record new decision' }).waitFor();

      // 8. The timeline has it all, newest first (in the History tab beside the review).
      await page.getByRole('tab', { name: 'History' }).click();
      const timeline = page.getByRole('region', { name: /^Timeline/ }).getByRole('listitem');
      await expect
        .poll(async () => (await timeline.first().textContent()) ?? '')
        .toContain('Decision recorded: Rejected');
      const entries = await timeline.allTextContents();
      for (const title of [
        'Case created',
        'Customer link copied',
        'QR code shown',
        'Customer submitted the document',
        'Customer completed the verification',
        'Decision recorded: Rejected',
      ]) {
        expect(
          entries.some((entry) => entry.includes(title)),
          `timeline has "${title}": ${entries.join(' | ')}`,
        ).toBe(true);
      }
      const index = (title: string): number => entries.findIndex((entry) => entry.includes(title));
      expect(index('Decision recorded')).toBeLessThan(index('Customer completed the verification'));
      expect(index('Customer completed the verification')).toBeLessThan(index('Case created'));

      // 9. Offline: the simulator drops every Ondato request. The indicator and the banner say so, and the
      //    cached case with its images still opens, after a full reload, with no image fetched upstream.
      await simControl(sim, 'DELETE', '/__sim/requests');
      await simControl(sim, 'POST', '/__sim/faults', { route: '*', kind: 'drop' });
      await expect.poll(async () => syncStatus(page).textContent(), { timeout: 45_000 }).toMatch(/^Offline/);
      await page.getByText(/Offline.*: Ondato cannot be reached/).waitFor();

      await page.reload();
      await page.getByRole('heading', { name: 'Cases', level: 1 }).waitFor();
      await expect.poll(async () => syncStatus(page).textContent()).toMatch(/^Offline/);
      // The list keeps the registered name (and shows the document's "Ona Jonaitis" beside it).
      await caseRows(page).filter({ hasText: reference }).click();
      await page.getByRole('heading', { name: /^Ona /, level: 1 }).waitFor();
      await page.getByText(/Offline.*: Ondato cannot be reached/).waitFor();
      await expectImagesFromCache(page, IMAGES);
      await decision.getByText(NOTE).waitFor();
      // The offline screen is a screen too: axe, both themes, screenshots like every other one.
      const screens = screenRecorder(page);
      await screens.capture('case-offline');
      console.log(screens.summary());
      expect(screens.blocking(), 'serious or critical axe violations offline').toBe('');
      const whileOffline = await simRequests(sim);
      expect(whileOffline.filter((r) => r.route === 'kyc.file')).toEqual([]);
      expect(whileOffline.filter((r) => !r.faulted)).toEqual([]);
      expect(whileOffline.length).toBeGreaterThan(0); // the engine did try: it is offline, not idle

      // 10. Back online: the faults go, the engine's probe gets through, the indicator says so.
      await simControl(sim, 'DELETE', '/__sim/faults');
      await expect.poll(async () => syncStatus(page).textContent(), { timeout: 45_000 }).toBe('Online.');
      await page.getByText(/Ondato cannot be reached/).waitFor({ state: 'detached' });
      const afterwards = await simRequests(sim);
      expect(afterwards.some((r) => !r.faulted && r.path.includes(caseId))).toBe(true);
    });
  }, 150_000);
});
