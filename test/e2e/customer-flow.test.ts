import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../../src/simulator';
import { launchChromium } from '../support/chromium';
import { cli } from '../support/cli';

// A new user's first walk: the CLI creates a case, the customer flow runs in a real browser, and the
// CLI watches the case follow it.
let sim: Simulator;
let browser: Browser;
let env: Record<string, string>;

beforeAll(async () => {
  sim = await startSimulator({ port: 0, seed: 11, demo: true });
  browser = await launchChromium();
  env = {
    ONDATO_ENV: 'simulator',
    ONDATO_SIMULATOR_URL: sim.url,
    ONDATO_CLIENT_ID: 'kyc-desk-demo',
    ONDATO_CLIENT_SECRET: 'demo-secret',
    ONDATO_SETUP_ID: 'c3a0f7a2-6b1e-4b7e-9a51-1d2f3e4a5b61',
  };
});

afterAll(async () => {
  await browser?.close();
  await sim?.stop();
});

describe('customer flow in Chromium', () => {
  it('walks consent, document, front, back, selfie and submit, and the CLI follows', async () => {
    const created = await cli(env, ['create', '--first-name', 'Jonas', '--last-name', 'Jonaitis', '--json']);
    const { id, customerUrl } = JSON.parse(created.out) as { id: string; customerUrl: string };
    const page = await browser.newPage();
    await page.goto(customerUrl);
    await expect(page.title()).resolves.toMatch(/Ondato simulator/);

    await page.getByRole('button', { name: 'Agree and continue' }).click();
    await page.getByText('Tick the box').waitFor();
    expect((await cli(env, ['status', id])).out).toContain(': InProgress');

    await page.getByRole('checkbox').check();
    await page.getByRole('button', { name: 'Agree and continue' }).click();
    await page.getByRole('radio').first().check();
    await page.getByRole('button', { name: 'Continue', exact: true }).click();
    await page.getByRole('button', { name: 'Upload this photo' }).click();
    await page.getByRole('button', { name: 'Upload this photo' }).click();
    await page.getByRole('button', { name: 'Upload this selfie' }).click();
    expect((await cli(env, ['kyc', id])).out).toContain('Document: not submitted yet');

    await page.getByRole('radio', { name: 'Leave for manual review' }).check();
    await page.getByRole('button', { name: 'Submit' }).click();
    await page.getByRole('heading', { name: 'Thank you' }).waitFor();

    expect((await cli(env, ['status', id])).out).toContain(': Completed');
    const kyc = await cli(env, ['kyc', id]);
    expect(kyc.out).toContain(': Awaiting (Processing)');
    expect(kyc.out).toContain('Name: Jonas Jonaitis');
    expect(kyc.out).toContain('Files: Front, Back, Selfie');
    await page.close();
  });
});
