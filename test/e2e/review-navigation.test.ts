import { afterEach, describe, expect, it } from 'vitest';
import { hasChromium } from '../support/chromium';
import { caseRows, ipc, openApp, screenshotOnFailure, startDemo, type AppSession } from './support/app';

/*
 * Moving through work from the review, in Chromium through the harness: J/K and [ ] through the
 * filtered case list, never from the note, and Esc or Alt+← back to the list with its filter, its
 * scroll and the reviewed case selected.
 */

let session: AppSession | null = null;

afterEach(async () => {
  await session?.close();
  session = null;
});

describe.runIf(hasChromium())('moving through the case list from the review', () => {
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
});
