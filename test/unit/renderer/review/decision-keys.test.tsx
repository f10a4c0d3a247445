// @vitest-environment happy-dom
import { act, cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CaseReview } from '../../../../src/renderer/src/features/review/CaseReview';
import { resetImageCache } from '../../../../src/renderer/src/features/review/useImage';
import { useStore } from '../../../../src/renderer/src/store';
import type { CaseView } from '../../../../src/shared/domain/views';
import { caseHandlers, caseView, fakeBridge, ONLINE, type FakeBridge } from './fixtures';

/*
 * The whole review screen, so the decision keys and the image viewers share one document as they do
 * in the app: a key typed into an image, its toolbar or its caption must never pick a decision.
 */

let bridge: FakeBridge;

/** The review with the document photo and the selfie side by side (compare mode): two image panes. */
async function start(view: CaseView = caseView({ syncedAt: Date.now() })) {
  bridge = fakeBridge(caseHandlers(view));
  window.kycDesk = bridge;
  useStore.setState(useStore.getInitialState(), true);
  useStore.setState({ sync: ONLINE });
  const user = userEvent.setup();
  render(<CaseReview caseId={view.id} />);
  await screen.findByRole('heading', { level: 1, name: 'Ruta Zemaite' });
  await screen.findByRole('img', { name: 'Document front' });
  await user.click(screen.getByRole('button', { name: 'Compare with selfie' }));
  await screen.findByRole('img', { name: 'Selfie' });
  return user;
}

const radio = (name: string) => screen.getByRole<HTMLInputElement>('radio', { name: new RegExp(`^${name}`) });
const pane = (label: string) => screen.getByRole('group', { name: `${label}, image viewer` });
const transformOf = (label: string): string => screen.getByRole('img', { name: label }).style.transform;
const noDecision = (): void => {
  for (const name of ['Accept', 'Reject', 'Escalate']) expect(radio(name).checked).toBe(false);
};

beforeEach(() => {
  document.documentElement.dataset.theme = 'light';
});

afterEach(() => {
  cleanup();
  resetImageCache();
});

describe('decision keys are scoped', () => {
  it('R in a focused image rotates that image only and picks no decision', async () => {
    const user = await start();
    act(() => pane('Document front').focus());
    await user.keyboard('r');
    expect(transformOf('Document front')).toContain('rotate(90deg)');
    expect(transformOf('Selfie')).toContain('rotate(0deg)');
    noDecision();
    await user.keyboard('e');
    await user.keyboard('a');
    noDecision();
  });

  it('R after clicking an image toolbar button rotates that image, not Reject', async () => {
    const user = await start();
    const tools = screen.getByRole('toolbar', { name: 'Document front controls' });
    await user.click(within(tools).getByRole('button', { name: 'Zoom in' }));
    expect(document.activeElement?.getAttribute('aria-label')).toBe('Zoom in');
    await user.keyboard('r');
    noDecision();
    expect(transformOf('Document front')).toContain('rotate(90deg)');
    expect(transformOf('Selfie')).toContain('rotate(0deg)');
  });

  it('E after clicking an image caption picks no decision', async () => {
    const user = await start();
    await user.click(screen.getByText('Document front', { selector: 'figcaption' }));
    await user.keyboard('e');
    noDecision();
  });

  it('Ctrl+Enter from an image records nothing', async () => {
    const user = await start();
    await user.click(document.body);
    await user.keyboard('r');
    expect(radio('Reject').checked).toBe(true);
    await user.selectOptions(screen.getByRole('combobox', { name: 'Reason' }), 'customer_withdrew');
    act(() => pane('Selfie').focus());
    await user.keyboard('{Control>}{Enter}{/Control}');
    expect(bridge.callsTo('review:decide')).toEqual([]);
  });

  it('letters typed into an input outside the panel pick no decision', async () => {
    const user = await start();
    const input = document.createElement('input');
    input.setAttribute('aria-label', 'Elsewhere');
    document.body.append(input);
    try {
      await user.click(input);
      await user.keyboard('r');
      noDecision();
      expect(input.value).toBe('r');
    } finally {
      input.remove();
    }
  });

  it('R on the page body or in the decision panel picks Reject', async () => {
    const user = await start();
    act(() => (document.activeElement as HTMLElement | null)?.blur());
    expect(document.activeElement).toBe(document.body);
    await user.keyboard('r');
    expect(radio('Reject').checked).toBe(true);

    // In the panel: from the focused radio, E moves the choice.
    await user.keyboard('e');
    expect(radio('Escalate').checked).toBe(true);

    // From the case heading the app focuses on navigation (tabindex -1), as from the body.
    act(() => screen.getByRole('heading', { level: 1, name: 'Ruta Zemaite' }).focus());
    await user.keyboard('r');
    expect(radio('Reject').checked).toBe(true);

    // Ctrl+Enter from the panel records.
    await user.selectOptions(screen.getByRole('combobox', { name: 'Reason' }), 'customer_withdrew');
    await user.keyboard('{Control>}{Enter}{/Control}');
    expect(bridge.callsTo('review:decide')).toEqual([
      expect.objectContaining({ decision: 'reject', reasonCode: 'customer_withdrew' }),
    ]);
  });
});
