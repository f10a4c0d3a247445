// @vitest-environment happy-dom
import { act, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { CounterApp } from '../../../src/renderer/src/features/counter/CounterApp';
import { CounterBanner } from '../../../src/renderer/src/features/counter/CounterBanner';
import { CounterSettingsSection } from '../../../src/renderer/src/features/counter/CounterSettingsSection';
import { useStore } from '../../../src/renderer/src/store';
import {
  counterProgress,
  DEFAULT_COUNTER_INSTRUCTIONS,
  type CounterView,
} from '../../../src/shared/domain/counter';
import { Failure, installBridge, resetStore } from './bridge';

const URL_TEXT = 'https://idv.ondato.com/?id=case-1';

function counterView(overrides: Partial<CounterView> = {}): CounterView {
  return {
    caseId: 'case-1',
    url: URL_TEXT,
    qrSvg: '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 33 33"/>',
    instructions: 'Have your ID ready.\n\nAsk us for help.',
    progress: counterProgress({
      idvStatus: 'Pending',
      kycStatus: null,
      kycStatusReason: null,
      documentSubmitted: false,
      files: [],
    }),
    theme: 'light',
    exitNeedsPin: false,
    checkedAt: null,
    ...overrides,
  };
}

const DONE = counterProgress({
  idvStatus: 'Completed',
  kycStatus: 'Awaiting',
  kycStatusReason: 'Processing',
  documentSubmitted: true,
  files: [],
});

beforeEach(resetStore);

describe('the counter page', () => {
  it('shows the code, the link as typed, the instructions and progress — and follows counter:changed', async () => {
    let current = counterView();
    const bridge = installBridge({ 'counter:view': () => current });
    render(<CounterApp caseId="case-1" />);
    await screen.findByRole('heading', { name: 'Verify your identity', level: 1 });
    expect(
      (await screen.findByRole('img', { name: 'QR code of your verification link' })).getAttribute('src'),
    ).toMatch(/^blob:/);
    expect(screen.getByText('idv.ondato.com/?id=case-1')).toBeTruthy();
    expect(screen.getByText('Have your ID ready.')).toBeTruthy();
    expect(screen.getByText('Ask us for help.')).toBeTruthy();
    expect(screen.getByRole('status').textContent).toBe('Scan the code with your phone camera to begin.');
    expect(bridge.calls('counter:view')).toEqual([{ caseId: 'case-1' }]);

    current = counterView({ progress: DONE });
    act(() => bridge.emit('counter:changed', { caseId: 'other', stage: 'done', active: true }));
    act(() => bridge.emit('counter:changed', { caseId: 'case-1', stage: 'done', active: true }));
    await screen.findByText('All done. Thank you! Please let us know you have finished.');
    // Only its own case's changes make it ask again; it asks for nothing but its view.
    expect(bridge.calls('counter:view')).toHaveLength(2);
    expect(new Set(bridge.invoke.mock.calls.map(([channel]) => channel))).toEqual(new Set(['counter:view']));
    expect(screen.queryByRole('img', { name: /QR code/ })).toBeNull();
    expect(screen.queryByText('Have your ID ready.')).toBeNull();
  });

  it('Esc asks for the officer; with auto-lock on only the right PIN closes it', async () => {
    const user = userEvent.setup();
    const bridge = installBridge({
      'counter:view': () => counterView({ exitNeedsPin: true }),
      'counter:close': (input) => {
        if (input.pin !== '2468')
          throw new Failure({
            code: 'pin_incorrect',
            message: 'That PIN is not correct.',
            fields: { pin: ['That PIN is not correct.'] },
          });
      },
    });
    render(<CounterApp caseId="case-1" />);
    await screen.findByRole('heading', { name: 'Verify your identity' });
    await user.keyboard('{Escape}');
    const dialog = await screen.findByRole('alertdialog', { name: 'Close the customer screen?' });
    const pin = screen.getByLabelText('Officer’s PIN');
    expect(document.activeElement).toBe(pin);
    await user.click(screen.getByRole('button', { name: 'Close it' }));
    expect(screen.getByText('Enter the officer’s PIN.')).toBeTruthy();
    expect(bridge.calls('counter:close')).toEqual([]);
    await user.type(pin, '1111');
    await user.click(screen.getByRole('button', { name: 'Close it' }));
    await screen.findByText('That PIN is not correct.');
    await user.type(pin, '2468');
    await user.click(screen.getByRole('button', { name: 'Close it' }));
    await screen.findByRole('heading', { name: 'This screen is closed' });
    expect(dialog.isConnected).toBe(false);
    expect(bridge.calls('counter:close')).toEqual([
      { caseId: 'case-1', pin: '1111' },
      { caseId: 'case-1', pin: '2468' },
    ]);
  });

  it('the window’s close button (Electron) opens the same dialog; Stay keeps the screen', async () => {
    const user = userEvent.setup();
    const bridge = installBridge({ 'counter:view': () => counterView() });
    render(<CounterApp caseId="case-1" />);
    await screen.findByRole('heading', { name: 'Verify your identity' });
    act(() => bridge.emit('counter:exit-requested', { caseId: 'case-1' }));
    await screen.findByRole('alertdialog');
    expect(document.activeElement?.textContent).toBe('Stay on this screen');
    await user.click(screen.getByRole('button', { name: 'Stay on this screen' }));
    await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull());
    expect(bridge.calls('counter:close')).toEqual([]);
  });

  it('says clearly when main refuses the view', async () => {
    installBridge({
      'counter:view': () => {
        throw new Failure({ code: 'counter_not_open', message: 'Counter mode is not open for this case.' });
      },
    });
    render(<CounterApp caseId="case-9" />);
    await screen.findByRole('heading', { name: 'This screen is not available' });
    expect(screen.getByRole('alert').textContent).toBe('Counter mode is not open for this case.');
  });
});

