import { lazy } from 'react';

/*
 * Screens the first list paint does not need, each in its own chunk: the review workspace, the
 * workspace and new-case forms (with zod, which their validation shares with main), settings and the
 * rescue screen. The main chunk then holds React, the store, the shell and the case list; a cold start
 * parses and runs about half the script it did. preloadScreens() fetches the rest once the first
 * screen is up, so opening a case or settings does not wait for a chunk (docs/adr/0024).
 */

const loaders = {
  review: () => import('./features/review/CaseReview'),
  newCase: () => import('./features/new-case/NewCaseScreen'),
  settings: () => import('./features/settings/SettingsScreen'),
  welcome: () => import('./features/workspaces/WelcomeScreen'),
  workspaces: () => import('./features/workspaces/WorkspacesScreen'),
  rescue: () => import('./features/rescue/CacheProblemScreen'),
};

export const CaseReview = lazy(() => loaders.review().then((m) => ({ default: m.CaseReview })));
export const NewCaseScreen = lazy(() => loaders.newCase().then((m) => ({ default: m.NewCaseScreen })));
export const SettingsScreen = lazy(() => loaders.settings().then((m) => ({ default: m.SettingsScreen })));
export const WelcomeScreen = lazy(() => loaders.welcome().then((m) => ({ default: m.WelcomeScreen })));
export const WorkspacesScreen = lazy(() =>
  loaders.workspaces().then((m) => ({ default: m.WorkspacesScreen })),
);
export const CacheProblemScreen = lazy(() =>
  loaders.rescue().then((m) => ({ default: m.CacheProblemScreen })),
);

let preloaded = false;

/** Loads every lazy screen's chunk (once), one after another so none competes with the officer's input. */
export function preloadScreens(): void {
  if (preloaded) return;
  preloaded = true;
  const queue: (() => Promise<unknown>)[] = Object.values(loaders);
  void queue.reduce<Promise<unknown>>(
    (previous, load) => previous.then(() => load()).catch(() => undefined),
    Promise.resolve(),
  );
}

/**
 * Runs `task` once the browser has painted and is idle (or after `timeoutMs` at the latest); returns
 * the cancel.
 */
export function whenIdle(task: () => void, timeoutMs = 2000): () => void {
  let cancelled = false;
  let idle: number | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const run = (): void => {
    if (!cancelled) task();
  };
  // After the next frame is painted: two animation frames, then idle time.
  const frame = requestAnimationFrame(() => {
    requestAnimationFrame(() => {
      if (cancelled) return;
      if (typeof requestIdleCallback === 'function') idle = requestIdleCallback(run, { timeout: timeoutMs });
      else timer = setTimeout(run, 0);
    });
  });
  return () => {
    cancelled = true;
    cancelAnimationFrame(frame);
    if (idle !== undefined) cancelIdleCallback(idle);
    if (timer !== undefined) clearTimeout(timer);
  };
}
