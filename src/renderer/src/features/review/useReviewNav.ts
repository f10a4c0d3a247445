import { useEffect, useEffectEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { listMemory } from '../../components/list-memory';
import { useStore } from '../../store';
import { isTyping } from '../shell/shortcuts';
import { listNeighbours, type ListPosition } from './list-neighbours';

export interface ReviewNav extends ListPosition {
  go: (caseId: string | null) => void;
  back: () => void;
}

/**
 * Moving through work from a review: J or ] the next case of the list, K or [ the previous one (the
 * single-key shortcuts, when on), Esc or Alt+← back to the list as it was left. Never while typing,
 * never behind a dialog.
 */
export function useReviewNav(caseId: string): ReviewNav {
  const position = useStore(useShallow((s) => listNeighbours(s.caseList, caseId)));
  const navigate = useStore((s) => s.navigate);
  const loadRange = useStore((s) => s.loadCaseRange);
  const letters = useStore((s) => s.settings.shortcuts);
  const { index, prev, next, total } = position;

  useEffect(() => {
    listMemory.caseId = caseId;
  }, [caseId]);
  // Leaving the review (Esc, Alt+←, the Cases tab, g c): the list comes back as it was left.
  // Marked when the route changes (a store subscription runs before React renders the list, which
  // reads the mark while rendering; an unmount clean-up would run too late).
  useEffect(
    () =>
      useStore.subscribe((state, before) => {
        if (state.route !== before.route && state.route.name !== 'case') listMemory.returning = true;
      }),
    [],
  );

  // At a page boundary the neighbour is not loaded yet: ask for it, so J/K never stop at row 200.
  const missingNext = index >= 0 && next === null && total !== null && index + 1 < total;
  const missingPrev = index > 0 && prev === null;
  useEffect(() => {
    if (missingNext) void loadRange(index + 1, index + 1);
    else if (missingPrev) void loadRange(index - 1, index - 1);
  }, [missingNext, missingPrev, index, loadRange]);

  const go = (id: string | null): void => {
    if (id) navigate({ name: 'case', caseId: id });
  };
  const back = (): void => navigate({ name: 'cases' });

  const onKey = useEffectEvent((event: KeyboardEvent) => {
    if (event.defaultPrevented || event.isComposing || event.ctrlKey || event.metaKey) return;
    if (document.querySelector('[aria-modal="true"], dialog[open]')) return;
    if (event.altKey) {
      if (event.key === 'ArrowLeft' && !event.shiftKey) {
        event.preventDefault();
        back();
      }
      return;
    }
    if (isTyping(event.target)) return;
    if (event.key === 'Escape') {
      event.preventDefault();
      back();
      return;
    }
    if (!letters || event.shiftKey) return;
    const target =
      event.key === 'j' || event.key === ']'
        ? next
        : event.key === 'k' || event.key === '['
          ? prev
          : undefined;
    if (target === undefined) return;
    event.preventDefault();
    go(target);
  });

  useEffect(() => {
    const listener = (event: KeyboardEvent): void => onKey(event);
    window.addEventListener('keydown', listener);
    return () => window.removeEventListener('keydown', listener);
  }, []);

  return { ...position, go, back };
}
