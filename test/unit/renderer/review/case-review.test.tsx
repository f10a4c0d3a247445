// @vitest-environment happy-dom
import { act, cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CaseReview } from '../../../../src/renderer/src/features/review/CaseReview';
import { resetImageCache } from '../../../../src/renderer/src/features/review/useImage';
import { useStore } from '../../../../src/renderer/src/store';
import type { CaseView } from '../../../../src/shared/domain/views';
import {
  auditEvent,
  caseHandlers,
  caseView,
  decision,
  DOCUMENT,
  failure,
  fakeBridge,
  kycPayload,
  ONLINE,
  panelsShown,
  PNG_BYTES,
  type FakeBridge,
} from './fixtures';

let bridge: FakeBridge;

/** A case synced a minute ago by this machine's real clock (the screen compares with Date.now()). */
function freshView(overrides: Partial<CaseView> = {}): CaseView {
  const base = caseView();
  const syncedAt = Date.now() - 60_000;
  return { ...base, syncedAt, kyc: base.kyc ? { ...base.kyc, syncedAt } : null, ...overrides };
}

function start(view: CaseView = freshView()) {
  bridge = fakeBridge(caseHandlers(view));
  window.kycDesk = bridge;
  useStore.setState(useStore.getInitialState(), true);
  useStore.setState({ sync: ONLINE });
  const user = userEvent.setup();
  const result = render(<CaseReview caseId={view.id} />);
  return { user, ...result };
}

beforeEach(() => {
  document.documentElement.dataset.theme = 'light';
});

afterEach(() => {
  cleanup();
  resetImageCache();
});

