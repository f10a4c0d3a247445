// @vitest-environment happy-dom
import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import type { CaseListQuery } from '../../../src/shared/domain/case';
import type { QueueCounts } from '../../../src/shared/domain/queues';
import { CasesScreen } from '../../../src/renderer/src/features/cases/CasesScreen';
import { useStore } from '../../../src/renderer/src/store';
import {
  CASE_PAGE_SIZE,
  DEFAULT_CASE_FILTERS,
  selectOrderedCaseIds,
} from '../../../src/renderer/src/store/case-list-slice';
import { caseRow, installBridge, resetStore, workspace } from './bridge';

const COUNTS: QueueCounts = {
  'needs-decision': 3,
  'waiting-customer': 12,
  'waiting-ondato': 1,
  escalated: 2,
  decided: 40,
  all: 61,
};

function serve(total = 1_000, counts: () => QueueCounts = () => COUNTS) {
  return installBridge({
    'cases:list': (q: CaseListQuery) => {
      const offset = q.offset ?? 0;
      const rows = [];
      for (let i = offset; i < Math.min(total, offset + q.limit); i += 1) rows.push(caseRow(i));
      return { rows, total, nextCursor: null };
    },
    'cases:queue-counts': counts,
  });
}

const two = {
  workspaces: [workspace({ id: 'w1' }), workspace({ id: 'w2', name: 'Branch' })],
};
const activate = (id: string) => act(() => useStore.getState().applyWorkspaceList({ ...two, activeId: id }));

beforeEach(resetStore);

describe('case list slice', () => {
  it('asks main for the queue, the sort and the created range as local day boundaries', async () => {
    const bridge = serve();
    activate('w1');
    useStore.getState().setCaseFilters({
      queue: 'needs-decision',
      createdFrom: '2026-03-02',
      createdTo: '2026-03-04',
    });
    useStore.getState().sortCasesBy('attention');
    await waitFor(() => expect(useStore.getState().caseList.total).toBe(1_000));
    expect(bridge.calls('cases:list').at(-1)).toEqual({
      queue: 'needs-decision',
      createdFrom: new Date(2026, 2, 2).getTime(),
      createdBefore: new Date(2026, 2, 5).getTime(),
      sort: 'attention',
      dir: 'desc',
      limit: CASE_PAGE_SIZE,
      offset: 0,
    });
    // The same heading again turns the direction round; another heading starts at its first direction.
    useStore.getState().sortCasesBy('attention');
    expect(useStore.getState().caseList.filters).toMatchObject({ sort: 'attention', dir: 'asc' });
    useStore.getState().sortCasesBy('created');
    expect(useStore.getState().caseList.filters).toMatchObject({ sort: 'created', dir: 'desc' });
    // "All" sends no queue at all.
    useStore.getState().setCaseQueue('all');
    await waitFor(() => expect(bridge.calls('cases:list').at(-1)).not.toHaveProperty('queue'));
  });

  it('keeps each workspace’s queue, sort, filters, search and position across switches', async () => {
    serve();
    activate('w1');
    useStore.getState().setCaseFilters({ queue: 'escalated', search: 'anna', createdFrom: '2026-01-01' });
    useStore.getState().sortCasesBy('attention');
    useStore.getState().rememberCasePosition('w1', { scrollTop: 5_200, selected: 100 });
    const w1 = useStore.getState().caseList.filters;

    activate('w2');
    expect(useStore.getState().caseList.filters).toEqual(DEFAULT_CASE_FILTERS);
    expect(useStore.getState().caseList.position).toEqual({ scrollTop: 0, selected: -1 });
    useStore.getState().setCaseQueue('decided');

    activate('w1');
    expect(useStore.getState().caseList.filters).toEqual(w1);
    expect(useStore.getState().caseList.position).toEqual({ scrollTop: 5_200, selected: 100 });
    activate('w2');
    expect(useStore.getState().caseList.filters.queue).toBe('decided');
  });

  it('drops queue counts that answer for a workspace no longer shown', async () => {
    let release: (counts: QueueCounts) => void = () => undefined;
    installBridge({
      'cases:list': () => ({ rows: [], total: 0, nextCursor: null }),
      'cases:queue-counts': () =>
        new Promise<QueueCounts>((resolve) => {
          release = resolve;
        }),
    });
    activate('w1');
    const asked = useStore.getState().loadQueueCounts();
    activate('w2');
    release(COUNTS);
    await asked;
    expect(useStore.getState().queueCounts).toBeNull();
  });

  it('gives the ordered ids of the rows shown, the same array while nothing changes', async () => {
    serve(450);
    activate('w1');
    await useStore.getState().loadCaseRange(0, 449);
    const ids = selectOrderedCaseIds(useStore.getState());
    expect(ids).toHaveLength(450);
    expect(ids.slice(0, 2)).toEqual(['case-0', 'case-1']);
    expect(ids.at(-1)).toBe('case-449');
    expect(selectOrderedCaseIds(useStore.getState())).toBe(ids);
  });

  it('opens the queue a notification named', () => {
    serve();
    activate('w1');
    useStore.getState().navigateTo('cases', 'needs-decision');
    expect(useStore.getState().route).toEqual({ name: 'cases' });
    expect(useStore.getState().caseList.filters.queue).toBe('needs-decision');
  });
});

