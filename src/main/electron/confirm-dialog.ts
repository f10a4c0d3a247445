import { BrowserWindow, dialog, type MessageBoxOptions } from 'electron';
import type { Confirmer } from '../services/confirm';

/**
 * Main's confirmation as a native dialog, modal to the focused window. The renderer cannot draw,
 * dismiss or answer it: the officer's click here is the only consent for a host change or a removal.
 * Cancel is the default and the Escape answer.
 */
export function createDialogConfirmer(): Confirmer {
  return {
    async confirm(request) {
      const options: MessageBoxOptions = {
        type: 'warning',
        title: 'KYC Desk',
        message: request.title,
        detail: `${request.message}\n\n${request.detail}`,
        buttons: ['Cancel', request.confirmLabel],
        defaultId: 0,
        cancelId: 0,
        noLink: true,
      };
      const owner = BrowserWindow.getFocusedWindow();
      const { response } = owner
        ? await dialog.showMessageBox(owner, options)
        : await dialog.showMessageBox(options);
      return response === 1;
    },
  };
}
