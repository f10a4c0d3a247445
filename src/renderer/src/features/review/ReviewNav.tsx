import { Icon } from './Badge';
import type { ReviewNav as Nav } from './useReviewNav';
import { formatNumber } from '../../components/format';

/** Back to the list, and previous/next in it, with the keys that do the same. */
export function ReviewNav({ nav }: { nav: Nav }): React.JSX.Element {
  const inList = nav.index >= 0;
  return (
    <nav className="rv-nav" aria-label="Case navigation">
      <button
        type="button"
        className="rv-button rv-button-small"
        onClick={nav.back}
        aria-keyshortcuts="Escape Alt+ArrowLeft"
      >
        <Icon name="back" />
        Cases
        <span className="rv-kbd" aria-hidden="true">
          Esc
        </span>
      </button>
      <span className="rv-nav-position rv-muted">
        {inList
          ? `${formatNumber(nav.index + 1)} of ${nav.total === null ? '…' : formatNumber(nav.total)} in the list`
          : 'Not in the current list'}
      </span>
      <button
        type="button"
        className="rv-button rv-button-small"
        onClick={() => nav.go(nav.prev)}
        aria-disabled={!nav.prev || undefined}
        aria-keyshortcuts="K ["
      >
        <Icon name="up" />
        Previous
        <span className="rv-kbd" aria-hidden="true">
          K
        </span>
      </button>
      <button
        type="button"
        className="rv-button rv-button-small"
        onClick={() => nav.go(nav.next)}
        aria-disabled={!nav.next || undefined}
        aria-keyshortcuts="J ]"
      >
        <Icon name="down" />
        Next
        <span className="rv-kbd" aria-hidden="true">
          J
        </span>
      </button>
    </nav>
  );
}
