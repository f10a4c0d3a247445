import { AppError } from '../main/errors';
import type { Confirmer } from '../main/services/confirm';

/**
 * The CLI's answer to main's confirmations. Adding a workspace with its own hosts is confirmed by typing
 * them: the command line is the officer's own, not a renderer's. Changing hosts or removing a workspace
 * needs `--yes`; without it the command stops with one line and changes nothing.
 */
export function cliConfirmer(yes: boolean): Confirmer {
  return {
    confirm(request) {
      if (request.kind === 'workspace-add-hosts' || yes) return Promise.resolve(true);
      return Promise.reject(notConfirmedLine(request.title));
    },
  };
}

export function notConfirmedLine(title: string): AppError {
  return new AppError(
    'not_confirmed',
    `${title} Run the command again with --yes to confirm; nothing was changed.`,
  );
}
