import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { hasChromium } from '../support/chromium';
import {
  ARTIFACTS,
  caseRows,
  ipc,
  mainNav,
  openApp,
  screenshotOnFailure,
  simControl,
  simulatorOf,
  startDemo,
  type AppSession,
} from './support/app';

/*
 * The case list as a work queue, in Chromium through the harness (built renderer, real core, the demo
 * simulator as Ondato): queue counts that move when the simulator moves cases, sorting by a column
 * heading, the created-date range, and the list coming back as it was after a case was opened.
 * Waits are for what the page shows (the counts main pushes), never for a length of time.
 */

let session: AppSession | null = null;

afterEach(async () => {
  await session?.close();
  session = null;
});

const tabs = (page: Page) => page.getByRole('tablist', { name: 'Work queues' });
const tab = (page: Page, name: string) => tabs(page).getByRole('tab', { name: new RegExp(`^${name}`) });
const heading = (page: Page, name: string) =>
  page.getByRole('columnheader', { name: new RegExp(`^${name}`) });

/** The count a tab shows, as a number (the visible figure; the words after it are for screen readers). */
async function countOf(page: Page, name: string): Promise<number> {
  const text = await tab(page, name).locator('.queue-count').innerText();
  return Number(text.replace(/\D/g, ''));
}

function localDay(offset: number): string {
  const d = new Date();
  d.setDate(d.getDate() + offset);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

describe.runIf(hasChromium())('work queues in Chromium', () => {
  it('counts move with the simulator; sort by heading; date range; state kept across a case', async () => {
    session = await openApp({ context: { viewport: { width: 1366, height: 768 } } });
    const { page, harness } = session;
    await screenshotOnFailure(page, 'queues', async () => {
      await startDemo(page, 'Rasa Officer');
      const person = { dateOfBirth: '1990-04-21', countryCode: 'LT' };
      const clean = await ipc(harness, 'cases:create', { firstName: 'Ona', lastName: 'Petraitė', ...person });
      const mismatch = await ipc(harness, 'cases:create', {
        firstName: 'Eglė',
        lastName: 'Šimkutė',
        ...person,
      });
      const waiting = await ipc(harness, 'cases:create', {
        firstName: 'Jonas',
        lastName: 'Jonaitis',
        ...person,
      });
      const sim = simulatorOf(clean.customerUrl);

      await caseRows(page).nth(2).waitFor();
      await expect.poll(() => countOf(page, 'All')).toBe(3);
      await expect.poll(() => countOf(page, 'Waiting for customer')).toBe(3);
      expect(await countOf(page, 'Needs my decision')).toBe(0);
      expect(await tab(page, 'All').getAttribute('aria-selected')).toBe('true');

      // Two customers finish (one with another surname on the document); one starts and stops.
      await simControl(sim, 'POST', `/__sim/idv/${mismatch.id}/mismatch`, { lastName: 'Šimkienė' });
      await simControl(sim, 'POST', `/__sim/idv/${mismatch.id}/advance`, { to: 'complete' });
      await simControl(sim, 'POST', `/__sim/idv/${clean.id}/advance`, { to: 'complete' });
      await simControl(sim, 'POST', `/__sim/idv/${waiting.id}/advance`, { to: 'open' });
      await ipc(harness, 'sync:now', undefined);
      // The tabs follow main's cases:changed; nothing here reloads the page.
      await expect.poll(() => countOf(page, 'Needs my decision'), { timeout: 30_000 }).toBe(2);
      await expect.poll(() => countOf(page, 'Waiting for customer')).toBe(1);

      // The queue: keyboard on the tabs, then only its two cases.
      await tab(page, 'All').focus();
      await page.keyboard.press('Home');
      expect(await tab(page, 'Needs my decision').getAttribute('aria-selected')).toBe('true');
      await expect.poll(() => caseRows(page).count()).toBe(2);

      // Sorting by the Attention heading: the mismatch (more flags) first, then least attention first.
      await heading(page, 'Attention').getByRole('button').click();
      await expect.poll(() => heading(page, 'Attention').getAttribute('aria-sort')).toBe('descending');
      await expect.poll(() => caseRows(page).first().innerText()).toContain('Eglė');
      await expect.poll(() => caseRows(page).first().innerText()).toMatch(/3 flags/);
      await heading(page, 'Attention').getByRole('button').press('Enter');
      await expect.poll(() => heading(page, 'Attention').getAttribute('aria-sort')).toBe('ascending');
      await expect.poll(() => caseRows(page).first().innerText()).toContain('Petrait');
      expect(await heading(page, 'Created').getAttribute('aria-sort')).toBe('none');

      // The created-date range: from tomorrow matches nothing; today matches both.
      await page.getByLabel('Created from').fill(localDay(1));
      await page.getByText('No matches').waitFor();
      await page.getByLabel('Created from').fill(localDay(0));
      await page.getByLabel('Created to').fill(localDay(0));
      await expect.poll(() => caseRows(page).count()).toBe(2);

      mkdirSync(ARTIFACTS, { recursive: true });
      await page.screenshot({ path: join(ARTIFACTS, 'queues-1366x768.png') });

      // Into a case and back: the queue, the sort and the range are as they were.
      await caseRows(page).first().click();
      await page.getByRole('heading', { level: 1, name: /Petrait/ }).waitFor();
      await mainNav(page, 'Cases').click();
      await caseRows(page).first().waitFor();
      expect(await tab(page, 'Needs my decision').getAttribute('aria-selected')).toBe('true');
      expect(await heading(page, 'Attention').getAttribute('aria-sort')).toBe('ascending');
      expect(await page.getByLabel('Created from').inputValue()).toBe(localDay(0));
      expect(await caseRows(page).count()).toBe(2);
      // The case just opened is still the selected row.
      expect(await caseRows(page).first().getAttribute('aria-selected')).toBe('true');
    });
  });
});
