// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { validateDecision } from '../../../../src/renderer/src/features/review/decision-form';
import {
  decisionHistory,
  EarlierDecisions,
} from '../../../../src/renderer/src/features/review/DecisionHistory';
import {
  DecisionPanel,
  type DecisionPanelProps,
} from '../../../../src/renderer/src/features/review/DecisionPanel';
import { isTypingTarget } from '../../../../src/renderer/src/features/review/useDecisionKeys';
import type { DecisionRecord } from '../../../../src/shared/domain/decision';
import type { RiskFlag } from '../../../../src/shared/domain/risk-flags';
import { DECISION_REASONS } from '../../../../src/shared/domain/reasons';
import { useStore } from '../../../../src/renderer/src/store';
import { decision, NOW } from './fixtures';

afterEach(cleanup);
// The panel leaves a half-made decision in the store when it goes away: each test starts clean.
beforeEach(() => useStore.setState(useStore.getInitialState(), true));

function setup(overrides: Partial<DecisionPanelProps> = {}) {
  const onDecide = vi.fn<DecisionPanelProps['onDecide']>(async (input) =>
    decision({ id: 99, decision: input.decision, reasonCode: input.reasonCode, note: input.note }),
  );
  const props: DecisionPanelProps = {
    caseId: 'case-1',
    decisions: [],
    latest: null,
    decisionsError: null,
    onRetryDecisions: vi.fn(),
    deciding: false,
    decideError: null,
    onDecide,
    onClearError: vi.fn(),
    shortcutsEnabled: true,
    now: NOW,
    ...overrides,
  };
  const user = userEvent.setup();
  const view = render(<DecisionPanel {...props} />);
  return { user, props, onDecide, ...view };
}

const reasonSelect = () => screen.getByRole<HTMLSelectElement>('combobox', { name: 'Reason' });
const reasonOptions = () =>
  within(reasonSelect())
    .getAllByRole('option')
    .map((o) => (o as HTMLOptionElement).value)
    .filter(Boolean);
const radio = (name: string) => screen.getByRole<HTMLInputElement>('radio', { name: new RegExp(`^${name}`) });

describe('reason list', () => {
  it('follows the chosen decision and drops a reason that no longer fits', async () => {
    const { user, onDecide } = setup();
    expect(reasonOptions()).toEqual([]);
    await user.click(radio('Accept'));
    expect(reasonOptions()).toEqual(DECISION_REASONS.accept.map((r) => r.code));
    await user.selectOptions(reasonSelect(), 'verified');
    expect(reasonSelect().value).toBe('verified');

    await user.click(radio('Reject'));
    expect(reasonOptions()).toEqual(DECISION_REASONS.reject.map((r) => r.code));
    expect(reasonSelect().value).toBe('');
    // The accept reason is gone from the form too, not just from the list.
    await user.click(screen.getByRole('button', { name: 'Record decision' }));
    expect(screen.getByText('Choose a reason.')).toBeTruthy();

    await user.click(radio('Escalate'));
    expect(reasonOptions()).toContain('sanctions_or_pep');
    expect(reasonOptions()).not.toContain('verified');
    expect(onDecide).not.toHaveBeenCalled();
  });
});

