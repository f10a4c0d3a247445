import { afterEach, describe, expect, it } from 'vitest';
import { hasChromium } from '../support/chromium';
import {
  ipc,
  openApp,
  screenshotOnFailure,
  simControl,
  simulatorOf,
  startDemo,
  syncStatus,
  type AppSession,
} from './support/app';

/*
 * Details an officer notices: the top bar stays one line at the narrowest supported window with the
 * longest names, and what is cut short can still be read in full.
 */

let session: AppSession | null = null;

afterEach(async () => {
  await session?.close();
  session = null;
});

const LONG_WORKSPACE = 'Retail onboarding — Vilnius central branch, second floor, counter desks 1 to 12';
const LONG_OFFICER = 'Rasa Žemaitytė-Kazlauskienė-Vanagaitė, senior compliance officer';

describe.runIf(hasChromium())('the top bar with long names', () => {
  it('stays one line at 1,024 px, cuts the workspace name with an ellipsis and shows it in full on hover', async () => {
    session = await openApp({ context: { viewport: { width: 1024, height: 768 } } });
    const { page, harness } = session;
    await screenshotOnFailure(page, 'polish-header', async () => {
      await startDemo(page, LONG_OFFICER);
      const { workspaces } = await ipc(harness, 'workspaces:list', undefined);
      const demo = workspaces[0]!;
      await ipc(harness, 'workspaces:update', { id: demo.id, name: LONG_WORKSPACE.slice(0, 80) });
      // The widest state of the bar's end: a sync error with its detail.
      const created = await ipc(harness, 'cases:create', { firstName: 'Jonas', lastName: 'Jonaitis' });
      await simControl(simulatorOf(created.customerUrl), 'POST', '/__sim/faults', {
        route: '*',
        kind: 'status',
        status: 503,
      });
      await ipc(harness, 'sync:now', undefined);
      await expect.poll(() => syncStatus(page).textContent(), { timeout: 30_000 }).toMatch(/error|Offline/i);
      await page.reload();
      await page.getByRole('heading', { name: 'Cases', level: 1 }).waitFor();

      const name = page.locator('.ws-name');
      await expect.poll(() => name.getAttribute('title')).toBe(LONG_WORKSPACE.slice(0, 80));
      const layout = (await page.evaluate(`(() => {
        const bar = document.querySelector('header.topbar');
        const name = document.querySelector('.ws-name');
        return {
          barHeight: bar.getBoundingClientRect().height,
          overflowing: [...bar.querySelectorAll('*')].filter((el) => el.getBoundingClientRect().right > window.innerWidth + 0.5).length,
          pageWidth: document.documentElement.scrollWidth,
          nameCut: name.scrollWidth > name.clientWidth,
          navHeights: [...document.querySelectorAll('.nav-link')].map((el) => el.getBoundingClientRect().height),
        };
      })()`)) as {
        barHeight: number;
        overflowing: number;
        pageWidth: number;
        nameCut: boolean;
        navHeights: number[];
      };
      expect(layout.barHeight).toBe(52);
      expect(layout.overflowing).toBe(0);
      expect(layout.pageWidth).toBeLessThanOrEqual(1024);
      expect(layout.nameCut).toBe(true);
      expect(new Set(layout.navHeights)).toEqual(new Set([36]));
    });
  }, 120_000);
});
