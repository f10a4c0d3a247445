import { AppError } from '../errors';

/** What main asks the officer to confirm; each kind is one risky change the renderer cannot approve alone. */
export type ConfirmKind =
  'workspace-add-hosts' | 'workspace-hosts' | 'workspace-remove' | 'case-redact' | 'cache-discard';

export interface ConfirmRequest {
  kind: ConfirmKind;
  /** Short, e.g. "Change the Ondato addresses of “Acme production”?" */
  title: string;
  /** One sentence on what happens if the officer agrees. */
  message: string;
  /** The hosts or data concerned, one per line; never a secret. */
  detail: string;
  /** The label of the button that agrees, e.g. "Change addresses". */
  confirmLabel: string;
}

/**
 * Asks the officer, from main, whether a risky change may go ahead. The renderer can send anything, so
 * nothing it sends counts as consent: Electron shows a native dialog, the CLI answers from `--yes`, the
 * e2e harness from a flag the test sets. Resolves false when the officer declines.
 */
export interface Confirmer {
  confirm(request: ConfirmRequest): Promise<boolean>;
}

/** The default when a core is built without a confirmer: fail closed. */
export const refuseAll: Confirmer = { confirm: () => Promise.resolve(false) };

export function notConfirmed(): AppError {
  return new AppError(
    'not_confirmed',
    'The change was not confirmed in KYC Desk’s own confirmation window, so nothing was changed.',
  );
}

/** Throws `not_confirmed` unless the officer agreed; a confirmer that fails counts as a refusal. */
export async function requireConfirmation(confirmer: Confirmer, request: ConfirmRequest): Promise<void> {
  let agreed: boolean;
  try {
    agreed = await confirmer.confirm(request);
  } catch (error) {
    // The CLI's confirmer throws its own one-line usage error; keep it.
    if (error instanceof AppError) throw error;
    throw notConfirmed();
  }
  if (agreed !== true) throw notConfirmed();
}