describe('the officer’s counter banner', () => {
  it('follows the customer and, when they finish, offers to open the review', async () => {
    const user = userEvent.setup();
    const bridge = installBridge({
      'counter:open': () => ({ caseId: 'case-1', shownIn: 'window', path: 'counter.html#case-1' }),
    });
    render(<CounterBanner />);
    await act(() => useStore.getState().openCounter('case-1'));
    await screen.findByText('Counter view is showing: waiting for the customer to scan the code.');
    act(() => bridge.emit('counter:changed', { caseId: 'case-1', stage: 'document', active: true }));
    await screen.findByText('Counter view is showing: the customer is taking the photos.');
    act(() => bridge.emit('counter:changed', { caseId: 'case-1', stage: 'done', active: true }));
    await screen.findByText('The customer has finished the verification.');
    await user.click(screen.getByRole('button', { name: 'Open the review' }));
    expect(useStore.getState().route).toEqual({ name: 'case', caseId: 'case-1' });
    act(() => bridge.emit('counter:changed', { caseId: 'case-1', stage: 'done', active: false }));
    await waitFor(() => expect(screen.queryByRole('region', { name: 'Counter mode' })).toBeNull());
  });
});

describe('Settings › Counter mode', () => {
  it('saves the instructions, refuses more than 600 characters, and restores the default text', async () => {
    const user = userEvent.setup();
    const saved: string[] = [];
    const bridge = installBridge({
      'settings:set': (patch) => {
        saved.push(patch.counterInstructions ?? '');
        const settings = { ...useStore.getState().settings, ...patch };
        return settings;
      },
    });
    render(<CounterSettingsSection />);
    const field = screen.getByLabelText('Instructions for the customer');
    expect((field as HTMLTextAreaElement).value).toBe(DEFAULT_COUNTER_INSTRUCTIONS);
    const save = screen.getByRole('button', { name: 'Save instructions' }) as HTMLButtonElement;
    expect(save.disabled).toBe(true);
    await user.clear(field);
    await user.type(field, 'Ask at desk 3.');
    await user.click(save);
    await screen.findByText('Saved. An open counter view shows the new text at once.');
    expect(useStore.getState().settings.counterInstructions).toBe('Ask at desk 3.');

    await user.clear(field);
    await user.click(field);
    await user.paste('x'.repeat(601));
    expect(save.disabled).toBe(true);
    expect(field.getAttribute('aria-invalid')).toBe('true');

    await user.click(screen.getByRole('button', { name: 'Use the default text' }));
    await waitFor(() => expect(saved.at(-1)).toBe(DEFAULT_COUNTER_INSTRUCTIONS));
    expect(bridge.calls('settings:set')).toHaveLength(2);
  });
});
