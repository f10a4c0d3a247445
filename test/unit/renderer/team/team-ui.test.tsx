// @vitest-environment happy-dom
import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import type {
  TeamCaseView,
  TeamDecisionView,
  TeamQueue,
  TeamQueueRow,
  TeamStatusView,
} from '../../../../src/shared/domain/team';
import { CasesScreen } from '../../../../src/renderer/src/features/cases/CasesScreen';
import { TeamCard } from '../../../../src/renderer/src/features/team/TeamCard';
import { TeamIndicator } from '../../../../src/renderer/src/features/team/TeamIndicator';
import { TeamJoinSection } from '../../../../src/renderer/src/features/team/TeamJoinSection';
import { useStore } from '../../../../src/renderer/src/store';
import { caseRow, Failure, installBridge, resetStore, workspace, type Handlers } from '../bridge';

const NOW = Date.UTC(2026, 2, 5, 12, 0);

function status(patch: Partial<TeamStatusView> = {}): TeamStatusView {
  return {
    joined: true,
    where: 'ona@db.example.org:5432/kyc_team',
    connected: true,
    schemaVersion: 3,
    officer: 'ona',
    supervisor: false,
    pendingPushes: 0,
    lastChangeSeen: 42,
    lastPullAt: NOW - 60_000,
    problem: null,
    slaMinutes: 240,
    ...patch,
  };
}

function decision(patch: Partial<TeamDecisionView> = {}): TeamDecisionView {
  return {
    teamId: 7,
    outcome: 'reject',
    reasonCode: 'document_forged',
    note: 'The photo page is edited.',
    officer: 'sam',
    decidedAt: NOW - 3_600_000,
    conflictsWith: null,
    needsApproval: true,
    verdict: null,
    approver: null,
    verdictNote: null,
    ...patch,
  };
}

function teamCase(patch: Partial<TeamCaseView> = {}): TeamCaseView {
  return {
    caseId: 'case-1',
    assignee: null,
    customerFinishedAt: NOW - 5 * 3_600_000,
    state: 'proposed',
    conflicting: [],
    decisions: [decision()],
    pendingPushes: 0,
    ...patch,
  };
}

function queueRow(id: string, patch: Partial<TeamQueueRow> = {}): TeamQueueRow {
  return {
    caseId: id,
    externalRef: `REF-${id}`,
    fullName: `Customer ${id}`,
    idvStatus: 'Completed',
    kycStatus: 'Approved',
    decision: 'reject',
    assignee: null,
    customerFinishedAt: NOW - 90 * 60_000,
    waitingMs: 90 * 60_000,
    overdue: false,
    state: 'proposed',
    proposer: 'sam',
    ...patch,
  };
}

function serve(extra: Handlers = {}, team = status()) {
  return installBridge({ 'team:status': () => team, 'team:queue': () => [], ...extra });
}

beforeEach(resetStore);

