import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterEach, describe, expect, it } from 'vitest';
import { hasChromium } from '../support/chromium';
import { caseRows, ipc, openApp, screenshotOnFailure, startDemo, type AppSession } from './support/app';

/*
 * The export buttons in Chromium against the real core: the officer exports the list's register and a
 * case's evidence pack; main's save dialog (Electron's, stood in for here) decides where they go, and the
 * screen says where they went.
 */
let session: AppSession | null = null;
const dir = mkdtempSync(join(tmpdir(), 'kyc-desk-exports-'));
const chosen: string[] = [];

afterEach(async () => {
  await session?.close();
  session = null;
  rmSync(dir, { recursive: true, force: true });
});

describe.runIf(hasChromium())('export buttons', () => {
  it('exports the case register from the list and an evidence pack from the case', async () => {
    session = await openApp({
      core: {
        saveDialog: {
          async choose({ defaultName }) {
            const path = join(dir, defaultName);
            chosen.push(path);
            return path;
          },
        },
      },
    });
    const { page } = session;
    await screenshotOnFailure(page, 'exports', async () => {
      await startDemo(page, 'Olga Officer');
      await ipc(session!.harness, 'cases:create', { firstName: 'Eglė', lastName: 'Šimkutė' });
      await ipc(session!.harness, 'cases:create', { firstName: 'Νίκος', lastName: 'Παπαδόπουλος' });
      await caseRows(page).nth(1).waitFor();

      await page.getByRole('button', { name: 'Export CSV' }).click();
      const csvStatus = page.getByRole('status').filter({ hasText: 'Case register' });
      await csvStatus.waitFor();
      const csvPath = chosen.at(-1)!;
      expect(await csvStatus.textContent()).toContain(csvPath);
      const rows = parse(readFileSync(csvPath), { bom: true, columns: true }) as Record<string, string>[];
      expect(rows.map((r) => r['Customer name']).sort()).toEqual(['Eglė Šimkutė', 'Νίκος Παπαδόπουλος']);

      await caseRows(page).first().click();
      await page.getByRole('button', { name: 'Export PDF' }).click();
      const pdfStatus = page.getByRole('status').filter({ hasText: 'Evidence pack saved to' });
      await pdfStatus.waitFor({ timeout: 60_000 });
      const pdfPath = chosen.at(-1)!;
      expect(pdfPath).toMatch(/\.pdf$/);
      expect(await pdfStatus.textContent()).toContain(pdfPath);
      expect(readFileSync(pdfPath).subarray(0, 5).toString()).toBe('%PDF-');
    });
  });
});
