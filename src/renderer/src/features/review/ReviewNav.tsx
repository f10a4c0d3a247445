import { Icon } from './Badge';
import type { IconName } from './labels';
import type { ReviewNav as Nav } from './useReviewNav';
import { formatNumber } from '../../components/format';

/** Back to the list, and previous/next in it, with the keys that do the same. */
export function ReviewNav({ nav }: { nav: Nav }): React.JSX.Element {
  const inList = nav.index >= 0;
  return (
    <nav className="rv-nav" aria-label="Case navigation">
      <NavButton icon="back" label="Cases" kbd="Esc" shortcuts="Escape Alt+ArrowLeft" onClick={nav.back} />
      <span className="rv-nav-position rv-muted">
        {inList
          ? `${formatNumber(nav.index + 1)} of ${nav.total === null ? '…' : formatNumber(nav.total)} in the list`
          : 'Not in the current list'}
      </span>
      <NavButton
        icon="up"
        label="Previous"
        kbd="K"
        shortcuts="K ["
        disabled={!nav.prev}
        onClick={() => nav.go(nav.prev)}
      />
      <NavButton
        icon="down"
        label="Next"
        kbd="J"
        shortcuts="J ]"
        disabled={!nav.next}
        onClick={() => nav.go(nav.next)}
      />
    </nav>
  );
}

/** `aria-disabled`, not `disabled`: at either end of the list the button keeps its place in the Tab order. */
function NavButton(props: {
  icon: IconName;
  label: string;
  kbd: string;
  shortcuts: string;
  disabled?: boolean;
  onClick(): void;
}): React.JSX.Element {
  return (
    <button
      type="button"
      className="rv-button rv-button-small"
      onClick={props.onClick}
      aria-disabled={props.disabled || undefined}
      aria-keyshortcuts={props.shortcuts}
    >
      <Icon name={props.icon} />
      {props.label}
      <span className="rv-kbd" aria-hidden="true">
        {props.kbd}
      </span>
    </button>
  );
}
