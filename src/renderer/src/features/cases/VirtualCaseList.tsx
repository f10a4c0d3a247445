import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useNow } from '../../components/hooks';
import { listMemory, listMemoryApplies } from '../../components/list-memory';
import { useStore } from '../../store';
import { CASE_PAGE_SIZE, caseAt } from '../../store/case-list-slice';
import { CaseListHead, CaseRow, ROW_HEIGHT, caseRowId } from './CaseRow';

/** Rows rendered above and below the viewport, so fast scrolling does not show gaps. */
const OVERSCAN = 6;
/** Used until the viewport has been measured (and where nothing lays out, as in unit tests). */
const FALLBACK_HEIGHT = 600;

export function VirtualCaseList({ onOpen }: { onOpen(caseId: string): void }): React.JSX.Element {
  const list = useStore((s) => s.caseList);
  const loadRange = useStore((s) => s.loadCaseRange);
  const workspaceId = useStore((s) => s.activeWorkspaceId);
  const total = list.total ?? 0;
  const scroller = useRef<HTMLDivElement>(null);
  // Back from a review with the same filters: where the officer left the list (see list-memory).
  const [back] = useState(() => listMemoryApplies(list.filters, workspaceId));
  const [scrollTop, setScrollTop] = useState(() => (back ? listMemory.top : 0));
  const [height, setHeight] = useState(FALLBACK_HEIGHT);
  const [selected, setSelected] = useState(() => (back ? returnedTo(list, listMemory.caseId) : -1));
  const [filters, setFilters] = useState(list.filters);
  const now = useNow();

  // A new query starts at the top with nothing selected; a refresh of the same query keeps both.
  if (filters !== list.filters) {
    setFilters(list.filters);
    setSelected(-1);
    setScrollTop(0);
  }
  const restored = useRef(false);
  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el) return;
    // The first layout puts the remembered offset back, moved just enough to show the case reviewed
    // last (J/K may have gone past the rows on screen; the scroll event brings the state along);
    // a new query starts at the top.
    let top = restored.current ? 0 : scrollTop;
    if (!restored.current && selected >= 0) {
      const row = selected * ROW_HEIGHT;
      if (row < top) top = row;
      else if (row + ROW_HEIGHT > top + el.clientHeight) top = row + ROW_HEIGHT - el.clientHeight;
    }
    el.scrollTop = top;
    restored.current = true;
    listMemory.filters = list.filters;
    listMemory.workspaceId = workspaceId;
    listMemory.top = el.scrollTop;
    listMemory.returning = false;
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the memory is read once, on mount
  }, [list.filters]);

  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el) return undefined;
    const measure = (): void => setHeight(el.clientHeight || FALLBACK_HEIGHT);
    measure();
    if (typeof ResizeObserver === 'undefined') return undefined;
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  const first = Math.max(0, Math.floor(scrollTop / ROW_HEIGHT) - OVERSCAN);
  const last = Math.min(total - 1, Math.ceil((scrollTop + height) / ROW_HEIGHT) + OVERSCAN);

  useEffect(() => {
    void loadRange(first, Math.max(first, last));
  }, [first, last, list.query, loadRange]);

  // Row clicks go through refs so the callback stays the same and memoised rows do not re-render.
  const latest = useRef({ list, onOpen });
  useLayoutEffect(() => {
    latest.current = { list, onOpen };
  });
  const open = useCallback((index: number): void => {
    const row = caseAt(latest.current.list, index);
    if (row) latest.current.onOpen(row.id);
  }, []);
  const onRowClick = useCallback(
    (index: number): void => {
      setSelected(index);
      open(index);
    },
    [open],
  );

  const reveal = (index: number): void => {
    const el = scroller.current;
    if (!el) return;
    const top = index * ROW_HEIGHT;
    if (top < el.scrollTop) el.scrollTop = top;
    else if (top + ROW_HEIGHT > el.scrollTop + height) el.scrollTop = top + ROW_HEIGHT - height;
    setScrollTop(el.scrollTop);
  };

  const onKeyDown = (event: React.KeyboardEvent): void => {
    if (total === 0) return;
    const pageRows = Math.max(1, Math.floor(height / ROW_HEIGHT) - 1);
    const firstVisible = Math.min(total - 1, Math.ceil(scrollTop / ROW_HEIGHT));
    const from = selected < 0 ? firstVisible : selected;
    let next: number;
    switch (event.key) {
      case 'ArrowDown':
        next = selected < 0 ? firstVisible : from + 1;
        break;
      case 'ArrowUp':
        next = selected < 0 ? firstVisible : from - 1;
        break;
      case 'PageDown':
        next = from + pageRows;
        break;
      case 'PageUp':
        next = from - pageRows;
        break;
      case 'Home':
        next = 0;
        break;
      case 'End':
        next = total - 1;
        break;
      case 'Enter':
      case ' ':
        event.preventDefault();
        if (selected >= 0) open(selected);
        return;
      default:
        return;
    }
    event.preventDefault();
    next = Math.min(total - 1, Math.max(0, next));
    setSelected(next);
    reveal(next);
  };

  const rows: React.JSX.Element[] = [];
  for (let index = first; index <= last; index += 1) {
    rows.push(
      <CaseRow
        key={index}
        index={index}
        total={total}
        row={caseAt(list, index)}
        selected={index === selected}
        now={now}
        onClick={onRowClick}
      />,
    );
  }
  const activeRendered = selected >= first && selected <= last;

  return (
    <div className="case-list">
      <CaseListHead />
      <div
        ref={scroller}
        className="case-scroller"
        role="listbox"
        aria-label={`Cases, ${total.toLocaleString('en-US')} in total`}
        aria-describedby="case-list-help"
        aria-activedescendant={activeRendered ? caseRowId(selected) : undefined}
        tabIndex={0}
        onKeyDown={onKeyDown}
        onFocus={() => {
          if (selected < 0 && total > 0) setSelected(Math.min(total - 1, Math.ceil(scrollTop / ROW_HEIGHT)));
        }}
        onScroll={(event) => {
          setScrollTop(event.currentTarget.scrollTop);
          listMemory.filters = list.filters;
          listMemory.workspaceId = workspaceId;
          listMemory.top = event.currentTarget.scrollTop;
        }}
      >
        <div className="case-spacer" role="presentation" style={{ height: total * ROW_HEIGHT }}>
          {rows}
        </div>
      </div>
      <p id="case-list-help" className="sr-only">
        Arrow keys move through the cases, Enter opens the selected case.
      </p>
    </div>
  );
}

/** The row of the case the officer last reviewed, when the loaded list holds it (else none). */
function returnedTo(list: ReturnType<typeof useStore.getState>['caseList'], caseId: string | null): number {
  if (!caseId) return -1;
  for (const [page, rows] of Object.entries(list.pages)) {
    const at = rows.findIndex((row) => row.id === caseId);
    if (at >= 0) return Number(page) * CASE_PAGE_SIZE + at;
  }
  return -1;
}
