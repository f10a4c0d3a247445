import type { CaseListState } from '../../store/case-list-slice';
import { CASE_PAGE_SIZE } from '../../store/case-list-slice';

export interface ListPosition {
  /** Row of the case in the current list, -1 when the list (as loaded) does not hold it. */
  index: number;
  prev: string | null;
  next: string | null;
  total: number | null;
}

/**
 * The case's neighbours in the case list as the officer left it (same filters, same order), read
 * from the loaded pages only: `pages` (rows by page number) and `total`.
 */
export function listNeighbours(list: Pick<CaseListState, 'pages' | 'total'>, caseId: string): ListPosition {
  const idAt = (index: number): string | null =>
    list.pages[Math.floor(index / CASE_PAGE_SIZE)]?.[index % CASE_PAGE_SIZE]?.id ?? null;
  for (const [key, rows] of Object.entries(list.pages)) {
    const at = rows.findIndex((row) => row.id === caseId);
    if (at < 0) continue;
    const index = Number(key) * CASE_PAGE_SIZE + at;
    return { index, prev: index > 0 ? idAt(index - 1) : null, next: idAt(index + 1), total: list.total };
  }
  return { index: -1, prev: null, next: null, total: list.total };
}
