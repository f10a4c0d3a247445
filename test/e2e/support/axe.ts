import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';

/*
 * axe-core in the page. The source goes in through the DevTools protocol (page.evaluate), not a
 * <script> tag: the app's CSP forbids inline scripts, and the test must not loosen the CSP it checks
 * the app under.
 */

const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export type Impact = 'minor' | 'moderate' | 'serious' | 'critical';

export interface Violation {
  id: string;
  impact: Impact | null;
  help: string;
  helpUrl: string;
  nodes: { target: string; summary: string }[];
}

const AA_TAGS = {
  type: 'tag',
  values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'],
};

/** WCAG 2.x A/AA and best practices by default; `rules` runs only those rules (e.g. an AAA one). */
export async function runAxe(page: Page, rules?: readonly string[]): Promise<Violation[]> {
  const loaded = await page.evaluate('typeof window.axe === "object"');
  if (loaded !== true) await page.evaluate(AXE_SOURCE);
  const runOnly = JSON.stringify(rules ? { type: 'rule', values: rules } : AA_TAGS);
  // A string: this file is type-checked without the DOM library.
  return (await page.evaluate(`(async () => {
    const results = await window.axe.run(document, {
      resultTypes: ['violations'],
      runOnly: ${runOnly},
    });
    return results.violations.map((v) => ({
      id: v.id,
      impact: v.impact ?? null,
      help: v.help,
      helpUrl: v.helpUrl,
      nodes: v.nodes.map((n) => ({ target: n.target.join(' '), summary: (n.failureSummary || '').replace(/\\s+/g, ' ') })),
    }));
  })()`)) as Violation[];
}

export function isBlocking(violation: Violation): boolean {
  return violation.impact === 'serious' || violation.impact === 'critical';
}

export function describeViolations(violations: Violation[]): string {
  return violations
    .map(
      (v) =>
        `  [${v.impact ?? 'unknown'}] ${v.id}: ${v.help}\n` +
        v.nodes
          .slice(0, 5)
          .map((n) => `      ${n.target} — ${n.summary}`)
          .join('\n'),
    )
    .join('\n');
}
