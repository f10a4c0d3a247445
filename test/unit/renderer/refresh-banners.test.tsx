// @vitest-environment happy-dom
import { act, cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { CaseReview } from '../../../src/renderer/src/features/review/CaseReview';
import { resetImageCache } from '../../../src/renderer/src/features/review/useImage';
import { useStore } from '../../../src/renderer/src/store';
import { caseHandlers, caseView, failure, fakeBridge, ONLINE } from './review/fixtures';

/*
 * Found in the harness: offline, every Refresh added "Could not refresh from Ondato: Could not reach
 * Ondato…" above the banner that already said Ondato cannot be reached and what still works.
 */

afterEach(() => {
  cleanup();
  resetImageCache();
});

function start(): ReturnType<typeof userEvent.setup> {
  const base = caseView();
  const syncedAt = Date.now() - 60_000;
  const view = { ...base, syncedAt, kyc: base.kyc ? { ...base.kyc, syncedAt } : null };
  const bridge = fakeBridge(caseHandlers(view));
  bridge.handlers['cases:refresh'] = () =>
    failure(
      'network',
      'Could not reach Ondato to get IDV. Check the internet connection, proxy or firewall.',
    );
  window.kycDesk = bridge;
  useStore.setState(useStore.getInitialState(), true);
  useStore.setState({ sync: ONLINE });
  render(<CaseReview caseId={view.id} />);
  return userEvent.setup();
}

/** Every visible message about Ondato being out of reach (the live region for screen readers aside). */
function unreachableNotices(): Element[] {
  return [...document.querySelectorAll('.rv-banner, .rv-inline-error, [role="alert"]')].filter((el) =>
    /reach(ed)? Ondato|Ondato cannot be reached/.test(el.textContent ?? ''),
  );
}

describe('banners after Refresh', () => {
  it('offline: one banner says Ondato cannot be reached, however often the officer refreshes', async () => {
    const user = start();
    await screen.findByRole('heading', { level: 1, name: 'Ruta Zemaite' });
    act(() =>
      useStore.setState({ sync: { ...ONLINE, state: 'offline', offlineSince: Date.now() - 60_000 } }),
    );
    for (let i = 0; i < 3; i++) {
      await user.click(screen.getByRole('button', { name: 'Refresh' }));
      await screen.findByText(/Refresh failed/);
    }
    expect(unreachableNotices()).toHaveLength(1);
    expect(screen.getByText(/^Offline since/)).toBeTruthy();
  });

  it('online: a failed Refresh is still reported inline', async () => {
    const user = start();
    await screen.findByRole('heading', { level: 1, name: 'Ruta Zemaite' });
    await user.click(screen.getByRole('button', { name: 'Refresh' }));
    expect(await screen.findByText(/Could not refresh from Ondato: Could not reach Ondato/)).toBeTruthy();
    expect(unreachableNotices()).toHaveLength(1);
  });
});