describe('joining a team database', () => {
  it('joins with the URL and no password (PGPASSWORD, .pgpass) and then shows the joined URL', async () => {
    const ws = workspace({ teamUrl: null });
    const bridge = serve({
      'team:join': () => status(),
      'workspaces:list': () => ({
        workspaces: [workspace({ teamUrl: 'postgres://ona@db.example.org:5432/kyc_team' })],
        activeId: 'w1',
      }),
    });
    const { rerender } = render(<TeamJoinSection workspace={ws} />);
    expect(screen.getByText(/Not joined/)).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Join a team database…' }));
    await userEvent.type(
      screen.getByLabelText(/Team database URL/),
      'postgres://ona@db.example.org:5432/kyc_team',
    );
    await userEvent.click(screen.getByRole('button', { name: 'Join team database' }));
    await screen.findByText('Joined the team database.');
    expect(bridge.calls('team:join')).toEqual([
      { workspaceId: 'w1', url: 'postgres://ona@db.example.org:5432/kyc_team', password: null },
    ]);
    rerender(<TeamJoinSection workspace={useStore.getState().workspaces[0]!} />);
    expect(screen.getByText('postgres://ona@db.example.org:5432/kyc_team')).toBeTruthy();
  });

  it('sends a typed password and shows main’s one-line error without it', async () => {
    const bridge = serve({
      'team:join': () => {
        throw new Failure({
          code: 'team_auth',
          message: 'ona@db.example.org:5432/kyc_team: the role or password was not accepted.',
        });
      },
    });
    render(<TeamJoinSection workspace={workspace()} />);
    await userEvent.click(screen.getByRole('button', { name: 'Join a team database…' }));
    await userEvent.type(
      screen.getByLabelText(/Team database URL/),
      'postgres://ona@db.example.org:5432/kyc_team',
    );
    await userEvent.type(screen.getByLabelText(/Password/), 's3cret-pw');
    await userEvent.click(screen.getByRole('button', { name: 'Join team database' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe(
      'ona@db.example.org:5432/kyc_team: the role or password was not accepted.',
    );
    expect(bridge.calls('team:join')[0]?.password).toBe('s3cret-pw');
    expect(document.body.textContent).not.toContain('s3cret-pw');
  });
});

describe('team status in the shell', () => {
  it('says connected as which officer, pending pushes and the details', async () => {
    serve({}, status({ pendingPushes: 2 }));
    render(<TeamIndicator />);
    await act(() => useStore.getState().teamRefresh());
    const summary = screen.getByText('Team: ona').closest('summary')!;
    expect(summary.textContent).toBe(
      'Team: ona (team database connected, 2 decisions waiting to be pushed)2 to push',
    );
    expect(screen.getByText('2 to push')).toBeTruthy();
    expect(screen.getByText('ona@db.example.org:5432/kyc_team')).toBeTruthy();
    expect(screen.getByText(/#42/)).toBeTruthy();
  });

  it('says offline with main’s one-line problem, and nothing outside team mode', async () => {
    serve(
      {},
      status({
        connected: false,
        problem: 'ona@db:5432/kyc_team is unreachable: the connection was refused',
      }),
    );
    const { unmount } = render(<TeamIndicator />);
    await act(() => useStore.getState().teamRefresh());
    expect(screen.getByText('Team offline')).toBeTruthy();
    expect(screen.getByRole('alert').textContent).toContain('the connection was refused');
    unmount();
    resetStore();
    serve({}, { ...status(), joined: false, where: null, connected: false, officer: null });
    const { container } = render(<TeamIndicator />);
    await act(() => useStore.getState().teamRefresh());
    expect(container.textContent).toBe('');
  });

  it('asks again when main says cases changed', async () => {
    let pending = 0;
    const bridge = installBridge({
      'team:status': () => status({ pendingPushes: pending }),
      'team:queue': () => [],
    });
    const stop = useStore.getState().teamWatch();
    await waitFor(() => expect(useStore.getState().teamStatus?.pendingPushes).toBe(0));
    pending = 3;
    bridge.emit('cases:changed', { ids: ['case-1'] });
    await waitFor(() => expect(useStore.getState().teamStatus?.pendingPushes).toBe(3));
    stop();
  });
});

describe('team queues in the case list', () => {
  function serveList(rows: Record<TeamQueue, TeamQueueRow[]>) {
    return serve({
      'cases:list': (q) => ({ rows: [caseRow(0)].slice(0, q.limit), total: 1, nextCursor: null }),
      'cases:queue-counts': () => ({
        'needs-decision': 1,
        'waiting-customer': 0,
        'waiting-ondato': 0,
        escalated: 0,
        decided: 0,
        all: 1,
      }),
      'team:queue': ({ queue }) => rows[queue],
    });
  }

  it('shows the four team queues with counts; a queue lists its cases and a row opens the review', async () => {
    const bridge = serveList({
      mine: [queueRow('a')],
      unassigned: [queueRow('a'), queueRow('b')],
      approval: [queueRow('p', { overdue: true, waitingMs: 5 * 3_600_000 })],
      overdue: [],
    });
    act(() => useStore.getState().applyWorkspaceList({ workspaces: [workspace()], activeId: 'w1' }));
    render(<CasesScreen />);
    await act(() => useStore.getState().teamRefresh());
    const group = screen.getByRole('group', { name: 'Team queues' });
    const approval = within(group).getByRole('button', { name: 'Awaiting my approval 1' });
    expect(within(group).getByRole('button', { name: 'Unassigned 2' })).toBeTruthy();
    expect(within(group).getByRole('button', { name: 'Overdue 0' })).toBeTruthy();
    await userEvent.click(approval);
    expect(approval.getAttribute('aria-pressed')).toBe('true');
    const region = await screen.findByRole('region', { name: 'Team queue: Awaiting my approval' });
    const table = within(region).getByRole('table');
    expect(within(table).getByText('Proposed; needs approval by another officer')).toBeTruthy();
    expect(within(table).getByText('Overdue')).toBeTruthy();
    expect(within(table).getByText('5 h')).toBeTruthy();
    expect(bridge.calls('team:queue').some((c) => c.queue === 'approval')).toBe(true);
    // No work-queue tab claims to be selected while a team queue shows.
    expect(screen.getAllByRole('tab').every((t) => t.getAttribute('aria-selected') === 'false')).toBe(true);
    await userEvent.click(within(table).getByRole('button', { name: 'Customer p' }));
    expect(useStore.getState().route).toEqual({ name: 'case', caseId: 'p' });
  });

  it('hides the team queues outside team mode', async () => {
    installBridge({
      'team:status': () => ({ ...status(), joined: false }),
      'cases:list': () => ({ rows: [], total: 0, nextCursor: null }),
      'cases:queue-counts': () => ({
        'needs-decision': 0,
        'waiting-customer': 0,
        'waiting-ondato': 0,
        escalated: 0,
        decided: 0,
        all: 0,
      }),
    });
    render(<CasesScreen />);
    await act(() => useStore.getState().teamRefresh());
    expect(screen.queryByRole('group', { name: 'Team queues' })).toBeNull();
  });
});

describe('the Team card in the review', () => {
  async function show(view: TeamCaseView, me = status(), extra: Handlers = {}) {
    const bridge = serve({ 'team:case': () => view, 'review:decisions': () => [], ...extra }, me);
    await act(() => useStore.getState().teamRefresh());
    render(<TeamCard caseId="case-1" now={NOW} decisionsSeen={0} />);
    await screen.findByRole('heading', { name: 'Team' });
    return bridge;
  }

  it('lets another officer approve a proposed decision, with an optional note', async () => {
    const approved = teamCase({
      state: 'approved',
      decisions: [decision({ verdict: 'approved', approver: 'ona', verdictNote: '' })],
    });
    const bridge = await show(teamCase(), status({ supervisor: true }), { 'team:approve': () => approved });
    expect(screen.getByText('Proposed; needs approval by another officer')).toBeTruthy();
    expect(screen.getByText(/Customer finished 5 h ago/)).toBeTruthy();
    expect(screen.getByText('Overdue')).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Approve' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Approved'));
    expect(bridge.calls('team:approve')).toEqual([{ caseId: 'case-1', note: '' }]);
    expect(screen.queryByRole('button', { name: 'Approve' })).toBeNull();
    expect(screen.queryByText('Overdue')).toBeNull();
  });

  it('asks for a note before sending back, then sends it', async () => {
    const bridge = await show(teamCase(), status({ supervisor: true }), {
      'team:send-back': ({ note }) =>
        teamCase({
          state: 'sent_back',
          decisions: [decision({ verdict: 'sent_back', approver: 'ona', verdictNote: note })],
        }),
    });
    await userEvent.click(screen.getByRole('button', { name: 'Send back' }));
    expect(screen.getByRole('alert').textContent).toMatch(/Say what should change/);
    expect(bridge.calls('team:send-back')).toEqual([]);
    await userEvent.type(screen.getByLabelText(/Note/), 'Ask for a second document.');
    await userEvent.click(screen.getByRole('button', { name: 'Send back' }));
    await waitFor(() =>
      expect(screen.getByRole('status').textContent).toBe('Sent back: “Ask for a second document.”'),
    );
  });

  it('offers an officer who is not a supervisor no approval, and says who must', async () => {
    await show(teamCase(), status({ supervisor: false }));
    expect(screen.queryByRole('button', { name: 'Approve' })).toBeNull();
    expect(screen.getByText('A supervisor must approve or send back this decision.')).toBeTruthy();
  });

  it('offers the proposer no approval of their own decision, even a supervisor', async () => {
    await show(teamCase(), status({ officer: 'sam', supervisor: true }));
    expect(screen.getByText('Proposed; needs approval by another officer')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Approve' })).toBeNull();
    expect(screen.getByText('Waiting for a second officer.')).toBeTruthy();
  });

  it('lists conflicting decisions side by side', async () => {
    await show(
      teamCase({
        state: 'conflict',
        conflicting: [7, 8],
        decisions: [
          decision({ needsApproval: false }),
          decision({
            teamId: 8,
            outcome: 'accept',
            reasonCode: 'verified',
            officer: 'ona',
            needsApproval: false,
          }),
        ],
      }),
    );
    expect(screen.getByRole('status').textContent).toBe('Conflicting decisions');
    const list = screen.getByRole('list', { name: 'Conflicting decisions' });
    expect(within(list).getAllByRole('listitem')).toHaveLength(2);
    expect(within(list).getByText('Accepted')).toBeTruthy();
    expect(within(list).getByText('Rejected')).toBeTruthy();
  });

  it('claims, assigns to a role and releases', async () => {
    let view = teamCase({ state: 'none', decisions: [] });
    const bridge = await show(view, status(), {
      'team:assign': ({ to }) => (view = { ...view, assignee: to ?? 'ona' }),
      'team:release': () => (view = { ...view, assignee: null }),
    });
    expect(screen.getByText('Nobody')).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Claim' }));
    await screen.findByText('ona (you)');
    await userEvent.click(screen.getByRole('button', { name: 'Assign to…' }));
    await userEvent.type(screen.getByLabelText('Officer’s database role'), 'sam');
    await userEvent.click(screen.getByRole('button', { name: 'Assign' }));
    await screen.findByText('sam');
    await userEvent.click(screen.getByRole('button', { name: 'Release' }));
    await screen.findByText('Nobody');
    expect(bridge.calls('team:assign')).toEqual([
      { caseId: 'case-1', to: null },
      { caseId: 'case-1', to: 'sam' },
    ]);
    expect(bridge.calls('team:release')).toEqual([{ caseId: 'case-1' }]);
  });

  it('shows nothing outside team mode', async () => {
    serve({}, { ...status(), joined: false });
    await act(() => useStore.getState().teamRefresh());
    const { container } = render(<TeamCard caseId="case-1" now={NOW} decisionsSeen={0} />);
    expect(container.textContent).toBe('');
  });
});
