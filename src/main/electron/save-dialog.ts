import { join } from 'node:path';
import { app, dialog, type BrowserWindow } from 'electron';
import type { SaveDialog } from '../services/context';

/**
 * The native "Save as" sheet, attached to the window. Only main chooses where exports go: the renderer
 * asks for an export and never supplies a path, so a compromised renderer cannot pick where files land.
 */
export function electronSaveDialog(window: () => BrowserWindow | null): SaveDialog {
  return {
    async choose({ title, defaultName, filters }) {
      const options = { title, defaultPath: join(app.getPath('documents'), defaultName), filters };
      const parent = window();
      const result = parent
        ? await dialog.showSaveDialog(parent, options)
        : await dialog.showSaveDialog(options);
      return result.canceled || !result.filePath ? null : result.filePath;
    },
  };
}
