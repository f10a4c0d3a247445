// @vitest-environment happy-dom
import { act, cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CaseReview } from '../../../../src/renderer/src/features/review/CaseReview';
import { listNeighbours } from '../../../../src/renderer/src/features/review/list-neighbours';
import { resetImageCache } from '../../../../src/renderer/src/features/review/useImage';
import { useStore } from '../../../../src/renderer/src/store';
import { CASE_PAGE_SIZE } from '../../../../src/renderer/src/store/case-list-slice';
import { caseRow } from '../bridge';
import { caseHandlers, caseView, fakeBridge, ONLINE, panelsShown } from './fixtures';

/*
 * Moving through work from a review: J/] and K/[ through the case list as the officer left it, Esc
 * and Alt+← back to it, never while typing; the neighbours come from the list's loaded pages.
 */

describe('listNeighbours', () => {
  const pages = { 0: [caseRow(0), caseRow(1), caseRow(2)] };

  it('finds the case and its neighbours in the loaded pages', () => {
    expect(listNeighbours({ pages, total: 3 }, 'case-1')).toEqual({
      index: 1,
      prev: 'case-0',
      next: 'case-2',
      total: 3,
    });
    expect(listNeighbours({ pages, total: 3 }, 'case-0')).toMatchObject({ prev: null, next: 'case-1' });
    expect(listNeighbours({ pages, total: 3 }, 'case-2')).toMatchObject({ prev: 'case-1', next: null });
  });

  it('says when the list does not hold the case, and reads across a page boundary', () => {
    expect(listNeighbours({ pages, total: 3 }, 'elsewhere')).toMatchObject({
      index: -1,
      prev: null,
      next: null,
    });
    const last = CASE_PAGE_SIZE - 1;
    const boundary = {
      0: Array.from({ length: CASE_PAGE_SIZE }, (_, i) => caseRow(i)),
      1: [caseRow(CASE_PAGE_SIZE)],
    };
    expect(listNeighbours({ pages: boundary, total: CASE_PAGE_SIZE + 1 }, `case-${last}`)).toMatchObject({
      index: last,
      next: `case-${CASE_PAGE_SIZE}`,
    });
    // The next page not loaded yet: no neighbour rather than a wrong one.
    expect(listNeighbours({ pages: { 0: boundary[0] }, total: 500 }, `case-${last}`).next).toBeNull();
  });
});

describe('review navigation keys', () => {
  beforeEach(() => {
    document.documentElement.dataset.theme = 'light';
  });
  afterEach(() => {
    cleanup();
    resetImageCache();
  });

  async function start() {
    const view = caseView({ id: 'case-1', syncedAt: Date.now() });
    window.kycDesk = fakeBridge(caseHandlers(view));
    useStore.setState(useStore.getInitialState(), true);
    useStore.setState((s) => ({
      sync: ONLINE,
      route: { name: 'case', caseId: 'case-1' },
      caseList: { ...s.caseList, total: 3, pages: { 0: [caseRow(0), caseRow(1), caseRow(2)] } },
    }));
    const user = userEvent.setup();
    const { rerender } = render(<CaseReview caseId="case-1" />);
    await screen.findByRole('heading', { level: 1, name: 'Ruta Zemaite' });
    await panelsShown();
    return Object.assign(user, { rerender });
  }
  const route = () => useStore.getState().route;
  const toCase1 = () => act(() => useStore.setState({ route: { name: 'case', caseId: 'case-1' } }));

  it('J and ] open the next case, K and [ the previous one; the position is shown', async () => {
    const user = await start();
    expect(screen.getByText('2 of 3 in the list')).toBeTruthy();
    await user.keyboard('j');
    expect(route()).toEqual({ name: 'case', caseId: 'case-2' });
    toCase1();
    await user.keyboard(']');
    expect(route()).toEqual({ name: 'case', caseId: 'case-2' });
    toCase1();
    await user.keyboard('k');
    expect(route()).toEqual({ name: 'case', caseId: 'case-0' });
    toCase1();
    await user.keyboard('[[');
    expect(route()).toEqual({ name: 'case', caseId: 'case-0' });
  });

  it('Esc and Alt+← go back to the list', async () => {
    const user = await start();
    await user.keyboard('{Escape}');
    expect(route()).toEqual({ name: 'cases' });
    toCase1();
    await user.keyboard('{Alt>}{ArrowLeft}{/Alt}');
    expect(route()).toEqual({ name: 'cases' });
  });

  it('never while typing: the note keeps J, K, brackets and Esc', async () => {
    const user = await start();
    const note = screen.getByRole('textbox', { name: /Note/ });
    await user.click(note);
    await user.keyboard('jk[[]{Escape}');
    expect((note as HTMLTextAreaElement).value).toBe('jk[]');
    expect(route()).toEqual({ name: 'case', caseId: 'case-1' });
  });

  it('letters follow the shortcuts setting; Esc always works', async () => {
    const user = await start();
    act(() => useStore.setState((s) => ({ settings: { ...s.settings, shortcuts: false } })));
    await user.keyboard('j');
    expect(route()).toEqual({ name: 'case', caseId: 'case-1' });
    await user.keyboard('{Escape}');
    expect(route()).toEqual({ name: 'cases' });
  });

  it('keeps a half-made decision when the officer moves to another case and back', async () => {
    const user = await start();
    await user.click(screen.getByRole('radio', { name: /^Reject/ }));
    await user.type(screen.getByRole('textbox', { name: /Note/ }), 'Asked for the marriage certificate');
    user.rerender(<CaseReview caseId="case-2" />);
    await screen.findByRole('heading', { level: 1, name: 'Ruta Zemaite' });
    await panelsShown();
    expect(screen.getByRole<HTMLInputElement>('radio', { name: /^Reject/ }).checked).toBe(false);
    expect(screen.getByRole<HTMLTextAreaElement>('textbox', { name: /Note/ }).value).toBe('');
    user.rerender(<CaseReview caseId="case-1" />);
    await panelsShown();
    expect(screen.getByRole<HTMLInputElement>('radio', { name: /^Reject/ }).checked).toBe(true);
    expect(screen.getByRole<HTMLTextAreaElement>('textbox', { name: /Note/ }).value).toBe(
      'Asked for the marriage certificate',
    );
  });
});
