import { useEffect } from 'react';
import type { AppState } from '../../store/types';

export const SEARCH_INPUT_ID = 'case-search';

/** `keys` are pressed one after the other (`then`) or are alternatives (`or`). */
export const SHORTCUTS: { keys: string[]; join?: 'then' | 'or'; action: string }[] = [
  { keys: ['/'], action: 'Search cases' },
  { keys: ['n'], action: 'New case' },
  { keys: ['g', 'c'], join: 'then', action: 'Go to cases' },
  { keys: ['g', 'w'], join: 'then', action: 'Go to workspaces' },
  { keys: ['g', 's'], join: 'then', action: 'Go to settings' },
  { keys: ['↑', '↓'], join: 'or', action: 'Move through the case list' },
  { keys: ['Enter'], action: 'Open the selected case' },
  { keys: ['J', ']'], join: 'or', action: 'Next case in the list (in a review)' },
  { keys: ['K', '['], join: 'or', action: 'Previous case in the list (in a review)' },
  { keys: ['Esc', 'Alt+←'], join: 'or', action: 'Back to the case list (in a review)' },
  { keys: ['A', 'R', 'E'], join: 'or', action: 'Choose accept, reject or escalate (in a review)' },
  { keys: ['Ctrl+Enter'], action: 'Record the decision (in a review)' },
  { keys: ['+', '−', 'R', '0'], join: 'or', action: 'Zoom, rotate, reset a focused image' },
  { keys: ['T'], action: "Go to a focused image's controls" },
  { keys: ['?'], action: 'Show this list' },
  { keys: ['Esc'], action: 'Close a dialog' },
];

/** True when a key press belongs to what the officer is typing, not to a shortcut. */
export function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  if (target instanceof HTMLInputElement)
    return !['checkbox', 'radio', 'button', 'submit', 'reset'].includes(target.type);
  return false;
}

const CHORD_MS = 1500;

/** Single-key shortcuts (when enabled in Settings); never while typing or while a dialog is open. */
export function useShortcuts(enabled: boolean, getState: () => AppState): void {
  useEffect(() => {
    if (!enabled) return undefined;
    let chordAt = 0;
    const focusSearch = (): void => {
      // After navigating the list screen renders first; then the field exists.
      setTimeout(() => document.getElementById(SEARCH_INPUT_ID)?.focus(), 0);
    };
    const onKeyDown = (event: KeyboardEvent): void => {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
      if (isTyping(event.target) || document.querySelector('[aria-modal="true"]')) return;
      const state = getState();
      const hasWorkspace = state.activeWorkspaceId !== null;
      const go = (run: () => void): void => {
        event.preventDefault();
        run();
      };
      if (chordAt && event.timeStamp - chordAt < CHORD_MS) {
        chordAt = 0;
        if (event.key === 'c' && hasWorkspace) go(() => state.navigate({ name: 'cases' }));
        else if (event.key === 'w') go(() => state.navigate({ name: 'workspaces' }));
        else if (event.key === 's') go(() => state.navigate({ name: 'settings' }));
        return;
      }
      chordAt = 0;
      switch (event.key) {
        case '/':
          if (!hasWorkspace) return;
          go(() => {
            if (state.route.name !== 'cases') state.navigate({ name: 'cases' });
            focusSearch();
          });
          return;
        case 'n':
          if (hasWorkspace) go(() => state.navigate({ name: 'new-case' }));
          return;
        case 'g':
          chordAt = event.timeStamp || 1;
          return;
        case '?':
          go(() => state.setShortcutsHelp(true));
          return;
        default:
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [enabled, getState]);
}
