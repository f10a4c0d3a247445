import { useEffect, useRef, useState } from 'react';
import { ErrorState } from './components/states';
import { CasesScreen } from './features/cases/CasesScreen';
import { CounterBanner } from './features/counter/CounterBanner';
import { CaseReview } from './features/review/CaseReview';
import { LockScreen, useActivityPings } from './features/lock/LockScreen';
import { NewCaseScreen } from './features/new-case/NewCaseScreen';
import { CacheProblemScreen } from './features/rescue/CacheProblemScreen';
import { SettingsScreen } from './features/settings/SettingsScreen';
import { ShortcutsDialog } from './features/shell/ShortcutsDialog';
import { useShortcuts } from './features/shell/shortcuts';
import { TopBar } from './features/shell/TopBar';
import { useAppliedTheme } from './features/shell/use-theme';
import { WelcomeScreen } from './features/workspaces/WelcomeScreen';
import { WorkspacesScreen } from './features/workspaces/WorkspacesScreen';
import { useStore } from './store';
import type { Route } from './store/app-slice';

const TITLES: Record<Route['name'], string> = {
  welcome: 'Welcome',
  workspaces: 'Workspaces',
  cases: 'Cases',
  case: 'Case',
  'new-case': 'New case',
  settings: 'Settings',
};

function Screen({ route }: { route: Route }): React.JSX.Element {
  switch (route.name) {
    case 'welcome':
      return <WelcomeScreen />;
    case 'workspaces':
      return <WorkspacesScreen />;
    case 'cases':
      return <CasesScreen />;
    case 'case':
      return <CaseReview caseId={route.caseId} />;
    case 'new-case':
      return <NewCaseScreen />;
    case 'settings':
      return <SettingsScreen />;
  }
}

/** After this long a start that has not finished offers Retry: no wait without a way out. */
const SLOW_START_MS = 10_000;

function BootScreen(): React.JSX.Element {
  const boot = useStore((s) => s.boot);
  const [slow, setSlow] = useState(false);
  useEffect(() => {
    if (boot.status !== 'loading') return undefined;
    const timer = setTimeout(() => setSlow(true), SLOW_START_MS);
    return () => clearTimeout(timer);
  }, [boot.status]);
  const retry = (): void => {
    setSlow(false);
    void useStore.getState().start();
  };
  return (
    <main className="boot" id="main">
      <h1 className="brand-large">KYC Desk</h1>
      {boot.status === 'error' ? (
        <ErrorState title="KYC Desk could not start" message={boot.message} onRetry={retry} />
      ) : (
        <div className="boot-wait">
          <p role="status" className="muted">
            {slow ? 'Opening the case cache is taking longer than usual.' : 'Opening the case cache…'}
          </p>
          {slow ? (
            <button type="button" className="btn" onClick={retry}>
              Retry
            </button>
          ) : null}
        </div>
      )}
    </main>
  );
}

function routeKey(route: Route): string {
  return route.name === 'case' ? `case:${route.caseId}` : route.name;
}

export function App(): React.JSX.Element {
  const boot = useStore((s) => s.boot);
  const route = useStore((s) => s.route);
  const theme = useStore((s) => s.settings.theme);
  const shortcuts = useStore((s) => s.settings.shortcuts);
  const helpOpen = useStore((s) => s.shortcutsHelpOpen);
  const locked = useStore((s) => s.lock?.locked === true);
  const autoLock = useStore((s) => s.lock?.pinSet === true && s.settings.autoLockMinutes > 0);
  const main = useRef<HTMLElement>(null);
  const firstScreen = useRef(true);
  const key = routeKey(route);

  useAppliedTheme(theme);
  useShortcuts(shortcuts && boot.status === 'ready' && !locked, useStore.getState);
  useActivityPings(autoLock && !locked);

  useEffect(() => {
    const { listen, start } = useStore.getState();
    const stop = listen();
    void start();
    return stop;
  }, []);

  // A new screen: say so in the window title and move focus to its heading (screen readers announce it).
  useEffect(() => {
    if (locked) return;
    if (boot.status === 'rescue') {
      document.title = 'Cases cannot be opened — KYC Desk';
      document.querySelector<HTMLElement>('#main h1')?.focus();
      return;
    }
    document.title = `${TITLES[route.name]} — KYC Desk`;
    if (boot.status !== 'ready') return;
    if (firstScreen.current) {
      firstScreen.current = false;
      return;
    }
    const heading = main.current?.querySelector<HTMLElement>('h1');
    if (heading) {
      if (!heading.hasAttribute('tabindex')) heading.setAttribute('tabindex', '-1');
      heading.focus({ preventScroll: true });
    } else main.current?.focus({ preventScroll: true });
    main.current?.scrollTo?.({ top: 0 });
    // `key` stands for the route; `route.name` is read only for the title.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, boot.status, locked]);

  // Locked: the lock screen replaces everything, so no case data stays in the page.
  if (locked) return <LockScreen />;
  if (boot.status === 'rescue') return <CacheProblemScreen />;
  if (boot.status !== 'ready') return <BootScreen />;

  return (
    <>
      <a
        href="#main"
        className="skip-link"
        onClick={(event) => {
          event.preventDefault();
          main.current?.focus();
        }}
      >
        Skip to content
      </a>
      <TopBar />
      <CounterBanner />
      <main id="main" ref={main} className="main" tabIndex={-1} data-screen={route.name}>
        <Screen route={route} />
      </main>
      {helpOpen ? <ShortcutsDialog /> : null}
    </>
  );
}
