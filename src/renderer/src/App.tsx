import { Suspense, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { ErrorState } from './components/states';
import { CasesScreen } from './features/cases/CasesScreen';
import { CounterBanner } from './features/counter/CounterBanner';
import { LockScreen, useActivityPings } from './features/lock/LockScreen';
import { ShortcutsDialog } from './features/shell/ShortcutsDialog';
import { useShortcuts } from './features/shell/shortcuts';
import { TopBar } from './features/shell/TopBar';
import { useAppliedTheme } from './features/shell/use-theme';
import {
  CacheProblemScreen,
  CaseReview,
  NewCaseScreen,
  SettingsScreen,
  WelcomeScreen,
  WorkspacesScreen,
  preloadScreens,
  whenIdle,
} from './lazy-screens';
import { ScreenBoundary } from './ScreenBoundary';
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

/** While a screen's chunk loads (only before preloadScreens() has fetched it). */
function ScreenLoading(): React.JSX.Element {
  return (
    <div className="page" aria-busy="true">
      <p role="status" className="muted">
        Loading…
      </p>
    </div>
  );
}

/**
 * Rendered beside the screen inside its Suspense boundary, so it commits only when the screen itself
 * does (not its loading state): then `onShown` runs for each new route.
 */
function ScreenShown({ screen, onShown }: { screen: string; onShown(): void }): null {
  const latest = useRef(onShown);
  useLayoutEffect(() => {
    latest.current = onShown;
  });
  useEffect(() => {
    latest.current();
  }, [screen]);
  return null;
}

function routeKey(route: Route): string {
  return route.name === 'case' ? `case:${route.caseId}` : route.name;
}

/** `started`: the entry script already subscribed to main's events and began loading (main.tsx). */
export function App({ started = false }: { started?: boolean }): React.JSX.Element {
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
  // The first screen is up once the list has its rows (or another screen shows): then the other
  // screens' chunks load in idle time.
  const firstScreenUp = useStore(
    (s) => s.boot.status === 'ready' && (s.route.name !== 'cases' || s.caseList.total !== null),
  );
  useEffect(
    () => (firstScreenUp || boot.status === 'rescue' ? whenIdle(preloadScreens) : undefined),
    [firstScreenUp, boot.status],
  );

  useAppliedTheme(theme);
  useShortcuts(shortcuts && boot.status === 'ready' && !locked, useStore.getState);
  useActivityPings(autoLock && !locked);

  useEffect(() => {
    if (started) return undefined;
    const { listen, start } = useStore.getState();
    const stop = listen();
    void start();
    return stop;
  }, [started]);

  // A new screen: say so in the window title.
  useEffect(() => {
    if (locked) return;
    document.title =
      boot.status === 'rescue' ? 'Cases cannot be opened — KYC Desk' : `${TITLES[route.name]} — KYC Desk`;
    // `key` stands for the route; `route.name` is read only for the title.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, boot.status, locked]);
  // Once a new screen has rendered (its chunk loaded), move focus to its heading: screen readers
  // announce it.
  const shown = (): void => {
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
  };

  // Locked: the lock screen replaces everything, so no case data stays in the page.
  if (locked) return <LockScreen />;
  if (boot.status === 'rescue') {
    return (
      <ScreenBoundary screen="rescue">
        <Suspense fallback={<ScreenLoading />}>
          <CacheProblemScreen />
          <ScreenShown
            screen="rescue"
            onShown={() => document.querySelector<HTMLElement>('#main h1')?.focus()}
          />
        </Suspense>
      </ScreenBoundary>
    );
  }
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
        <ScreenBoundary screen={key}>
          <Suspense fallback={<ScreenLoading />}>
            <Screen route={route} />
            <ScreenShown screen={key} onShown={shown} />
          </Suspense>
        </ScreenBoundary>
      </main>
      {helpOpen ? <ShortcutsDialog /> : null}
    </>
  );
}
