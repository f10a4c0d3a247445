import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { ConfirmRequest } from '../../../../src/main/services/confirm';

const electron = vi.hoisted(() => ({
  focused: null as null | { id: number },
  showMessageBox: vi.fn(),
}));
vi.mock('electron', () => ({
  BrowserWindow: { getFocusedWindow: () => electron.focused },
  dialog: { showMessageBox: electron.showMessageBox },
}));

const { createDialogConfirmer } = await import('../../../../src/main/electron/confirm-dialog');

const request: ConfirmRequest = {
  kind: 'workspace-hosts',
  title: 'Change the Ondato addresses of “Acme”?',
  message: 'KYC Desk will send the client secret there.',
  detail: 'Sign-in (auth): https://auth.example.com',
  confirmLabel: 'Change addresses',
};

beforeEach(() => {
  electron.focused = null;
  electron.showMessageBox.mockReset();
});

describe('native confirmation dialog', () => {
  it('asks modally on the focused window, Cancel first and default, and agrees only on the confirm button', async () => {
    const win = { id: 1 };
    electron.focused = win;
    electron.showMessageBox.mockResolvedValueOnce({ response: 1, checkboxChecked: false });
    await expect(createDialogConfirmer().confirm(request)).resolves.toBe(true);
    const [owner, options] = electron.showMessageBox.mock.calls[0] as [unknown, Record<string, unknown>];
    expect(owner).toBe(win);
    expect(options).toMatchObject({
      type: 'warning',
      message: request.title,
      buttons: ['Cancel', 'Change addresses'],
      defaultId: 0,
      cancelId: 0,
    });
    expect(options.detail).toContain('https://auth.example.com');
  });

  it('declines on Cancel or Escape, and asks without a parent when no window has focus', async () => {
    electron.showMessageBox.mockResolvedValueOnce({ response: 0, checkboxChecked: false });
    await expect(createDialogConfirmer().confirm(request)).resolves.toBe(false);
    expect(electron.showMessageBox.mock.calls[0]).toHaveLength(1);
  });
});
