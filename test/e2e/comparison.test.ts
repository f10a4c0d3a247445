import type { Locator, Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { hasChromium } from '../support/chromium';
import {
  caseRows,
  mainNav,
  openApp,
  screenshotOnFailure,
  simControl,
  simulatorOf,
  startDemo,
  type AppSession,
} from './support/app';
import { screenRecorder } from './support/screens';

/*
 * The comparison shows its working, and the case keeps the name the officer registered, through the
 * real app: the officer registers Žydrūnas Petraitis; the simulator's document reads ZYDRUNAS (the
 * same name without accents, but Ondato marks the field not valid), PETRAITIENE (another surname) and
 * the personal code with a hyphen. Real core, real keychain, real Chromium; Ondato is the demo simulator.
 */

const REGISTERED = { first: 'Žydrūnas', last: 'Petraitis', code: '39001051234' };
const READ = { firstName: 'ZYDRUNAS', lastName: 'PETRAITIENE', personalCode: '390010-51234' };

let session: AppSession | null = null;

afterEach(async () => {
  await session?.close();
  session = null;
});

function comparisonRow(page: Page, field: string): Locator {
  return page
    .getByRole('region', { name: 'Data comparison' })
    .getByRole('row')
    .filter({ has: page.getByRole('rowheader', { name: field, exact: true }) });
}

async function marks(cell: Locator): Promise<string[]> {
  return cell.locator('mark').allTextContents();
}

/** Types into the list's search field; the list follows after its debounce (the callers poll). */
async function search(page: Page, text: string): Promise<void> {
  await page.locator('#case-search').fill(text);
}

describe.runIf(hasChromium())('comparison and names in Chromium', () => {
  it('shows how each field compares, with caveats, and finds the case by its registered name after a mismatch', async () => {
    session = await openApp();
    const { page } = session;
    await screenshotOnFailure(page, 'comparison', async () => {
      await startDemo(page, 'Rasa Officer');

      // The officer registers the customer.
      await mainNav(page, 'New case').click();
      await page.getByRole('heading', { name: 'New case', level: 1 }).waitFor();
      await page.getByLabel('First name', { exact: true }).fill(REGISTERED.first);
      await page.getByLabel('Last name', { exact: true }).fill(REGISTERED.last);
      await page.getByLabel(/^Personal code/).fill(REGISTERED.code);
      await page.getByLabel(/^Date of birth/).fill('1990-01-05');
      await page.getByRole('button', { name: 'Create case' }).click();
      await page.getByRole('heading', { name: 'Case created', level: 1 }).waitFor();
      const shownUrl = (await page.locator('.link-url').textContent())?.trim() ?? '';
      const caseId = new URL(shownUrl).searchParams.get('id') ?? '';
      expect(caseId).not.toBe('');
      const sim = simulatorOf(shownUrl);

      // The document reads other values; the customer submits (simulator controls, docs/simulator.md).
      await simControl(sim, 'POST', `/__sim/idv/${caseId}/mismatch`, READ);
      await simControl(sim, 'POST', `/__sim/idv/${caseId}/advance`, { to: 'complete' });

      await page.getByRole('button', { name: 'Open case' }).click();
      const fullName = `${REGISTERED.first} ${REGISTERED.last}`;
      await page.getByRole('heading', { name: fullName, level: 1 }).waitFor();
      await page.getByRole('button', { name: 'Refresh' }).click();
      await page.getByText('Completed by customer').waitFor({ timeout: 45_000 });

      // The heading keeps the registered name and shows the name as read beside it, labelled.
      await expect
        .poll(async () => (await page.getByTestId('case-names').textContent()) ?? '')
        .toMatch(/Registered: Žydrūnas Petraitis.*As read from the document: ZYDRUNAS PETRAITIENE/);
      await page.getByRole('heading', { name: fullName, level: 1 }).waitFor();

      // First name: the same once accents are ignored, and it says so; Ondato could not validate it,
      // so it is not a plain green Match.
      const first = comparisonRow(page, 'First name');
      await expect(first.textContent()).resolves.toContain('Matches ignoring accents: Žydrūnas / ZYDRUNAS');
      await expect(first.textContent()).resolves.toContain('Match, with a caveat');
      await expect(first.textContent()).resolves.toContain(
        'Matches — but Ondato could not validate this field on the document',
      );

      // Last name: a mismatch with the differing letters marked, and the same in words.
      const last = comparisonRow(page, 'Last name');
      await expect(last.textContent()).resolves.toContain('Mismatch');
      const [entered, read] = await last.getByRole('cell').all();
      expect(await marks(entered!)).toEqual(['s']);
      expect(await marks(read!)).toEqual(['ENE']);
      await expect(last.textContent()).resolves.toContain('Differs — entered: “s”; document: “ENE”.');

      // Personal code: compared as a value, the hyphen does not count.
      const code = comparisonRow(page, 'Personal code');
      await expect(code.textContent()).resolves.toContain(
        'Same code written differently: 39001051234 / 390010-51234',
      );

      // Marks, caveats and both names pass axe in both themes (and are photographed for a look).
      const screens = screenRecorder(page);
      await screens.capture('case-comparison-working');

      // The list: searching the registered surname finds the case, whose row shows both names.
      await mainNav(page, 'Cases').click();
      await page.getByRole('heading', { name: 'Cases', level: 1 }).waitFor();
      for (const query of ['Petraitis', 'petraitiene', 'zydrunas petr']) {
        await search(page, query);
        await expect
          .poll(async () => caseRows(page).allTextContents(), { message: `search "${query}"` })
          .toEqual([expect.stringMatching(/Žydrūnas Petraitis.*As read: ZYDRUNAS PETRAITIENE/)]);
      }
      await screens.capture('cases-search-as-read');
      console.log(screens.summary());
      expect(screens.blocking(), 'serious or critical axe violations').toBe('');
    });
  }, 120_000);
});
