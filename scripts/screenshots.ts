// `npm run screenshots`: every screen of the built renderer, driven through the e2e harness (real core,
// demo simulator, encrypted cache in a temporary folder, secrets in memory) in Debian's Chromium, at
// 1,024, 1,366 and 1,920 px wide, light and dark, into artifacts/screenshots/<screen>-<width>-<theme>.png.
// For looking at, not for asserting: the e2e tests assert; this shows what an officer would see.
// Build first (`npm run build`), as `npm test` does; nothing here touches the real keychain.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { createMemoryStore } from '../src/main/secrets/memory-store';
import { ipc, startHarness, type Harness } from '../test/e2e/harness';
import { launchChromium } from '../test/support/chromium';

const OUT = resolve(__dirname, '..', 'artifacts', 'screenshots');
/** Common laptop and desktop windows; the height is what such a screen shows below the title bar. */
const SIZES = [
  { width: 1024, height: 768 },
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
] as const;
const THEMES = ['light', 'dark'] as const;

async function sim(customerUrl: string, path: string, body: unknown): Promise<void> {
  const response = await fetch(`${new URL(customerUrl).origin}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`simulator ${path}: HTTP ${response.status}`);
}

async function until(check: () => Promise<boolean>, what: string, timeoutMs = 30_000): Promise<void> {
  const started = Date.now();
  while (!(await check())) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((done) => setTimeout(done, 100));
  }
}

/** Nothing still loading (no busy region or skeleton), then two frames for layout and paint. */
async function settle(page: Page): Promise<void> {
  const busy = `document.querySelectorAll('[aria-busy="true"], .skeleton, .skeleton-line, .rv-skeleton').length`;
  await until(async () => (await page.evaluate(busy)) === 0, 'the screen to settle');
  await page.evaluate('new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))');
}

let count = 0;

/** The current screen at every size in both themes (the app follows the OS scheme by default). */
async function shoot(page: Page, screen: string): Promise<void> {
  for (const size of SIZES) {
    await page.setViewportSize(size);
    // The pointer rests where the last click left it; park it in a corner so no hover shows.
    await page.mouse.move(size.width - 1, size.height - 1);
    for (const theme of THEMES) {
      await page.emulateMedia({ colorScheme: theme });
      await until(
        async () => (await page.evaluate('document.documentElement.dataset.theme ?? null')) === theme,
        `the ${theme} theme`,
      );
      await settle(page);
      const path = join(OUT, `${screen}-${size.width}-${theme}.png`);
      await page.screenshot({ path, animations: 'disabled', caret: 'hide' });
      count += 1;
    }
  }
  await page.setViewportSize(SIZES[1]);
  process.stdout.write(`  ${screen}\n`);
}

function nav(page: Page, name: string) {
  return page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name, exact: true });
}

/** A few cases in the states a list shows: waiting, in progress, completed with a mismatch, decided. */
async function seed(harness: Harness): Promise<{ reviewId: string }> {
  const people = [
    { firstName: 'Jonas', lastName: 'Jonaitis', dateOfBirth: '1985-06-01', countryCode: 'LT' },
    { firstName: 'Łukasz', lastName: 'Nowak', email: 'lukasz@example.com', countryCode: 'PL' },
    { firstName: 'Anna', lastName: 'Bērziņa', dateOfBirth: '1979-02-11', countryCode: 'LV' },
    { firstName: 'Mari', lastName: 'Tamm', dateOfBirth: '1990-09-30', countryCode: 'EE' },
    { firstName: 'Eglė', lastName: 'Šimkutė', dateOfBirth: '1992-11-03', personalCode: '49211030000' },
  ];
  const created = [];
  for (const person of people) created.push(await ipc(harness, 'cases:create', person));
  const [, progress, approved, rejected, review] = created;
  await sim(progress!.customerUrl, `/__sim/idv/${progress!.id}/advance`, { to: 'kyc-start' });
  await sim(approved!.customerUrl, `/__sim/idv/${approved!.id}/outcome`, { status: 'Approved' });
  await sim(approved!.customerUrl, `/__sim/idv/${approved!.id}/advance`, { to: 'decide' });
  await sim(rejected!.customerUrl, `/__sim/idv/${rejected!.id}/outcome`, { status: 'Rejected' });
  await sim(rejected!.customerUrl, `/__sim/idv/${rejected!.id}/advance`, { to: 'decide' });
  await sim(review!.customerUrl, `/__sim/idv/${review!.id}/mismatch`, { lastName: 'Šimkienė' });
  await sim(review!.customerUrl, `/__sim/idv/${review!.id}/advance`, { to: 'complete' });
  await ipc(harness, 'sync:now', undefined);
  for (const c of created) await ipc(harness, 'cases:refresh', { caseId: c.id });
  return { reviewId: review!.id };
}

async function journey(page: Page, harness: Harness): Promise<void> {
  await page.getByRole('heading', { name: 'Welcome to KYC Desk' }).waitFor();
  await shoot(page, 'welcome');

  await page.getByLabel('Your name').fill('Rasa Petrauskienė');
  await page.getByRole('button', { name: 'Try the demo' }).click();
  await page.getByRole('heading', { name: 'Cases', level: 1 }).waitFor();
  await page.getByText('No cases yet — create one').waitFor();
  await shoot(page, 'cases-empty');

  await nav(page, 'New case').click();
  await page.getByRole('heading', { name: 'New case', level: 1 }).waitFor();
  await shoot(page, 'new-case');
  await page.getByRole('button', { name: 'Create case' }).click();
  await page.getByLabel(/^Date of birth/).fill(`${new Date().getFullYear() - 15}-03-14`);
  await page.getByLabel('E-mail (optional)').fill('not-an-email');
  await page.getByLabel('First name', { exact: true }).focus();
  await shoot(page, 'new-case-errors');
  await page.getByLabel('First name', { exact: true }).fill('Žydrūnė');
  await page.getByLabel('Last name', { exact: true }).fill('Paulauskaitė');
  await page.getByLabel('E-mail (optional)').fill('zydrune@example.com');
  await page.getByLabel(/^Date of birth/).fill('1988-02-29');
  await page.getByRole('button', { name: 'Create case' }).click();
  await page.getByRole('heading', { name: 'Case created', level: 1 }).waitFor();
  await page.getByRole('img', { name: "QR code of the customer's verification link" }).waitFor();
  await shoot(page, 'case-created');

  const { reviewId } = await seed(harness);
  await nav(page, 'Cases').click();
  await page.getByRole('heading', { name: 'Cases', level: 1 }).waitFor();
  const rows = page.getByRole('listbox', { name: /^Cases, / }).getByRole('option');
  await until(async () => (await rows.count()) >= 6, 'six rows in the case list');
  await shoot(page, 'cases-list');

  await rows.filter({ hasText: 'Jonas Jonaitis' }).click();
  await page.getByRole('heading', { name: 'Jonas Jonaitis', level: 1 }).waitFor();
  await shoot(page, 'case-review-pending');

  await nav(page, 'Cases').click();
  await rows.filter({ hasText: 'Eglė' }).click();
  await page.getByText('Completed by customer').waitFor({ timeout: 45_000 });
  for (const name of ['Document front', 'Document back', 'Selfie']) {
    const image = page.getByRole('img', { name, exact: true });
    await image.waitFor();
    await until(
      async () =>
        (await image.evaluate((el) => (el as unknown as { naturalWidth: number }).naturalWidth)) > 0,
      `${name} to load`,
    );
  }
  await shoot(page, 'case-review-completed');
  await ipc(harness, 'review:decide', {
    caseId: reviewId,
    decision: 'escalate',
    reasonCode: 'needs_second_opinion',
    note: 'Surname differs; married name? Second officer to check.',
  });
  await page.getByText('Current decision', { exact: true }).waitFor();
  await shoot(page, 'case-review-decided');

  await nav(page, 'Settings').click();
  await page.getByRole('heading', { name: 'Settings', level: 1 }).waitFor();
  await page.getByText('Cache size').waitFor();
  await shoot(page, 'settings');

  await page.getByRole('button', { name: 'Show shortcuts' }).click();
  await page.getByRole('dialog', { name: 'Keyboard shortcuts' }).waitFor();
  await shoot(page, 'shortcuts');
  await page.keyboard.press('Escape');
  await page.getByRole('dialog').waitFor({ state: 'detached' });

  await page.getByRole('button', { name: /^Workspace:/ }).click();
  await shoot(page, 'workspace-switcher');
  await page.getByRole('button', { name: 'Manage workspaces…' }).click();
  await page.getByRole('heading', { name: 'Workspaces', level: 1 }).waitFor();
  await shoot(page, 'workspaces');
  await page.getByRole('button', { name: 'Connect an Ondato workspace' }).click();
  await page.getByRole('button', { name: 'Test connection' }).last().waitFor();
  await shoot(page, 'workspaces-add');
  await page.getByRole('button', { name: 'Cancel' }).click();
  await page.getByRole('button', { name: 'Edit', exact: true }).click();
  await page.getByRole('button', { name: 'Save changes' }).waitFor();
  await page.getByLabel('Workspace name').fill('');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await page.getByText('Enter a name for the workspace.').waitFor();
  await shoot(page, 'workspaces-edit');
  await page.getByRole('button', { name: 'Cancel' }).click();

  await ipc(harness, 'lock:set-pin', { pin: '2468' });
  await ipc(harness, 'lock:now', undefined);
  await page.getByRole('heading', { name: 'KYC Desk is locked' }).waitFor();
  await shoot(page, 'lock');
  await page.getByLabel('PIN').fill('2468');
  await page.getByRole('button', { name: 'Unlock' }).click();
  await page.getByRole('heading', { name: 'Workspaces', level: 1 }).waitFor();
}

async function main(): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  const dataDir = mkdtempSync(join(tmpdir(), 'kyc-desk-screens-'));
  const browser = await launchChromium();
  let harness: Harness | null = null;
  try {
    const context = await browser.newContext({
      viewport: SIZES[1],
      locale: 'en-GB',
      timezoneId: 'Europe/Vilnius',
      reducedMotion: 'reduce',
    });
    context.setDefaultTimeout(30_000);
    harness = await startHarness({ dataDir, secrets: createMemoryStore() });
    const page = await context.newPage();
    await page.goto(harness.url);
    process.stdout.write(`Screens into ${OUT}:\n`);
    await journey(page, harness);
    await harness.stop();

    // The cache key is gone (a fresh keychain): the app offers its rescue screen instead of the cases.
    harness = await startHarness({ dataDir, secrets: createMemoryStore() });
    await page.goto(harness.url);
    await page.getByRole('heading', { name: 'KYC Desk cannot open your cases' }).waitFor();
    await shoot(page, 'cache-problem');
    process.stdout.write(`${count} screenshots.\n`);
  } finally {
    await harness?.stop().catch(() => undefined);
    await browser.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`screenshots: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
