import { afterEach, describe, expect, it } from 'vitest';
import { hasChromium } from '../support/chromium';
import { caseRows, openApp, screenshotOnFailure, startDemo, type AppSession } from './support/app';
import {
  completedCase,
  imageDecoded,
  inViewport,
  pageScroll,
  paintedWidth,
  rectOf,
  shot,
  tabStopsTo,
} from './support/review';

/*
 * The review workspace as an officer uses it, in Chromium through the harness (real core, demo
 * simulator): one screen with no page scroll at 1,366×768 (and 1,920×1,080) and a document large
 * enough to judge, flags that lead to their evidence, the decision within reach at 1,024×768, and the
 * decision's choice at most three Tab stops into its panel. Moving through the list:
 * review-navigation.test.ts.
 */

let session: AppSession | null = null;

afterEach(async () => {
  await session?.close();
  session = null;
});

describe.runIf(hasChromium())('the review workspace in Chromium', () => {
  it('1366×768: one screen, a large document, flags that lead to their evidence, a decision made there', async () => {
    session = await openApp({ context: { viewport: { width: 1366, height: 768 } } });
    const { page } = session;
    await screenshotOnFailure(page, 'review-1366', async () => {
      await startDemo(page, 'Rasa Officer');
      await completedCase(session!, { firstName: 'Rūta', lastName: 'Petraitė' }, 'Petrauskienė');
      await caseRows(page).first().waitFor();
      await caseRows(page).filter({ hasText: 'Rūta' }).click();
      await page.getByText('Completed by customer').first().waitFor({ timeout: 45_000 });
      const front = await imageDecoded(page, 'Document front');
      await page.getByRole('region', { name: 'Data comparison' }).getByText('1 mismatch').waitFor();

      // One screen: neither the page nor the app's main area scrolls.
      const scroll = await pageScroll(page);
      expect(scroll.document).toBeLessThanOrEqual(scroll.inner);
      expect(scroll.main).toBeLessThanOrEqual(0);
      // The document is large enough to judge: at least 45 % of the window's width, painted.
      expect(await paintedWidth(front)).toBeGreaterThanOrEqual(0.45 * 1366);
      // The decision is in view without scrolling: the Decide bar's buttons.
      const bar = page.getByRole('group', { name: 'Decide' });
      expect(await inViewport(page, bar.getByRole('button', { name: 'Reject…' }))).toBe(true);
      await shot(page, '1366x768-review');

      // Every flag leads to its evidence: the surname's flag focuses the surname's comparison row.
      const flags = page.getByRole('region', { name: /^Risk flags/ });
      await flags.getByRole('button', { name: /Last name does not match the document/ }).click();
      const lastNameRow = page
        .getByRole('region', { name: 'Data comparison' })
        .getByRole('row')
        .filter({ has: page.getByRole('rowheader', { name: 'Last name', exact: true }) });
      await expect.poll(() => lastNameRow.evaluate((el) => el === el.ownerDocument.activeElement)).toBe(true);
      await expect.poll(() => inViewport(page, lastNameRow)).toBe(true);

      // Deciding there: the bar takes the officer to the decision with the choice made.
      await bar.getByRole('button', { name: 'Reject…' }).click();
      const decision = page.getByRole('region', { name: 'Your decision' });
      const reject = decision.getByRole('radio', { name: 'Reject' });
      await expect.poll(() => reject.isChecked()).toBe(true);
      await expect.poll(() => reject.evaluate((el) => el === el.ownerDocument.activeElement)).toBe(true);
      await expect.poll(() => inViewport(page, reject)).toBe(true);
      await decision.getByLabel('Reason').selectOption({ label: 'Data does not match the document' });
      await decision
        .getByLabel(/^Note/)
        .fill('Surname on the card differs; asked for the marriage certificate.');
      await decision.getByRole('button', { name: 'Record decision' }).click();
      await decision.locator('.rv-current').getByText('Rejected').waitFor();
      expect((await pageScroll(page)).main).toBeLessThanOrEqual(0);
      await shot(page, '1366x768-decided');

      // And above: a full-HD window is still one screen, with more of the document.
      await page.setViewportSize({ width: 1920, height: 1080 });
      await page.getByRole('tab', { name: 'Document front', exact: true }).click();
      await expect.poll(async () => (await pageScroll(page)).main).toBeLessThanOrEqual(0);
      expect((await pageScroll(page)).document).toBeLessThanOrEqual(1080);
      await expect.poll(() => paintedWidth(front)).toBeGreaterThanOrEqual(0.45 * 1920);
      await shot(page, '1920x1080-decided');
    });
  }, 120_000);

  it('1024×768: the panes stack and the decision stays within reach wherever the officer scrolls', async () => {
    session = await openApp({ context: { viewport: { width: 1024, height: 768 } } });
    const { page } = session;
    await screenshotOnFailure(page, 'review-1024', async () => {
      await startDemo(page, 'Rasa Officer');
      await completedCase(session!, { firstName: 'Tomas', lastName: 'Vaitkus' });
      await caseRows(page).filter({ hasText: 'Tomas' }).click();
      await page.getByText('Completed by customer').first().waitFor({ timeout: 45_000 });
      await imageDecoded(page, 'Document front');

      // Stacked: the document above the data, both the full width.
      const doc = await rectOf(page.locator('.rv-doc-col'));
      const data = await rectOf(page.locator('.rv-data-col'));
      expect(doc.bottom).toBeLessThanOrEqual(data.top);
      const bar = page.getByRole('group', { name: 'Decide' });
      const accept = bar.getByRole('button', { name: 'Accept…' });
      expect(await inViewport(page, accept)).toBe(true);
      await shot(page, '1024x768-review');

      // Halfway down the comparison the bar is still on screen.
      await page.getByRole('region', { name: 'Data comparison' }).scrollIntoViewIfNeeded();
      expect(await inViewport(page, accept)).toBe(true);
      await shot(page, '1024x768-scrolled');

      await bar.getByRole('button', { name: 'Escalate…' }).click();
      const decision = page.getByRole('region', { name: 'Your decision' });
      const escalate = decision.getByRole('radio', { name: 'Escalate' });
      await expect.poll(() => escalate.isChecked()).toBe(true);
      await expect.poll(() => inViewport(page, escalate)).toBe(true);
      await decision.getByLabel('Reason').selectOption({ label: 'Needs a second opinion' });
      await decision.getByRole('button', { name: 'Record decision' }).click();
      await decision.locator('.rv-current').getByText('Escalated').waitFor();
    });
  }, 120_000);

  it('the decision is the first Tab stop of its panel; image controls stay out of the Tab order', async () => {
    session = await openApp({ context: { viewport: { width: 1366, height: 768 } } });
    const { page } = session;
    await screenshotOnFailure(page, 'review-tabs', async () => {
      await startDemo(page, 'Rasa Officer');
      await completedCase(session!, { firstName: 'Ieva', lastName: 'Kazlauskaitė' });
      await caseRows(page).filter({ hasText: 'Ieva' }).click();
      await page.getByText('Completed by customer').first().waitFor({ timeout: 45_000 });
      await imageDecoded(page, 'Document front');

      // From the start of the decision panel (its heading), the choice is one Tab away, and
      // reason, note and Record follow: the decision is made within three stops.
      const decision = page.getByRole('region', { name: 'Your decision' });
      await decision.getByRole('heading', { name: 'Your decision' }).focus();
      const accept = decision.getByRole('radio', { name: 'Accept' });
      expect(await tabStopsTo(page, accept)).toBeLessThanOrEqual(3);
      await page.keyboard.press('ArrowRight');
      expect(await decision.getByRole('radio', { name: 'Reject' }).isChecked()).toBe(true);
      await decision.getByRole('heading', { name: 'Your decision' }).focus();
      expect(await tabStopsTo(page, decision.getByLabel('Reason'))).toBeLessThanOrEqual(3);

      // The image is one Tab stop: from the image tabs, Tab goes through the compare switch and the
      // image, then on to the data pane, never into the image's toolbar.
      const imageTab = page.getByRole('tab', { name: 'Document front' });
      await imageTab.focus();
      const pane = page.getByRole('group', { name: 'Document front, image viewer' });
      expect(await tabStopsTo(page, pane)).toBe(2);
      await page.keyboard.press('Tab');
      const focusedLabel = await page.evaluate(
        'document.activeElement.getAttribute("aria-label") || document.activeElement.textContent',
      );
      expect(focusedLabel).not.toMatch(/Zoom|Rotate|Fit|Reset|Enlarge/);
      // The toolbar is reachable from the image with T, and its keys work there.
      await pane.focus();
      await page.keyboard.press('t');
      const zoomOut = page.getByRole('button', { name: 'Zoom out' });
      expect(await zoomOut.evaluate((el) => el === el.ownerDocument.activeElement)).toBe(true);
      await page.keyboard.press('ArrowRight');
      await page.keyboard.press('Enter');
      await page.getByRole('toolbar', { name: 'Document front controls' }).getByText('125%').waitFor();
    });
  }, 120_000);
});
