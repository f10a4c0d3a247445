import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { ARTIFACTS } from './app';
import { describeViolations, isBlocking, runAxe, type Violation } from './axe';

export const THEMES = ['light', 'dark'] as const;
export type Theme = (typeof THEMES)[number];

export interface ScreenReport {
  screen: string;
  theme: Theme;
  violations: Violation[];
  /** The second pass: AAA contrast (`color-contrast-enhanced`, 7:1 and 4.5:1 for large text). */
  enhanced: Violation[];
  screenshot: string;
}

const SCREENSHOTS = join(ARTIFACTS, 'screenshots');
const MAX_SHOT_HEIGHT = 6000;

/**
 * The OS colour scheme; the app's theme is "Same as the system" (the default), so it follows, and says
 * which one it applied on <html data-theme>.
 */
export async function useTheme(page: Page, theme: Theme): Promise<void> {
  await page.emulateMedia({ colorScheme: theme });
  // Polled from outside: waitForFunction would eval() in the page, which the app's CSP forbids.
  await expect.poll(() => page.evaluate('document.documentElement.dataset.theme')).toBe(theme);
}

/**
 * The whole screen, not only the window: the app scrolls inside <main>, so the viewport grows to
 * <main>'s content for the shot and is put back afterwards (not while a dialog is open: it is what the
 * window shows).
 */
export async function fullScreenshot(page: Page, path: string): Promise<void> {
  const viewport = page.viewportSize() ?? { width: 1280, height: 800 };
  const needed = (await page.evaluate(`(() => {
    // A dialog is laid out in the window: growing the window would only stretch it.
    if (document.querySelector('[aria-modal="true"]')) return 0;
    const main = document.querySelector('main');
    if (!main) return document.documentElement.scrollHeight;
    return Math.ceil(main.getBoundingClientRect().top + main.scrollHeight);
  })()`)) as number;
  const height = Math.min(MAX_SHOT_HEIGHT, Math.max(viewport.height, needed));
  if (height > viewport.height) await page.setViewportSize({ width: viewport.width, height });
  try {
    await page.evaluate('new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))');
    await page.screenshot({ path, fullPage: true, animations: 'disabled', caret: 'hide' });
  } finally {
    if (height > viewport.height) await page.setViewportSize(viewport);
  }
}

/** Nothing on screen is still loading: no busy region, no skeleton, no QR code on its way. */
export async function settle(page: Page): Promise<void> {
  await expect
    .poll(
      () =>
        page.evaluate(
          `document.querySelectorAll('[aria-busy="true"], .skeleton, .skeleton-line, .rv-skeleton').length`,
        ),
      { timeout: 20_000 },
    )
    .toBe(0);
  await page.evaluate('new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))');
}

/**
 * axe on a settled screen. A blocking finding is checked once more half a second later: only what
 * persists is reported (a state caught mid-render is logged as transient, not hidden).
 */
async function checkScreen(page: Page, label: string): Promise<Violation[]> {
  await settle(page);
  const first = await runAxe(page);
  if (!first.some(isBlocking)) return first;
  await new Promise((done) => setTimeout(done, 500));
  await settle(page);
  const second = await runAxe(page);
  const persistent = new Set(second.filter(isBlocking).map((v) => v.id));
  const transient = first.filter((v) => isBlocking(v) && !persistent.has(v.id));
  if (transient.length) console.log(`${label}: transient (not reported):\n${describeViolations(transient)}`);
  return second;
}

/** Checks the current screen with axe and photographs it, once per theme; the theme is left light. */
export function screenRecorder(page: Page): {
  reports: ScreenReport[];
  capture(screen: string): Promise<void>;
  summary(): string;
  blocking(): string;
  /** Text below AAA contrast on any captured screen, in either theme ('' when none). */
  belowAaa(): string;
} {
  const reports: ScreenReport[] = [];
  mkdirSync(SCREENSHOTS, { recursive: true });
  return {
    reports,
    async capture(screen) {
      for (const theme of THEMES) {
        await useTheme(page, theme);
        const violations = await checkScreen(page, `${theme} ${screen}`);
        const enhanced = await runAxe(page, ['color-contrast-enhanced']);
        const screenshot = join(SCREENSHOTS, `${theme}-${screen}.png`);
        await fullScreenshot(page, screenshot);
        reports.push({ screen, theme, violations, enhanced, screenshot });
      }
      await useTheme(page, 'light');
    },
    summary() {
      const lines = reports.map((r) => {
        const counts = ['critical', 'serious', 'moderate', 'minor']
          .map((impact) => `${impact} ${r.violations.filter((v) => v.impact === impact).length}`)
          .join(', ');
        const rest = r.violations.filter((v) => !isBlocking(v));
        return (
          `${r.theme.padEnd(5)} ${r.screen.padEnd(22)} ${counts}` +
          (rest.length ? `\n${describeViolations(rest)}` : '')
        );
      });
      return `axe-core results (${reports.length} screen/theme pairs):\n${lines.join('\n')}`;
    },
    blocking() {
      return reports
        .filter((r) => r.violations.some(isBlocking))
        .map((r) => `${r.theme} ${r.screen}:\n${describeViolations(r.violations.filter(isBlocking))}`)
        .join('\n');
    },
    belowAaa() {
      return reports
        .filter((r) => r.enhanced.length > 0)
        .map((r) => `${r.theme} ${r.screen}:\n${describeViolations(r.enhanced)}`)
        .join('\n');
    },
  };
}