describe('CaseReview', () => {
  it('shows a loading state, then the case; tells main it is being viewed and when it is not', async () => {
    const { unmount } = start();
    expect(screen.getByRole('heading', { level: 1, name: 'Opening case…' })).toBeTruthy();
    expect(await screen.findByRole('heading', { level: 1, name: 'Ruta Zemaite' })).toBeTruthy();
    expect(screen.getByText('CUST-42')).toBeTruthy();
    expect(bridge.callsTo('cases:viewing')).toEqual([{ caseId: 'case-1' }]);
    unmount();
    expect(bridge.callsTo('cases:viewing')).toEqual([{ caseId: 'case-1' }, { caseId: null }]);
  });

  it('asks for the first document image alongside the case, in one round trip, not after it', async () => {
    const view = freshView();
    bridge = fakeBridge({
      ...caseHandlers(view),
      'cases:first-image': () => ({ fileId: 'file-front', image: { mime: 'image/png', bytes: PNG_BYTES } }),
    });
    window.kycDesk = bridge;
    useStore.setState(useStore.getInitialState(), true);
    useStore.setState({ sync: ONLINE });
    render(<CaseReview caseId={view.id} />);
    // Both requests go out before the case is in.
    expect(bridge.calls.map((c) => c.channel).slice(0, 2)).toEqual(['cases:get', 'cases:first-image']);
    await screen.findByRole('img', { name: 'Document front' });
    // The front came with that answer: only the other tab's picture (the selfie) is asked for.
    expect(bridge.callsTo('cases:first-image')).toEqual([{ caseId: 'case-1' }]);
    const front = JSON.stringify({ caseId: 'case-1', fileId: 'file-front' });
    expect(bridge.callsTo('cases:image').filter((c) => JSON.stringify(c) === front)).toHaveLength(0);
  });

  it('asks for the first image itself when main has none to give with the case', async () => {
    const view = freshView();
    bridge = fakeBridge({ ...caseHandlers(view), 'cases:first-image': () => null });
    window.kycDesk = bridge;
    useStore.setState(useStore.getInitialState(), true);
    useStore.setState({ sync: ONLINE });
    render(<CaseReview caseId={view.id} />);
    await screen.findByRole('img', { name: 'Document front' });
    const front = JSON.stringify({ caseId: 'case-1', fileId: 'file-front' });
    expect(bridge.callsTo('cases:image').filter((c) => JSON.stringify(c) === front)).toHaveLength(1);
  });

  it('shows unknown Ondato values exactly as they came', async () => {
    const base = freshView();
    start({
      ...base,
      idvStatus: 'UnderManualReview',
      kyc: {
        ...base.kyc!,
        status: 'OnHold',
        statusReason: 'SanctionsScreening',
        payload: kycPayload(
          { ...DOCUMENT, type: 'MilitaryId' },
          { rules: [{ name: 'DocumentHasHologram', status: 'Inconclusive', reason: 'Glare' }] },
        ),
        files: [{ ...base.kyc!.files[0]!, part: 'Hologram', fileId: 'file-holo' }],
      },
    });
    await screen.findByRole('heading', { level: 1, name: 'Ruta Zemaite' });
    await panelsShown();
    expect(screen.getAllByText('UnderManualReview').length).toBeGreaterThan(0);
    expect(screen.getAllByText('OnHold').length).toBeGreaterThan(0);
    expect(screen.getAllByText('SanctionsScreening').length).toBeGreaterThan(0);
    expect(screen.getByText('MilitaryId')).toBeTruthy();
    expect(screen.getByText('DocumentHasHologram')).toBeTruthy();
    expect(screen.getByText('Inconclusive')).toBeTruthy();
    expect(screen.getByText('Glare')).toBeTruthy();
    expect(await screen.findByRole('img', { name: 'Document image (Hologram)' })).toBeTruthy();
  });

  it('labels known values in words with the raw value alongside', async () => {
    start();
    await screen.findByRole('heading', { level: 1, name: 'Ruta Zemaite' });
    await panelsShown();
    const checks = screen.getByRole('region', { name: 'Ondato checks' });
    expect(within(checks).getByText("Awaiting Ondato's decision")).toBeTruthy();
    expect(within(checks).getByText('Ondato: Awaiting')).toBeTruthy();
    expect(within(checks).getByText('Submitted; Ondato is processing it')).toBeTruthy();
    expect(within(checks).getByText('Selfie matches the document photo')).toBeTruthy();
    expect(within(checks).getByText('Failed')).toBeTruthy();
    expect(screen.getByText('Automatic checks only')).toBeTruthy();
  });

  it('compares the data and flags OCR problems next to the field', async () => {
    start();
    const table = await screen.findByRole('table');
    const dob = within(table).getByRole('row', { name: /Date of birth/ });
    // Ondato could not validate it: never a plain green Match.
    expect(within(dob).getByText('Match, with a caveat')).toBeTruthy();
    expect(
      within(dob).getByText('Matches — but Ondato could not validate this field on the document'),
    ).toBeTruthy();
    const last = within(table).getByRole('row', { name: /Last name/ });
    expect(last.textContent).toContain('Zemaite');
    expect(last.textContent).toContain('Žemaitė');
    expect(within(last).getByText('Match')).toBeTruthy();
  });

  it('says it is offline, since when the data is, and what still works', async () => {
    start();
    await screen.findByRole('heading', { level: 1, name: 'Ruta Zemaite' });
    act(() =>
      useStore.setState({ sync: { ...ONLINE, state: 'offline', offlineSince: Date.now() - 300_000 } }),
    );
    expect(screen.getByText(/^Offline since/)).toBeTruthy();
    expect(screen.getByText(/You can review and decide; decisions are saved locally/)).toBeTruthy();
    expect(screen.getByText(/The data shown is from today/)).toBeTruthy();
  });

  it('calls old data out even while online', async () => {
    start(freshView({ syncedAt: Date.now() - 25 * 60_000, kyc: null }));
    expect(await screen.findByText('This case may be out of date')).toBeTruthy();
    expect(screen.getByText(/The data shown is from .*\(25 min ago\)/)).toBeTruthy();
  });

  it('refreshes on request and reports a failure inline and to screen readers', async () => {
    const { user } = start();
    await screen.findByRole('heading', { level: 1, name: 'Ruta Zemaite' });
    bridge.handlers['cases:refresh'] = () => failure('network', 'Ondato cannot be reached.');
    await user.click(screen.getByRole('button', { name: 'Refresh' }));
    expect(bridge.callsTo('cases:refresh')).toEqual([{ caseId: 'case-1' }]);
    expect(await screen.findByText(/Could not refresh from Ondato: Ondato cannot be reached\./)).toBeTruthy();
    const live = document.querySelector('[aria-live="polite"]')!;
    expect(live.textContent).toMatch(/Refresh failed/);
  });

  it('re-fetches when main says the case changed', async () => {
    start();
    await screen.findByRole('heading', { level: 1, name: 'Ruta Zemaite' });
    bridge.handlers['cases:get'] = () => freshView({ fullName: 'Rūta Žemaitė-Kairienė' });
    await act(async () => bridge.emit('cases:changed', { ids: ['case-1'] }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Rūta Žemaitė-Kairienė' })).toBeTruthy();
  });

  it('records a decision and announces it', async () => {
    const { user } = start();
    await screen.findByRole('heading', { level: 1, name: 'Ruta Zemaite' });
    await panelsShown();
    const record = decision({ id: 5, decision: 'accept', reasonCode: 'verified', decidedAt: Date.now() });
    bridge.handlers['review:decide'] = () => record;
    bridge.handlers['review:decisions'] = () => [record];
    bridge.handlers['audit:list'] = () => [
      auditEvent({
        seq: 2,
        action: 'decision.recorded',
        at: Date.now(),
        details: { decision: 'accept', reasonCode: 'verified' },
      }),
      auditEvent(),
    ];
    await user.click(screen.getByRole('radio', { name: /^Accept/ }));
    await user.selectOptions(screen.getByRole('combobox', { name: 'Reason' }), 'verified');
    // The fixture case has risk flags: an accept ticks each one and explains them in the note.
    const overrides = screen.getByRole('group', { name: /^Accept over/ });
    for (const box of within(overrides).getAllByRole('checkbox')) await user.click(box);
    await user.type(screen.getByRole('textbox', { name: /Note/ }), 'Spelling checked against the passport.');
    await user.click(screen.getByRole('button', { name: 'Record decision' }));
    expect(await screen.findByText('Current decision')).toBeTruthy();
    expect(document.querySelector('[aria-live="polite"]')!.textContent).toBe(
      'Decision recorded: Accept, Identity verified.',
    );
    expect(await screen.findByText('Decision recorded: Accepted')).toBeTruthy();
  });

  it('lists the risk flags of the case, computed in the renderer from the same rules as main', async () => {
    start(
      freshView({
        kyc: { ...caseView().kyc!, payload: kycPayload({ ...DOCUMENT, dateOfExpiration: '2020-01-01' }) },
      }),
    );
    const card = await screen.findByRole('region', { name: /Risk flags/ });
    expect(within(card).getByText('The document has expired')).toBeTruthy();
    expect(within(card).getByText(/Expired on 2020-01-01/)).toBeTruthy();
  });

  it('shows the timeline with people and Ondato, unknown actions raw', async () => {
    start();
    bridge.handlers['audit:list'] = () => [
      auditEvent({ seq: 4, action: 'case.archived_somewhere', at: Date.now() - 1000 }),
      auditEvent({
        seq: 3,
        action: 'sync.idv_status',
        details: { from: 'Pending', to: 'InProgress' },
        at: Date.now() - 2000,
      }),
      auditEvent({ seq: 2, action: 'link.copied', at: Date.now() - 3000 }),
      auditEvent({ seq: 1, action: 'case.created', at: Date.now() - 4000 }),
    ];
    await act(async () => bridge.emit('cases:changed', { ids: ['case-1'] }));
    // The timeline is one tab away from the review, out of the decision's column.
    await userEvent.setup().click(screen.getByRole('tab', { name: 'History' }));
    const timeline = screen.getByRole('region', { name: /Timeline/ });
    const items = await within(timeline).findAllByRole('listitem');
    expect(items.map((li) => li.querySelector('.rv-tl-title')?.textContent)).toEqual([
      'case.archived_somewhere',
      'Customer opened the link',
      'Customer link copied',
      'Case created',
    ]);
    expect(items[1]!.textContent).toContain('Ondato');
    expect(items[2]!.textContent).toContain('Asta Officer (asta)');
  });

  it('embeds the customer link only while the customer can still use it', async () => {
    start(freshView({ idvStatus: 'Pending', kyc: null }));
    expect(await screen.findByRole('heading', { name: 'Customer link' })).toBeTruthy();
    cleanup();
    start(freshView({ idvStatus: 'Completed' }));
    await screen.findByRole('heading', { level: 1, name: 'Ruta Zemaite' });
    expect(screen.queryByRole('heading', { name: 'Customer link' })).toBeNull();
  });

  it('offers a way out when the case cannot be opened', async () => {
    bridge = fakeBridge({
      ...caseHandlers(freshView()),
      'cases:get': () => failure('case_not_found', 'Not in the cache.'),
    });
    window.kycDesk = bridge;
    useStore.setState(useStore.getInitialState(), true);
    const user = userEvent.setup();
    render(<CaseReview caseId="case-1" />);
    expect(await screen.findByRole('heading', { level: 1, name: 'Could not open this case' })).toBeTruthy();
    expect(screen.getByText('Not in the cache.')).toBeTruthy();
    bridge.handlers['cases:get'] = () => freshView();
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Ruta Zemaite' })).toBeTruthy();
  });

  it('takes the officer back to the case list from the error state', async () => {
    const view = freshView();
    bridge = fakeBridge({ ...caseHandlers(view), 'cases:get': () => failure('internal', 'Broken.') });
    window.kycDesk = bridge;
    useStore.setState(useStore.getInitialState(), true);
    const user = userEvent.setup();
    render(<CaseReview caseId="case-1" />);
    await user.click(await screen.findByRole('button', { name: 'Back to cases' }));
    expect(useStore.getState().route).toEqual({ name: 'cases' });
  });

  it("warns when Ondato's response for the case was not kept whole", async () => {
    const message = "Ondato's response was larger than KYC Desk keeps; only the known fields were stored.";
    start(
      freshView({
        syncErrors: [{ at: Date.now(), code: 'response_trimmed', message, fileId: null }],
      }),
    );
    const text = await screen.findByText(message);
    expect(text.closest('[role="status"]')).toBeTruthy();
  });
});