describe('validation', () => {
  it('says what is missing and records nothing', async () => {
    const { user, onDecide } = setup();
    await user.click(screen.getByRole('button', { name: 'Record decision' }));
    expect(screen.getByText('Choose accept, reject or escalate.')).toBeTruthy();
    expect(screen.getByText('Choose a decision, then a reason.')).toBeTruthy();
    expect(onDecide).not.toHaveBeenCalled();
    expect(document.activeElement).toBe(radio('Accept'));

    await user.click(radio('Reject'));
    expect(screen.queryByText('Choose accept, reject or escalate.')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Record decision' }));
    expect(screen.getByText('Choose a reason.')).toBeTruthy();
    expect(reasonSelect().getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(reasonSelect());
    expect(onDecide).not.toHaveBeenCalled();
  });

  it('counts the note and refuses one over 4000 characters', async () => {
    const { user, onDecide } = setup();
    await user.click(radio('Accept'));
    await user.selectOptions(reasonSelect(), 'verified');
    const note = screen.getByRole('textbox', { name: /Note/ });
    fireEvent.change(note, { target: { value: 'x'.repeat(4001) } });
    expect(screen.getByText('4001 / 4000 characters')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Record decision' }));
    expect(screen.getByText(/at most 4000 characters/)).toBeTruthy();
    expect(onDecide).not.toHaveBeenCalled();
  });

  it('needs a note for "Other"', () => {
    expect(
      validateDecision({ decision: 'escalate', reasonCode: 'other', note: ' ', overrides: [] }).note,
    ).toMatch(/Explain/);
    expect(
      validateDecision({ decision: 'escalate', reasonCode: 'other', note: 'Odd seal', overrides: [] }),
    ).toEqual({});
    expect(
      validateDecision({ decision: 'accept', reasonCode: 'underage', note: '', overrides: [] }).reasonCode,
    ).toMatch(/fits/);
    expect(
      validateDecision({ decision: 'accept', reasonCode: 'verified', note: 'x'.repeat(4000), overrides: [] }),
    ).toEqual({});
  });

  it('records a valid decision and clears the form', async () => {
    const { user, onDecide } = setup();
    await user.click(radio('Reject'));
    await user.selectOptions(reasonSelect(), 'document_expired');
    await user.type(screen.getByRole('textbox', { name: /Note/ }), 'Expired in May');
    await user.click(screen.getByRole('button', { name: 'Record decision' }));
    expect(onDecide).toHaveBeenCalledWith({
      caseId: 'case-1',
      decision: 'reject',
      reasonCode: 'document_expired',
      note: 'Expired in May',
      overriddenFlags: [],
    });
    expect(radio('Reject').checked).toBe(false);
    expect(screen.getByRole<HTMLTextAreaElement>('textbox', { name: /Note/ }).value).toBe('');
  });

  it('shows what main rejected next to the field', () => {
    setup({
      decideError: {
        message: 'The decision could not be saved.',
        fields: { note: ['The note is too long.'] },
      },
    });
    expect(screen.getByText('The note is too long.')).toBeTruthy();
    expect(screen.getByRole('alert').textContent).toMatch(/not recorded: The decision could not be saved\./);
  });
});

describe('history', () => {
  const first = decision({ id: 1, decision: 'accept', reasonCode: 'verified', decidedAt: NOW - 7_200_000 });
  const second = decision({
    id: 2,
    decision: 'escalate',
    reasonCode: 'needs_second_opinion',
    supersedesId: 1,
    decidedAt: NOW - 3_600_000,
  });
  const third = decision({
    id: 3,
    decision: 'reject',
    reasonCode: 'face_mismatch',
    note: 'Not the same person',
    supersedesId: 2,
    decidedAt: NOW - 60_000,
  });

  it('shows the latest as current and keeps every earlier one as superseded (in the history)', async () => {
    const onShowHistory = vi.fn();
    const { user } = setup({ decisions: [first, second, third], onShowHistory });
    expect(screen.getByText('Current decision')).toBeTruthy();
    const current = screen.getByText('Current decision').parentElement!;
    expect(current.textContent).toMatch(/Rejected/);
    expect(current.textContent).toMatch(/Selfie does not match the document/);
    expect(current.textContent).toMatch(/Not the same person/);
    // The earlier ones live in the History tab; the panel says they are there and opens it.
    await user.click(screen.getByRole('button', { name: '2 earlier decisions in History' }));
    expect(onShowHistory).toHaveBeenCalledOnce();
    render(<EarlierDecisions earlier={decisionHistory([first, second, third]).earlier} now={NOW} />);
    expect(screen.getByText('2 earlier decisions')).toBeTruthy();
    const superseded = screen.getAllByText(/^Superseded by/).map((el) => el.textContent);
    expect(superseded).toHaveLength(2);
    expect(superseded[0]).toMatch(/^Superseded by Rejected/);
    expect(superseded[1]).toMatch(/^Superseded by Escalated/);
    expect(screen.getByRole('button', { name: 'Record new decision' })).toBeTruthy();
  });

  it('orders by id whatever order the list came in', () => {
    const history = decisionHistory([third, first, second] as DecisionRecord[]);
    expect(history.current?.id).toBe(3);
    expect(history.earlier.map((e) => [e.record.id, e.supersededBy?.id])).toEqual([
      [2, 3],
      [1, 2],
    ]);
  });

  it('shows the case latest decision until the list arrives', () => {
    setup({ decisions: null, latest: first });
    expect(screen.getByText('Current decision').parentElement!.textContent).toMatch(/Accepted/);
  });
});

describe('keyboard shortcuts', () => {
  it('A, R and E pick the decision, not while typing', async () => {
    const { user } = setup();
    await user.keyboard('r');
    expect(radio('Reject').checked).toBe(true);
    expect(document.activeElement).toBe(radio('Reject'));
    await user.keyboard('a');
    expect(radio('Accept').checked).toBe(true);

    await user.click(screen.getByRole('textbox', { name: /Note/ }));
    await user.keyboard('e');
    expect(radio('Escalate').checked).toBe(false);
    expect(screen.getByRole<HTMLTextAreaElement>('textbox', { name: /Note/ }).value).toBe('e');
  });

  it('Ctrl+Enter records, also from the note', async () => {
    const { user, onDecide } = setup();
    await user.keyboard('e');
    await user.selectOptions(reasonSelect(), 'unusual_document');
    await user.click(screen.getByRole('textbox', { name: /Note/ }));
    await user.keyboard('Odd layout{Control>}{Enter}{/Control}');
    expect(onDecide).toHaveBeenCalledWith(
      expect.objectContaining({ decision: 'escalate', reasonCode: 'unusual_document', note: 'Odd layout' }),
    );
  });

  it('do nothing when shortcuts are off, and the hint says so', async () => {
    const { user, onDecide } = setup({ shortcutsEnabled: false });
    await user.keyboard('r');
    expect(radio('Reject').checked).toBe(false);
    await user.keyboard('{Control>}{Enter}{/Control}');
    expect(onDecide).not.toHaveBeenCalled();
    expect(screen.getByText('Keyboard shortcuts are off (Settings).')).toBeTruthy();
  });

  it('list themselves in a visible hint', () => {
    setup();
    expect(screen.getByText(/Shortcuts:/).textContent).toMatch(
      /A accept, R reject, E escalate, Ctrl\+Enter record/,
    );
  });

  it('are not typing targets: radios and buttons; text fields are', () => {
    const input = document.createElement('input');
    expect(isTypingTarget(input)).toBe(true);
    input.type = 'radio';
    expect(isTypingTarget(input)).toBe(false);
    expect(isTypingTarget(document.createElement('textarea'))).toBe(true);
    expect(isTypingTarget(document.createElement('select'))).toBe(true);
    expect(isTypingTarget(document.createElement('button'))).toBe(false);
    expect(isTypingTarget(null)).toBe(false);
  });
});

const FLAGS: RiskFlag[] = [
  {
    code: 'mismatch.lastName',
    severity: 'high',
    label: 'Last name does not match the document',
    detail: 'Last name: Zemaite / ZEMAITIS',
    anchor: { section: 'comparison', field: 'lastName' },
  },
  {
    code: 'document_expiring',
    severity: 'medium',
    label: 'The document expires within 30 days',
    detail: 'Expires on 2025-07-01, in 16 days',
    anchor: { section: 'comparison', field: 'dateOfExpiration' },
  },
];

describe('accepting over risk flags', () => {
  const checklist = () => screen.getByRole('group', { name: /^Accept over/ });

  it('asks for every flag ticked and a note before an accept is sent', async () => {
    const { user, onDecide } = setup({ flags: FLAGS });
    expect(screen.queryByRole('group', { name: /^Accept over/ })).toBeNull();
    await user.click(radio('Accept'));
    await user.selectOptions(reasonSelect(), 'verified_minor_mismatch');
    const boxes = within(checklist()).getAllByRole<HTMLInputElement>('checkbox');
    expect(boxes).toHaveLength(2);
    expect(screen.getByText(/required to accept over risk flags/)).toBeTruthy();

    await user.click(boxes[0]!);
    await user.click(screen.getByRole('button', { name: 'Record decision' }));
    expect(screen.getByText(/Tick each risk flag as reviewed to accept \(1 of 2 not ticked\)/)).toBeTruthy();
    expect(document.activeElement).toBe(boxes[1]);
    expect(onDecide).not.toHaveBeenCalled();

    await user.click(boxes[1]!);
    await user.type(screen.getByRole('textbox', { name: /Note/ }), 'Married name');
    await user.click(screen.getByRole('button', { name: 'Record decision' }));
    expect(screen.getByText(/Explain in at least 20 characters/)).toBeTruthy();
    expect(onDecide).not.toHaveBeenCalled();

    await user.type(screen.getByRole('textbox', { name: /Note/ }), '; certificate seen at the branch');
    await user.click(screen.getByRole('button', { name: 'Record decision' }));
    expect(onDecide).toHaveBeenCalledWith(
      expect.objectContaining({
        decision: 'accept',
        overriddenFlags: ['mismatch.lastName', 'document_expiring'],
      }),
    );
  });

  it('refuses an accept over a blocking flag and offers no override', async () => {
    const blocking: RiskFlag = {
      code: 'idv_not_completed',
      severity: 'block',
      label: 'The customer has not completed the identity check',
      detail: 'Ondato IDV status: Pending',
      anchor: { section: 'status', field: 'idvStatus' },
    };
    const { user, onDecide } = setup({ flags: [blocking, ...FLAGS] });
    await user.click(radio('Accept'));
    expect(screen.queryByRole('group', { name: /^Accept over/ })).toBeNull();
    await user.selectOptions(reasonSelect(), 'verified');
    await user.click(screen.getByRole('button', { name: 'Record decision' }));
    expect(screen.getByText(/This case cannot be accepted: the customer has not completed/)).toBeTruthy();
    expect(onDecide).not.toHaveBeenCalled();

    // Reject needs no override.
    await user.click(radio('Reject'));
    await user.selectOptions(reasonSelect(), 'customer_withdrew');
    await user.click(screen.getByRole('button', { name: 'Record decision' }));
    expect(onDecide).toHaveBeenCalledWith(
      expect.objectContaining({ decision: 'reject', overriddenFlags: [] }),
    );
  });

  it("shows main's list of unreviewed flags next to the checklist", async () => {
    const { user } = setup({
      flags: FLAGS,
      decideError: {
        message: 'Tick every risk flag as reviewed before accepting; not reviewed: document_expiring.',
        fields: { overriddenFlags: ['document_expiring: The document expires within 30 days'] },
      },
    });
    await user.click(radio('Accept'));
    expect(within(checklist()).getByText(/^document_expiring: /)).toBeTruthy();
  });
});

describe('in a team workspace', () => {
  const rejected = decision({
    id: 7,
    decision: 'reject',
    reasonCode: 'document_fake',
    note: 'Altered photo',
  });
  const teamView = (state: 'proposed' | 'final' | 'conflict') => ({
    caseId: 'case-1',
    assignee: null,
    customerFinishedAt: null,
    state,
    conflicting: [],
    decisions: [],
    pendingPushes: 0,
  });

  it('says a decision waiting for a second officer is not in force yet', () => {
    useStore.setState({ teamCases: { 'case-1': teamView('proposed') } });
    setup({ decisions: [rejected], latest: rejected });
    expect(screen.getByText('Your decision, not yet in force')).toBeTruthy();
    expect(screen.getByText('In the team: Proposed; needs approval by another officer')).toBeTruthy();
    expect(screen.queryByText('Current decision')).toBeNull();
  });

  it('shows a final team decision, and a desk outside a team, as the current decision', () => {
    useStore.setState({ teamCases: { 'case-1': teamView('final') } });
    setup({ decisions: [rejected], latest: rejected });
    expect(screen.getByText('Current decision')).toBeTruthy();
    expect(screen.queryByText(/^In the team:/)).toBeNull();
    cleanup();
    useStore.setState({ teamCases: {} });
    setup({ decisions: [rejected], latest: rejected });
    expect(screen.getByText('Current decision')).toBeTruthy();
  });
});
