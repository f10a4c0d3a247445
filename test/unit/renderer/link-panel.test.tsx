// @vitest-environment happy-dom
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { LinkPanel } from '../../../src/renderer/src/features/link/LinkPanel';
import { Failure, installBridge, resetStore, type Handlers } from './bridge';

const URL_TEXT = 'https://idv.ondato.com/?id=0a3f2c1e';
const QR = {
  url: URL_TEXT,
  svg: '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 33 33"/>',
  png: new Uint8Array([137, 80]),
};

function setup(handlers: Handlers = {}) {
  // After userEvent.setup(), which installs its own clipboard stub.
  const user = userEvent.setup();
  const writeText = vi.fn(async (_text: string) => undefined);
  Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
  const bridge = installBridge({
    'link:qr': () => QR,
    'link:copied': () => undefined,
    'link:qr-shown': () => undefined,
    'link:open': () => undefined,
    ...handlers,
  });
  render(<LinkPanel caseId="case-1" customerUrl={URL_TEXT} externalRef="KD 2024/17" />);
  return { bridge, user, writeText };
}

beforeEach(resetStore);

describe('LinkPanel', () => {
  it('shows the link as text and copies it, saying so visibly and in a live region', async () => {
    const { bridge, user, writeText } = setup();
    expect(screen.getByText(URL_TEXT)).toBeTruthy();
    const status = screen.getByRole('status', { name: '' });
    expect(status.textContent).toBe('');
    await user.click(screen.getByRole('button', { name: 'Copy link' }));
    expect(writeText).toHaveBeenCalledWith(URL_TEXT);
    await screen.findByRole('button', { name: 'Copied' });
    expect(status.textContent).toBe('Link copied to the clipboard.');
    expect(bridge.calls('link:copied')).toEqual([{ caseId: 'case-1' }]);
  });

  it('tells the officer how to copy by hand when the clipboard refuses', async () => {
    const { user, writeText } = setup();
    writeText.mockRejectedValueOnce(new Error('denied'));
    await user.click(screen.getByRole('button', { name: 'Copy link' }));
    await waitFor(() => expect(screen.getByText(/Select the link and press Ctrl\+C/)).toBeTruthy());
    expect(screen.queryByRole('button', { name: 'Copied' })).toBeNull();
  });

  it('shows the QR code from main as a blob image; saving the PNG is main’s (dialog, file, audit)', async () => {
    const { bridge, user } = setup({
      'link:save-qr': () => ({ status: 'written', path: '/home/o/kyc-KD-2024-17.png', bytes: 900, cases: 1 }),
    });
    const image = await screen.findByRole('img', { name: /QR code/ });
    expect(image.getAttribute('src')).toMatch(/^blob:/);
    // No download link the page builds itself: main asks where, writes the file and records it.
    expect(screen.queryByRole('link', { name: 'Save QR as PNG' })).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Save QR as PNG' }));
    await screen.findByText('QR code saved to /home/o/kyc-KD-2024-17.png.');
    expect(bridge.calls('link:save-qr')).toEqual([{ caseId: 'case-1' }]);
  });

  it('opens counter mode through main and says where it shows', async () => {
    const { bridge, user } = setup({
      'counter:open': () => ({ caseId: 'case-1', shownIn: 'window', path: 'counter.html#case-1' }),
    });
    await user.click(screen.getByRole('button', { name: 'Counter mode' }));
    await screen.findByText('The counter view is showing on the customer’s screen.');
    expect(bridge.calls('counter:open')).toEqual([{ caseId: 'case-1' }]);
  });

  it('opens the QR full screen, records it, closes on Esc and gives focus back', async () => {
    const { bridge, user } = setup();
    const open = await screen.findByRole('button', { name: 'Show full screen' });
    await waitFor(() => expect((open as HTMLButtonElement).disabled).toBe(false));
    await user.click(open);
    const dialog = screen.getByRole('dialog', { name: 'Scan with your phone camera' });
    expect(dialog.querySelector('img')?.getAttribute('src')).toMatch(/^blob:/);
    expect(bridge.calls('link:qr-shown')).toEqual([{ caseId: 'case-1' }]);
    // Focus stays inside: Tab from the only button comes back to it.
    await user.tab();
    expect(dialog.contains(document.activeElement)).toBe(true);
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(open);
  });

  it('asks main to open the link and shows a refusal', async () => {
    const { bridge, user } = setup({
      'link:open': () => {
        throw new Failure({
          code: 'forbidden_host',
          message: 'This link is not on the workspace’s customer host.',
        });
      },
    });
    await user.click(screen.getByRole('button', { name: 'Open in browser' }));
    await screen.findByText('This link is not on the workspace’s customer host.');
    expect(bridge.calls('link:open')).toEqual([{ caseId: 'case-1' }]);
  });

  it('offers a retry when the QR code cannot be made', async () => {
    let fail = true;
    const { user } = setup({
      'link:qr': () => {
        if (fail) throw new Failure({ code: 'internal', message: 'No QR today.' });
        return QR;
      },
    });
    await screen.findByText(/No QR today/);
    fail = false;
    await user.click(screen.getByRole('button', { name: 'Retry' }));
    await screen.findByRole('img', { name: /QR code/ });
  });
});
