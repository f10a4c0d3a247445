export type SideTab = 'review' | 'history' | 'link' | 'data';

const TAB_TEXT: Record<SideTab, string> = {
  review: 'Review',
  history: 'History',
  link: 'Customer link',
  data: 'Personal data',
};

export const sideTabId = (tab: SideTab): string => `rv-side-tab-${tab}`;
export const sidePanelId = (tab: SideTab): string => `rv-side-panel-${tab}`;

/**
 * The data pane's tabs: the review itself (in the order an officer checks), and the rest (timeline
 * and decision history, the customer link, the personal-data tools) one step away, out of its column.
 */
export function SideTabs({
  tabs,
  active,
  onSelect,
}: {
  tabs: readonly SideTab[];
  active: SideTab;
  onSelect: (tab: SideTab) => void;
}): React.JSX.Element {
  const onKeyDown = (event: React.KeyboardEvent<HTMLDivElement>): void => {
    const at = tabs.indexOf(active);
    const to =
      event.key === 'ArrowRight'
        ? at + 1
        : event.key === 'ArrowLeft'
          ? at - 1
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? tabs.length - 1
              : null;
    if (to === null) return;
    event.preventDefault();
    const tab = tabs[(to + tabs.length) % tabs.length]!;
    onSelect(tab);
    document.getElementById(sideTabId(tab))?.focus();
  };
  return (
    <div className="rv-side-tabs" role="tablist" aria-label="Case panels" onKeyDown={onKeyDown}>
      {tabs.map((tab) => (
        <button
          key={tab}
          id={sideTabId(tab)}
          type="button"
          role="tab"
          className="rv-side-tab"
          aria-selected={tab === active}
          aria-controls={sidePanelId(tab)}
          tabIndex={tab === active ? 0 : -1}
          onClick={() => onSelect(tab)}
        >
          {TAB_TEXT[tab]}
        </button>
      ))}
    </div>
  );
}

export function SidePanel({
  tab,
  active,
  children,
}: {
  tab: SideTab;
  active: SideTab;
  children: React.ReactNode;
}): React.JSX.Element {
  // Every panel stays mounted (hidden), so a half-written decision survives a look at the history.
  return (
    <div
      id={sidePanelId(tab)}
      className="rv-side-panel"
      role="tabpanel"
      aria-labelledby={sideTabId(tab)}
      hidden={tab !== active}
    >
      {children}
    </div>
  );
}
