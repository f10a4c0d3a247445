import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import type { CoreDeps } from '../../../src/main/app/core';
import { launchChromium } from '../../support/chromium';
import { tempDataDir, testKeychain } from '../../integration/services/support';
import { ipc, startHarness, type Harness } from '../harness';

export { ipc };

/*
 * One self-contained app session for a browser test: its own temp data dir, its own keychain service
 * (`kyc-desk-test-<uuid>`, the real keytar store, emptied afterwards), its own harness, Chromium and
 * context. `close()` undoes all of it, whatever state the test left.
 */

export interface AppSession {
  harness: Harness;
  browser: Browser;
  context: BrowserContext;
  page: Page;
  /** The keychain service the session's cache key lives under. */
  keychainService: string;
  close(): Promise<void>;
}

export interface AppSessionOptions {
  core?: Partial<CoreDeps>;
  context?: BrowserContextOptions;
}

/** Quick failure detection for tests that take the demo simulator offline (the defaults need minutes). */
export const FAST_OFFLINE: Partial<CoreDeps> = {
  clientTuning: { retry: { maxAttempts: 1 }, timeoutMs: 5_000 },
  engineOptions: { offlineAfterFailures: 1, probeBackoff: { min: 1_000, max: 2_000 } },
};

export async function openApp(options: AppSessionOptions = {}): Promise<AppSession> {
  const keychain = testKeychain();
  const data = tempDataDir();
  const cleanups: (() => Promise<void> | void)[] = [() => data.remove(), () => keychain.cleanup()];
  const close = async (): Promise<void> => {
    const errors: unknown[] = [];
    for (const cleanup of cleanups.splice(0).reverse()) {
      try {
        await cleanup();
      } catch (error) {
        errors.push(error);
      }
    }
    if (errors.length > 0) throw errors[0];
  };
  try {
    const harness = await startHarness({
      dataDir: data.dir,
      secrets: keychain.store,
      ...(options.core ? { core: options.core } : {}),
    });
    cleanups.push(() => harness.stop());
    const browser = await launchChromium();
    cleanups.push(() => browser.close());
    const context = await browser.newContext({
      viewport: { width: 1280, height: 800 },
      locale: 'en-GB',
      timezoneId: 'Europe/Vilnius',
      reducedMotion: 'reduce',
      ...options.context,
    });
    cleanups.push(() => context.close());
    context.setDefaultTimeout(20_000);
    const page = await context.newPage();
    await page.goto(harness.url);
    return { harness, browser, context, page, keychainService: keychain.service, close };
  } catch (error) {
    await close().catch(() => undefined);
    throw error;
  }
}

/** The base URL of the demo simulator that serves a customer link. */
export function simulatorOf(customerUrl: string): string {
  return new URL(customerUrl).origin;
}

/** A `/__sim/...` control route of the demo simulator (docs/simulator.md). */
export async function simControl(
  simUrl: string,
  method: 'GET' | 'POST' | 'DELETE',
  path: string,
  body?: unknown,
): Promise<unknown> {
  const response = await fetch(`${simUrl}${path}`, {
    method,
    ...(body === undefined
      ? {}
      : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
  });
  expect(response.status, `${method} ${path}`).toBeLessThan(300);
  const text = await response.text();
  return text ? (JSON.parse(text) as unknown) : null;
}

export interface SimRequest {
  method: string;
  path: string;
  route: string;
  status: number;
  faulted?: boolean;
}

export async function simRequests(simUrl: string): Promise<SimRequest[]> {
  return (await simControl(simUrl, 'GET', '/__sim/requests')) as SimRequest[];
}

/** Starts the app's demo from the welcome screen, as a first-time user does. */
export async function startDemo(page: Page, officerName: string): Promise<void> {
  await page.getByRole('heading', { name: 'Welcome to KYC Desk' }).waitFor();
  await page.getByLabel('Your name').fill(officerName);
  await page.getByRole('button', { name: 'Try the demo' }).click();
  await page.getByRole('heading', { name: 'Cases', level: 1 }).waitFor();
}

export function mainNav(page: Page, name: string): ReturnType<Page['getByRole']> {
  return page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name, exact: true });
}

export interface CustomerChoices {
  outcome: 'Approve' | 'Reject' | 'Leave for manual review';
  mismatch?:
    'Matches the registration' | 'Last name differs' | 'Date of birth differs' | 'Document has expired';
}

/** Plays the customer on the simulator's page: consent, document, front, back, selfie, demo outcome, submit. */
export async function walkCustomerFlow(page: Page, url: string, choices: CustomerChoices): Promise<void> {
  await page.goto(url);
  await page.getByRole('heading', { name: 'Your consent' }).waitFor();
  await page.getByRole('checkbox').check();
  await page.getByRole('button', { name: 'Agree and continue' }).click();
  await page.getByRole('heading', { name: 'Choose your document' }).waitFor();
  await page.getByRole('radio', { name: 'Identity card' }).check();
  await page.getByRole('button', { name: 'Continue', exact: true }).click();
  await page.getByRole('heading', { name: 'Photo of the front' }).waitFor();
  await page.getByRole('button', { name: 'Upload this photo' }).click();
  await page.getByRole('heading', { name: 'Photo of the back' }).waitFor();
  await page.getByRole('button', { name: 'Upload this photo' }).click();
  await page.getByRole('heading', { name: 'Take a selfie' }).waitFor();
  await page.getByRole('button', { name: 'Upload this selfie' }).click();
  await page.getByRole('heading', { name: 'Check and submit' }).waitFor();
  await page.getByRole('radio', { name: choices.outcome }).check();
  if (choices.mismatch) await page.getByRole('radio', { name: choices.mismatch }).check();
  await page.getByRole('button', { name: 'Submit' }).click();
  await page.getByRole('heading', { name: 'Thank you' }).waitFor();
}

/** The rows of the case list (a listbox of options; the filter selects have options too). */
export function caseRows(page: Page): ReturnType<Page['locator']> {
  return page.getByRole('listbox', { name: /^Cases, / }).getByRole('option');
}

/** The sync indicator's live region (the visible label is aria-hidden; this is what is announced). */
export function syncStatus(page: Page): ReturnType<Page['locator']> {
  return page.locator('.sync-indicator [role="status"]');
}

export const ARTIFACTS = join(__dirname, '..', '..', '..', 'artifacts');

/** Runs a test body; when it fails, the page as it was goes to artifacts/failures/<name>.png. */
export async function screenshotOnFailure(
  page: Page,
  name: string,
  body: () => Promise<void>,
): Promise<void> {
  try {
    await body();
  } catch (error) {
    const dir = join(ARTIFACTS, 'failures');
    mkdirSync(dir, { recursive: true });
    await page.screenshot({ path: join(dir, `${name}.png`), fullPage: true }).catch(() => undefined);
    throw error;
  }
}