describe('the queue tabs and sortable headings', () => {
  it('are ARIA tabs with counts that follow cases:changed, moved with the arrow keys', async () => {
    let counts = COUNTS;
    const bridge = serve(1_000, () => counts);
    activate('w1');
    const user = userEvent.setup();
    render(<CasesScreen />);
    const tabs = screen.getByRole('tablist', { name: 'Work queues' });
    await within(tabs).findByRole('tab', { name: /^Needs my decision 3$/ });
    const all = within(tabs).getByRole('tab', { selected: true });
    expect(all.textContent).toContain('All');
    expect(all.getAttribute('aria-controls')).toBe('case-queue-panel');
    expect(screen.getByRole('tabpanel').getAttribute('aria-labelledby')).toBe(all.id);
    // One Tab stop: only the selected tab is in the Tab order.
    expect(
      within(tabs)
        .getAllByRole('tab')
        .filter((t) => t.tabIndex === 0),
    ).toEqual([all]);

    act(() => all.focus());
    await user.keyboard('{Home}');
    const needs = within(tabs).getByRole('tab', { name: /Needs my decision/ });
    expect(needs.getAttribute('aria-selected')).toBe('true');
    expect(document.activeElement).toBe(needs);
    await waitFor(() => expect(bridge.calls('cases:list').at(-1)?.queue).toBe('needs-decision'));
    await user.keyboard('{ArrowRight}');
    expect(useStore.getState().caseList.filters.queue).toBe('waiting-customer');

    counts = { ...COUNTS, 'needs-decision': 4 };
    await act(() => useStore.getState().refreshCaseList());
    expect(within(tabs).getByRole('tab', { name: /^Needs my decision 4$/ })).toBeTruthy();
  });

  it('sorts by a heading and says so with aria-sort', async () => {
    const bridge = serve();
    activate('w1');
    const user = userEvent.setup();
    render(<CasesScreen />);
    await screen.findByText('Customer 0');
    const header = (name: string) => screen.getByRole('columnheader', { name: new RegExp(`^${name}`) });
    expect(header('Created').getAttribute('aria-sort')).toBe('descending');
    expect(header('Attention').getAttribute('aria-sort')).toBe('none');
    expect(header('IDV').hasAttribute('aria-sort')).toBe(false);

    await user.click(within(header('Attention')).getByRole('button'));
    await screen.findByText('Customer 0');
    expect(header('Attention').getAttribute('aria-sort')).toBe('descending');
    expect(header('Created').getAttribute('aria-sort')).toBe('none');
    within(header('Attention')).getByRole('button').focus();
    await user.keyboard('{Enter}');
    await screen.findByText('Customer 0');
    expect(header('Attention').getAttribute('aria-sort')).toBe('ascending');
    expect(bridge.calls('cases:list').at(-1)).toMatchObject({ sort: 'attention', dir: 'asc' });
  });

  it('says a reversed date range is wrong, and comes back where it was after a case', async () => {
    serve();
    activate('w1');
    const user = userEvent.setup();
    const view = render(<CasesScreen />);
    await screen.findByText('Customer 0');
    await user.type(screen.getByLabelText('Created from'), '2026-05-10');
    await user.type(screen.getByLabelText('Created to'), '2026-05-01');
    expect((await screen.findByRole('alert')).textContent).toContain('before the “from” date');

    const list = await screen.findByRole('listbox');
    act(() => {
      list.scrollTop = 26 * 52;
      list.dispatchEvent(new Event('scroll'));
    });
    view.unmount();
    expect(useStore.getState().caseList.position.scrollTop).toBe(26 * 52);
    render(<CasesScreen />);
    const again = await screen.findByRole('listbox');
    expect(again.scrollTop).toBe(26 * 52);
  });

  it('starts a new search at the top, not where the old results were scrolled to', async () => {
    serve();
    activate('w1');
    const user = userEvent.setup();
    render(<CasesScreen />);
    await screen.findByText('Customer 0');
    const list = await screen.findByRole('listbox');
    act(() => {
      list.scrollTop = 700 * 52;
      list.dispatchEvent(new Event('scroll'));
    });
    await screen.findByText('Customer 700');
    // The old list leaves the screen while the new results load; its position is not theirs.
    await user.type(screen.getByRole('searchbox'), 'ref');
    await waitFor(() => expect(useStore.getState().caseList.filters.search).toBe('ref'));
    expect(await screen.findByText('Customer 0')).toBeTruthy();
    expect(useStore.getState().caseList.position).toEqual({ scrollTop: 0, selected: -1 });
    expect((await screen.findByRole('listbox')).scrollTop).toBe(0);
  });
});
