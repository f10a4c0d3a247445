// @vitest-environment happy-dom
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { CaseReview } from '../../../../src/renderer/src/features/review/CaseReview';
import { resetImageCache } from '../../../../src/renderer/src/features/review/useImage';
import { useStore } from '../../../../src/renderer/src/store';
import type { CaseView } from '../../../../src/shared/domain/views';
import { caseHandlers, caseView, fakeBridge, ONLINE, type FakeBridge } from './fixtures';

const HASH = 'a'.repeat(64);
let bridge: FakeBridge;

function purged(kind: 'retention' | 'redaction'): CaseView {
  const base = caseView();
  return {
    ...base,
    syncedAt: Date.now() - 60_000,
    fullName: null,
    personalCode: null,
    registration: null,
    kyc: base.kyc ? { ...base.kyc, payload: { id: 'kyc-1', status: 'Approved' }, files: [] } : null,
    lifecycle: {
      importedAt: null,
      purgedAt: Date.UTC(2031, 2, 4, 12),
      purgeKind: kind,
      redactedUtc: kind === 'redaction' ? '2031-03-04T11:59:00.000Z' : null,
      purgedFiles: [
        { fileId: 'file-front', part: 'Front', fileType: 'DocumentPhoto', sha256: HASH, size: 10 },
        { fileId: 'file-back', part: 'Back', fileType: 'DocumentPhoto', sha256: null, size: null },
      ],
    },
  };
}

function start(view: CaseView) {
  bridge = fakeBridge(caseHandlers(view));
  window.kycDesk = bridge;
  useStore.setState(useStore.getInitialState(), true);
  useStore.setState({ sync: ONLINE });
  return { user: userEvent.setup(), ...render(<CaseReview caseId={view.id} />) };
}

afterEach(() => {
  cleanup();
  resetImageCache();
});

describe('a purged case', () => {
  it('says why the personal data is gone and shows the kept image hashes, not empty fields', async () => {
    start(purged('retention'));
    const card = await screen.findByTestId('purged-case');
    expect(card.textContent).toContain('Personal data removed on 2031-03-04 under the retention policy.');
    expect(within(card).getByText(HASH)).toBeTruthy();
    expect(within(card).getByText('not downloaded before removal, no hash')).toBeTruthy();
    expect(screen.queryByRole('heading', { name: 'Images' })).toBeNull();
    expect(screen.queryByRole('heading', { name: 'Data comparison' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Redact at Ondato…' })).toBeNull();
    expect(screen.queryByRole('tab', { name: 'Personal data' })).toBeNull();
  });

  it('redacts only after the officer confirms the dialog, then shows the redacted case', async () => {
    const view = { ...caseView(), syncedAt: Date.now() - 60_000 };
    const { user } = start(view);
    // The personal-data tools have their own tab beside the review.
    await user.click(await screen.findByRole('tab', { name: 'Personal data' }));
    await user.click(await screen.findByRole('button', { name: 'Redact at Ondato…' }));
    const dialog = screen.getByRole('alertdialog');
    expect(dialog.textContent).toContain('cannot be undone');
    await user.click(within(dialog).getByRole('button', { name: 'Keep the data' }));
    expect(bridge.callsTo('cases:redact')).toEqual([]);

    const after = purged('redaction');
    bridge.handlers['cases:redact'] = () => after;
    bridge.handlers['cases:get'] = () => after;
    await user.click(screen.getByRole('button', { name: 'Redact at Ondato…' }));
    await user.click(
      within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Redact at Ondato' }),
    );
    expect(bridge.callsTo('cases:redact')).toEqual([{ caseId: 'case-1', confirm: true }]);
    const card = await screen.findByTestId('purged-case');
    expect(card.textContent).toContain('Redacted at Ondato on 2031-03-04.');
    expect(screen.queryByRole('alertdialog')).toBeNull();
  });
});
