import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { formatNumber } from '../../components/format';
import { useNow } from '../../components/hooks';
import { useStore } from '../../store';
import { listMemory } from '../../components/list-memory';
import { CASE_PAGE_SIZE, caseAt, type CaseFilters, type CaseListState } from '../../store/case-list-slice';
import { CaseListHead } from './CaseListHead';
import { CaseRow, ROW_HEIGHT, caseRowId } from './CaseRow';

/**
 * Rows rendered above and below the viewport, so a row scrolled in is usually drawn already. Every
 * rendered row costs style, layout and paint in each frame that changes it; at a fling (dozens of rows
 * a frame) overscan cannot keep up anyway, so it stays small.
 */
const OVERSCAN = 3;
/**
 * Rows asked of main beyond the rendered ones, so the next page is usually in before it scrolls into
 * view (data is cheap to hold; rendered rows are not).
 */
const PREFETCH_ROWS = 50;
/** Used until the viewport has been measured (and where nothing lays out, as in unit tests). */
const FALLBACK_HEIGHT = 600;
/** After a fling, rows get their full cells back once the list has not jumped a page for this long. */
const SKIM_SETTLE_MS = 150;

export function VirtualCaseList({ onOpen }: { onOpen(caseId: string): void }): React.JSX.Element {
  const list = useStore((s) => s.caseList);
  const loadRange = useStore((s) => s.loadCaseRange);
  const remember = useStore((s) => s.rememberCasePosition);
  const total = list.total ?? 0;
  const scroller = useRef<HTMLDivElement>(null);
  // Mounted once per query: it starts where the officer left this list (a case opened, another
  // workspace visited), or at the top for a new query. The scroll offset itself lives in a ref: the
  // list renders again only when the first row in view changes, not on every scroll event.
  const scrollTop = useRef(list.position.scrollTop);
  const [topRow, setTopRow] = useState(() => rowAt(list.position.scrollTop));
  const [height, setHeight] = useState(FALLBACK_HEIGHT);
  // Skimming: the list moved a page or more since the last scroll event (a fling, the scrollbar
  // dragged). Nobody reads rows at that speed; drawing their badges, dates and attention cells is what
  // made such frames miss the display's refresh, so rows show name and reference until it settles.
  const [skimming, setSkimming] = useState(false);
  const settle = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(settle.current), []);
  const scrolledTo = useCallback(
    (top: number): void => {
      const jump = Math.abs(rowAt(top) - rowAt(scrollTop.current));
      scrollTop.current = top;
      setTopRow(rowAt(top));
      if (jump * ROW_HEIGHT < height) return;
      setSkimming(true);
      clearTimeout(settle.current);
      settle.current = setTimeout(() => setSkimming(false), SKIM_SETTLE_MS);
    },
    [height],
  );
  // Back from a review, the case reviewed last is the one selected (J/K may have moved past the row
  // the officer opened); otherwise the selection saved with the position.
  const [selected, setSelected] = useState(() => {
    const reviewed = listMemory.returning ? returnedTo(list, listMemory.caseId) : -1;
    listMemory.returning = false;
    return reviewed >= 0 ? reviewed : Math.min(list.position.selected, total - 1);
  });
  const [filters, setFilters] = useState(list.filters);
  const now = useNow();

  // A new query starts at the top with nothing selected; a refresh of the same query keeps both.
  if (filters !== list.filters) {
    setFilters(list.filters);
    setSelected(-1);
    setTopRow(0);
  }
  // At mount the saved position; on a later change of filters the top. Keyed by the filters object,
  // so an effect run twice for the same filters (React's StrictMode) does not undo the restore.
  const applied = useRef<CaseFilters | null>(null);
  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el || applied.current === list.filters) return;
    const mounting = applied.current === null;
    let top = mounting ? list.position.scrollTop : 0;
    if (mounting && selected >= 0) {
      // Moved just enough to show the selected case, wherever next/previous took the officer.
      const row = selected * ROW_HEIGHT;
      if (row < top) top = row;
      else if (row + ROW_HEIGHT > top + el.clientHeight) top = row + ROW_HEIGHT - el.clientHeight;
    }
    // A new scroller is at the top already: writing scrollTop would force a layout before the first
    // paint of the rows for nothing.
    if (!mounting || top !== 0) el.scrollTop = top;
    scrollTop.current = top;
    applied.current = list.filters;
    // The position is read at mount only; later the filters alone move the list.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [list.filters]);

  // Leaving the screen: keep the position for this workspace's list (read through a ref at unmount).
  // The workspace is the one at mount: switching workspaces unmounts the list with its old rows.
  const [workspaceId] = useState(list.workspaceId);
  const position = useRef({ workspaceId, selected, shown: list.filters });
  useLayoutEffect(() => {
    position.current = { workspaceId, selected, shown: list.filters };
  });
  useEffect(
    () => () => {
      const { workspaceId, shown, selected } = position.current;
      remember(workspaceId, { scrollTop: scrollTop.current, selected }, shown);
    },
    [remember],
  );

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

  // Rows in view (the first one may be partly scrolled off) and the overscan on either side.
  const inView = Math.ceil(height / ROW_HEIGHT) + 1;
  const first = Math.max(0, topRow - OVERSCAN);
  const last = Math.min(total - 1, topRow + inView - 1 + OVERSCAN);
  // Rows are keyed by a slot that a row leaving one end hands to the row entering at the other, so
  // scrolling updates a few DOM nodes in place instead of building rows and throwing them away.
  const slots = inView + 2 * OVERSCAN;

  useEffect(() => {
    const from = Math.max(0, first - PREFETCH_ROWS);
    void loadRange(from, Math.max(from, last + PREFETCH_ROWS));
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
    scrolledTo(el.scrollTop);
  };

  const onKeyDown = (event: React.KeyboardEvent): void => {
    if (total === 0) return;
    const pageRows = Math.max(1, Math.floor(height / ROW_HEIGHT) - 1);
    const firstVisible = Math.min(total - 1, Math.ceil(scrollTop.current / ROW_HEIGHT));
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
        key={index % slots}
        index={index}
        total={total}
        row={caseAt(list, index)}
        selected={index === selected}
        now={now}
        skimming={skimming}
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
        aria-label={`Cases, ${formatNumber(total)} in total`}
        aria-describedby="case-list-help"
        aria-activedescendant={activeRendered ? caseRowId(selected) : undefined}
        tabIndex={0}
        onKeyDown={onKeyDown}
        onFocus={() => {
          if (selected < 0 && total > 0)
            setSelected(Math.min(total - 1, Math.ceil(scrollTop.current / ROW_HEIGHT)));
        }}
        onScroll={(event) => scrolledTo(event.currentTarget.scrollTop)}
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

/** The row at a scroll offset (the first row in view). */
function rowAt(scrollTop: number): number {
  return Math.max(0, Math.floor(scrollTop / ROW_HEIGHT));
}

/** The index of a loaded case in the list, or -1. */
function returnedTo(list: CaseListState, caseId: string | null): number {
  if (!caseId) return -1;
  for (const [page, rows] of Object.entries(list.pages)) {
    const at = rows.findIndex((row) => row.id === caseId);
    if (at >= 0) return Number(page) * CASE_PAGE_SIZE + at;
  }
  return -1;
}
