import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_CREDENTIALS } from '../../src/main/services/workspace-client';
import { createOndatoClient, resolveEndpoints } from '../../src/main/ondato';
import { hasChromium } from '../support/chromium';
import {
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
 * Bringing in a case created elsewhere and redacting it, as an officer does it: real core, real
 * keychain, real Chromium; Ondato is the demo simulator.
 */

let session: AppSession | null = null;

afterEach(async () => {
  await session?.close();
  session = null;
});

describe.runIf(hasChromium())('records in Chromium', () => {
  it('adds an existing case by id, then redacts it behind the confirmation dialog', async () => {
    session = await openApp();
    const { page, harness } = session;
    await screenshotOnFailure(page, 'records', async () => {
      await startDemo(page, 'Rasa Officer');
      // A case made in the app only tells us where the demo simulator listens.
      const probe = await ipc(harness, 'cases:create', { firstName: 'Probe', lastName: 'Case' });
      const simUrl = simulatorOf(probe.customerUrl);
      const portal = createOndatoClient({
        endpoints: resolveEndpoints('simulator', { baseUrl: simUrl }),
        credentials: DEMO_CREDENTIALS,
      });
      const { setups } = await portal.testConnection();
      const setupId = setups.find((s) => !s.isDisabled)?.id ?? '';
      const { id } = await portal.createIdv({
        setupId,
        externalReferenceId: 'PORTAL-7',
        registration: { firstName: 'Vaida', lastName: 'Portalienė' },
      });
      await simControl(simUrl, 'POST', `/__sim/idv/${id}/advance`, { to: 'decide' });

      await page.getByRole('button', { name: 'Add existing case' }).click();
      const dialog = page.getByRole('dialog', { name: 'Add existing case' });
      await dialog.getByLabel('Verification ids').fill(id);
      await dialog.getByRole('button', { name: 'Add', exact: true }).click();
      await dialog.getByText(`${id} — Added`).waitFor();
      await dialog.getByRole('button', { name: 'Done' }).click();

      const row = caseRows(page).filter({ hasText: 'Vaida Portalienė' });
      await row.waitFor();
      await row.click();
      await page.getByRole('heading', { name: 'Vaida Portalienė', level: 1 }).waitFor();

      // The officer agrees in main's own window too (the harness plays it): the page alone cannot redact.
      harness.confirmer.arm('case-redact');
      await page.getByRole('tab', { name: 'Personal data' }).click();
      await page.getByRole('button', { name: 'Redact at Ondato…' }).click();
      const confirm = page.getByRole('alertdialog');
      await expect(confirm.textContent()).resolves.toContain('cannot be undone');
      await confirm.getByRole('button', { name: 'Redact at Ondato', exact: true }).click();
      await page.getByText(/^Redacted at Ondato on \d{4}-\d{2}-\d{2}\./).waitFor();
      await expect(page.getByRole('heading', { name: 'Images' }).count()).resolves.toBe(0);
      await expect(page.locator('body').textContent()).resolves.not.toContain('Portalienė');
    });
  });
});
