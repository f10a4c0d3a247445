import type { ConfirmKind, ConfirmRequest, Confirmer } from '../../../src/main/services/confirm';

/**
 * The harness's stand-in for Electron's native dialog. Whatever the page sends, main only goes ahead
 * when the test (playing the officer at the dialog) armed it for that kind of change; each arming
 * answers one confirmation. Every request is kept for assertions.
 */
export interface HarnessConfirmer extends Confirmer {
  readonly asked: ConfirmRequest[];
  /** The next confirmation of `kind` is approved (once). */
  arm(kind: ConfirmKind): void;
}

export function createHarnessConfirmer(): HarnessConfirmer {
  const asked: ConfirmRequest[] = [];
  const armed: ConfirmKind[] = [];
  return {
    asked,
    arm(kind) {
      armed.push(kind);
    },
    confirm(request) {
      asked.push(request);
      const index = armed.indexOf(request.kind);
      if (index < 0) return Promise.resolve(false);
      armed.splice(index, 1);
      return Promise.resolve(true);
    },
  };
}
