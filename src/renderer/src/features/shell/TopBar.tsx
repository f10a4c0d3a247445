import { useEffect } from 'react';
import { useStore } from '../../store';
import { TeamIndicator } from '../team/TeamIndicator';
import { selectActiveWorkspace } from '../../store/workspace-slice';
import type { Route, RouteName } from '../../store/app-slice';
import { BrandMark } from './BrandMark';
import { SyncIndicator } from './SyncIndicator';
import { WorkspaceSwitcher } from './WorkspaceSwitcher';

const NAV = [
  { route: { name: 'cases' }, label: 'Cases', needsWorkspace: true },
  { route: { name: 'new-case' }, label: 'New case', needsWorkspace: true },
  { route: { name: 'settings' }, label: 'Settings', needsWorkspace: false },
] satisfies { route: Route; label: string; needsWorkspace: boolean }[];

function isCurrent(route: RouteName, item: RouteName): boolean {
  return route === item || (item === 'cases' && route === 'case');
}

export function TopBar(): React.JSX.Element {
  const route = useStore((s) => s.route);
  const navigate = useStore((s) => s.navigate);
  const active = useStore(selectActiveWorkspace);
  const hasWorkspaces = useStore((s) => s.workspaces.length > 0);
  const teamWatch = useStore((s) => s.teamWatch);
  const activeId = active?.id ?? null;

  // The team session's status, queues and open cases follow the active workspace.
  useEffect(() => (activeId === null ? undefined : teamWatch()), [activeId, teamWatch]);

  return (
    <header className="topbar" data-env={active?.environment}>
      <span className="brand">
        <BrandMark />
        KYC Desk
      </span>
      {hasWorkspaces ? <WorkspaceSwitcher /> : null}
      <nav className="main-nav" aria-label="Main">
        <ul>
          {NAV.filter((item) => active || !item.needsWorkspace).map((item) => (
            <li key={item.route.name}>
              <button
                type="button"
                className="nav-link"
                aria-current={isCurrent(route.name, item.route.name) ? 'page' : undefined}
                onClick={() => navigate(item.route)}
              >
                {item.label}
              </button>
            </li>
          ))}
        </ul>
      </nav>
      <div className="topbar-end">
        {active ? <SyncIndicator /> : null}
        {active ? <TeamIndicator /> : null}
      </div>
    </header>
  );
}
