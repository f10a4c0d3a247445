import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { hasChromium } from '../support/chromium';
import {
  ARTIFACTS,
  caseRows,
  ipc,
  openApp,
  screenshotOnFailure,
  simControl,
  simulatorOf,
  startDemo,
  type AppSession,
} from './support/app';

/*
 * The review workspace as an officer uses it, in Chromium through the harness (real core, demo
 * simulator): one screen with no page scroll at 1,366×768 and a document large enough to judge,
 * the decision within reach at 1,024×768, next/previous through the list with J/K and [ ], Esc back
 * to the list as it was left, and the decision's choice at most three Tab stops into its panel.
 */

let session: AppSession | null = null;

afterEach(async () => {
  await session?.close();
  session = null;
});

const SHOTS = join(ARTIFACTS, 'review-workspace');

/** The window as the officer sees it, in the light and the dark theme. */
async function shot(page: Page, name: string): Promise<void> {
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
async function completedCase(
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

interface Box {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

/** Where an element is on screen, read in the page. */
async function rectOf(locator: Locator): Promise<Box> {
  return locator.evaluate((element) => {
    const r = (element as unknown as { getBoundingClientRect(): Box }).getBoundingClientRect();
    return { top: r.top, bottom: r.bottom, left: r.left, right: r.right };
  });
}

async function inViewport(page: Page, locator: Locator): Promise<boolean> {
  const r = await rectOf(locator);
  const size = page.viewportSize()!;
  return r.top >= 0 && r.left >= 0 && r.bottom <= size.height && r.right <= size.width && r.bottom > r.top;
}

/** Neither the document nor the app's main area scrolls: everything fits the window. */
async function pageScroll(page: Page): Promise<{ document: number; main: number; inner: number }> {
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
async function paintedWidth(image: Locator): Promise<number> {
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

async function imageDecoded(page: Page, name: string): Promise<Locator> {
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
async function tabStopsTo(page: Page, target: Locator, limit = 12): Promise<number> {
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

  it('J/K and [ ] move through the filtered list; Esc and Alt+← go back to it with its scroll and filter', async () => {
    session = await openApp({ context: { viewport: { width: 1366, height: 768 } } });
    const { page, harness } = session;
    const FIRST = [
      'Aistė',
      'Benas',
      'Dovilė',
      'Eimantas',
      'Gabija',
      'Hugo',
      'Ieva',
      'Jokūbas',
      'Kamilė',
      'Lukas',
    ];
    const names = [...FIRST, ...FIRST.map((f) => `${f} Antra`)].map((first) => `${first} Kairys`);
    await screenshotOnFailure(page, 'review-nav', async () => {
      await startDemo(page, 'Rasa Officer');
      for (const name of names) {
        const [first, ...rest] = name.split(' ');
        await ipc(harness, 'cases:create', {
          firstName: first!,
          lastName: rest.join(' '),
          countryCode: 'LT',
        });
      }
      for (const other of ['Ona', 'Petras', 'Rūta']) {
        await ipc(harness, 'cases:create', { firstName: other, lastName: 'Kitas', countryCode: 'LT' });
      }
      // Newest first: the list shows the names in reverse order of creation.
      const order = [...names].reverse();
      await page.getByLabel('Search').fill('Kairys');
      await page.getByText('20 matches').waitFor();
      const scroller = page.getByRole('listbox', { name: /^Cases, / });
      await scroller.evaluate((el) => {
        (el as unknown as { scrollTop: number }).scrollTop = 6 * 52 + 20;
      });
      await caseRows(page).filter({ hasText: order[8]! }).waitFor();
      const top = await scroller.evaluate((el) => (el as unknown as { scrollTop: number }).scrollTop);
      expect(top).toBeGreaterThan(200);

      const heading = (name: string) => page.getByRole('heading', { name, level: 1 });
      await caseRows(page).filter({ hasText: order[8]! }).click();
      await heading(order[8]!).waitFor();
      await page.getByText('9 of 20 in the list').waitFor();

      await page.keyboard.press('j');
      await heading(order[9]!).waitFor();
      await page.keyboard.press('k');
      await heading(order[8]!).waitFor();
      await page.keyboard.press(']');
      await heading(order[9]!).waitFor();
      await page.keyboard.press('[');
      await heading(order[8]!).waitFor();
      await page.keyboard.press('k');
      await heading(order[7]!).waitFor();
      await page.getByText('8 of 20 in the list').waitFor();

      // Typing is typing: a J in the note stays in the note.
      const note = page.getByRole('region', { name: 'Your decision' }).getByLabel(/^Note/);
      await note.click();
      await page.keyboard.type('jk[]');
      expect(await note.inputValue()).toBe('jk[]');
      await heading(order[7]!).waitFor();
      // Esc in the note leaves the officer in the note: nothing is lost by reflex.
      await page.keyboard.press('Escape');
      await heading(order[7]!).waitFor();

      // From the page, Esc goes back to the list: same filter, same scroll, the case selected.
      await heading(order[7]!).focus();
      await page.keyboard.press('Escape');
      await page.getByRole('heading', { name: 'Cases', level: 1 }).waitFor();
      expect(await page.getByLabel('Search').inputValue()).toBe('Kairys');
      await page.getByText('20 matches').waitFor();
      expect(await scroller.evaluate((el) => (el as unknown as { scrollTop: number }).scrollTop)).toBe(top);
      const selected = caseRows(page).filter({ hasText: order[7]! });
      expect(await selected.getAttribute('aria-selected')).toBe('true');

      // Alt+← does the same.
      await caseRows(page).filter({ hasText: order[10]! }).click();
      await heading(order[10]!).waitFor();
      await page.keyboard.press('Alt+ArrowLeft');
      await page.getByRole('heading', { name: 'Cases', level: 1 }).waitFor();
      expect(await page.getByLabel('Search').inputValue()).toBe('Kairys');
      expect(await scroller.evaluate((el) => (el as unknown as { scrollTop: number }).scrollTop)).toBe(top);
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
