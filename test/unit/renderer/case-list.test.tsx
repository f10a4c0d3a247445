// @vitest-environment happy-dom
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import type { CaseListQuery } from '../../../src/shared/domain/case';
import { CasesScreen } from '../../../src/renderer/src/features/cases/CasesScreen';
import { ROW_HEIGHT } from '../../../src/renderer/src/features/cases/CaseRow';
import { useStore } from '../../../src/renderer/src/store';
import { Failure, caseRow, installBridge, resetStore } from './bridge';

const TOTAL = 100_000;

function serve(total = TOTAL, extra: (q: CaseListQuery) => void = () => undefined) {
  return installBridge({
    'cases:list': (q) => {
      extra(q);
      const offset = q.offset ?? 0;
      const rows = [];
      for (let i = offset; i < Math.min(total, offset + q.limit); i += 1) rows.push(caseRow(i));
      return { rows, total, nextCursor: null };
    },
  });
}

beforeEach(resetStore);

describe('case list', () => {
  it('renders only the rows in view out of 100,000 and loads pages as it scrolls', async () => {
    const bridge = serve();
    render(<CasesScreen />);
    const list = await screen.findByRole('listbox');
    await within(list).findByText('Customer 0');
    const options = within(list).getAllByRole('option');
    expect(options.length).toBeGreaterThan(5);
    expect(options.length).toBeLessThan(40);
    expect(options[0]!.getAttribute('aria-setsize')).toBe(String(TOTAL));
    expect(screen.getByText('100,000 cases')).toBeTruthy();
    expect(bridge.calls('cases:list').map((q) => q.offset)).toEqual([0]);

    // Jump to the middle: only the page there is fetched, and the rows there are drawn.
    list.scrollTop = 50_000 * ROW_HEIGHT;
    fireEvent.scroll(list);
    await within(list).findByText('Customer 50000');
    expect(within(list).getAllByRole('option').length).toBeLessThan(40);
    expect(within(list).queryByText('Customer 0')).toBeNull();
    // Exactly the two pages the window (with its overscan) touches.
    expect(bridge.calls('cases:list').map((q) => q.offset)).toEqual([0, 49_800, 50_000]);
  });

  it('asks for the next page while the rows in view are still on this one', async () => {
    const bridge = serve();
    render(<CasesScreen />);
    const list = await screen.findByRole('listbox');
    await within(list).findByText('Customer 0');
    // Rows ~150 to ~165 in view: all on the first page, which ends at row 199.
    list.scrollTop = 150 * ROW_HEIGHT;
    fireEvent.scroll(list);
    await within(list).findByText('Customer 150');
    await waitFor(() => expect(bridge.calls('cases:list').map((q) => q.offset)).toEqual([0, 200]));
    expect(within(list).queryByText('Customer 200')).toBeNull();
  });

  it('moves the selection with the arrow keys and opens the case with Enter', async () => {
    serve();
    const user = userEvent.setup();
    render(<CasesScreen />);
    const list = await screen.findByRole('listbox');
    await within(list).findByText('Customer 0');
    act(() => list.focus()); // selects the first row in view
    expect(within(list).getByRole('option', { selected: true }).textContent).toContain('Customer 0');
    await user.keyboard('{ArrowDown}');
    const selected = within(list).getByRole('option', { selected: true });
    expect(selected.textContent).toContain('Customer 1');
    expect(list.getAttribute('aria-activedescendant')).toBe(selected.id);
    await user.keyboard('{End}');
    await within(list).findByText('Customer 99999');
    await user.keyboard('{Home}{ArrowDown}{Enter}');
    expect(useStore.getState().route).toEqual({ name: 'case', caseId: 'case-1' });
  });

  it('draws name and reference only while flung a page or more at a time, the full row once it settles', async () => {
    serve();
    render(<CasesScreen />);
    const list = await screen.findByRole('listbox');
    const rowOf = (text: string): HTMLElement =>
      within(list).getByText(text).closest('[role="option"]') as HTMLElement;
    await within(list).findByText('Customer 0');
    // Two rows: read as it goes, every cell drawn.
    list.scrollTop = 2 * ROW_HEIGHT;
    fireEvent.scroll(list);
    await within(list).findByText('Customer 3');
    expect(rowOf('Customer 3').textContent).toContain('IDV: Completed');
    // Forty rows in one scroll event: skimming.
    list.scrollTop = 42 * ROW_HEIGHT;
    fireEvent.scroll(list);
    await within(list).findByText('Customer 45');
    expect(rowOf('Customer 45').textContent).toContain('REF-');
    expect(rowOf('Customer 45').textContent).not.toContain('IDV:');
    await waitFor(() => expect(rowOf('Customer 45').textContent).toContain('IDV: Completed'));
  });

  it('shows status as text with an icon, and how fresh the row is', async () => {
    serve(3);
    render(<CasesScreen />);
    const row = (await screen.findByText('Customer 0')).closest('[role="option"]') as HTMLElement;
    expect(row.textContent).toContain('IDV: Completed');
    expect(row.textContent).toContain('KYC: Approved');
    expect(row.textContent).toContain('Decision: Not decided');
    expect(row.textContent).toContain('Synced not yet');
    expect(row.querySelectorAll('svg[aria-hidden="true"]').length).toBe(3);
  });

  it('searches as the officer types, once per pause, and filters by decision "none"', async () => {
    const bridge = serve(10);
    const user = userEvent.setup();
    render(<CasesScreen />);
    await screen.findByText('Customer 0');
    await user.type(screen.getByLabelText('Search'), 'anna');
    await waitFor(() => expect(bridge.calls('cases:list').some((q) => q.search === 'anna')).toBe(true));
    expect(
      bridge
        .calls('cases:list')
        .filter((q) => q.search !== undefined)
        .map((q) => q.search),
    ).toEqual(['anna']);
    await user.selectOptions(screen.getByLabelText('Decision'), 'none');
    await waitFor(() =>
      expect(bridge.calls('cases:list').at(-1)).toMatchObject({ search: 'anna', decision: ['none'] }),
    );
    await user.selectOptions(screen.getByLabelText('Sort'), 'modified:asc');
    await waitFor(() =>
      expect(bridge.calls('cases:list').at(-1)).toMatchObject({ sort: 'modified', dir: 'asc' }),
    );
  });

  it('says there are no cases yet, or no matches', async () => {
    serve(0);
    const user = userEvent.setup();
    render(<CasesScreen />);
    await screen.findByText('No cases yet — create one');
    await user.type(screen.getByLabelText('Search'), 'zz');
    await screen.findByText('No matches');
    await user.click(screen.getAllByRole('button', { name: 'Clear filters' }).at(-1)!);
    await screen.findByText('No cases yet — create one');
    expect((screen.getByLabelText('Search') as HTMLInputElement).value).toBe('');
  });

  it('shows an error with Retry when the list cannot be loaded', async () => {
    let fail = true;
    installBridge({
      'cases:list': () => {
        if (fail) throw new Failure({ code: 'internal', message: 'The case cache could not be read.' });
        return { rows: [caseRow(0)], total: 1, nextCursor: null };
      },
    });
    const user = userEvent.setup();
    render(<CasesScreen />);
    expect(screen.getByRole('status', { name: 'Loading cases' })).toBeTruthy();
    await screen.findByText('The case cache could not be read.');
    fail = false;
    await user.click(screen.getByRole('button', { name: 'Retry' }));
    await screen.findByText('Customer 0');
  });
});
