// @vitest-environment happy-dom
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import type { CaseView } from '../../../src/shared/domain/views';
import { NewCaseScreen } from '../../../src/renderer/src/features/new-case/NewCaseScreen';
import { useStore } from '../../../src/renderer/src/store';
import { Failure, ONLINE, caseRow, installBridge, resetStore, type Handlers } from './bridge';

const SETUP = { id: '5d0e4a1c-6a3f-4c55-9b1e-2f9d5a6b7c8d', name: 'Retail', disabled: false };

function created(): CaseView {
  return {
    ...caseRow(7),
    fullName: 'Aistė Petraitė',
    workspaceId: 'w1',
    setupId: null,
    personalCode: null,
    kycId: null,
    registration: null,
    idv: null,
    kyc: null,
    latestDecision: null,
    decidedAt: null,
    customerUrl: 'https://idv.ondato.com/?id=case-7',
    syncErrors: [],
  };
}

function setup(handlers: Handlers = {}) {
  const bridge = installBridge({
    'workspaces:setups': () => [SETUP],
    'cases:list': () => ({ rows: [], total: 0, nextCursor: null }),
    'link:qr': () => ({
      url: 'u',
      svg: '<svg xmlns="http://www.w3.org/2000/svg"/>',
      png: new Uint8Array([1]),
    }),
    ...handlers,
  });
  useStore.setState({ sync: ONLINE });
  const user = userEvent.setup();
  render(<NewCaseScreen />);
  return { bridge, user };
}

beforeEach(resetStore);

describe('new case form', () => {
  it('shows each message next to its field after the officer leaves it', async () => {
    const { user } = setup();
    const first = screen.getByLabelText('First name');
    await user.type(first, 'J0nas');
    expect(screen.queryByText(/letters, spaces, hyphens/)).toBeNull(); // not while still typing
    await user.tab();
    const message = screen.getByText('First name can hold letters, spaces, hyphens and apostrophes only.');
    expect(first.getAttribute('aria-invalid')).toBe('true');
    expect(first.getAttribute('aria-describedby')).toContain(message.id);

    const birth = screen.getByLabelText(/Date of birth/);
    await user.type(birth, '1990-02-30');
    await user.tab();
    expect(screen.getByText('Enter a real date as YYYY-MM-DD, e.g. 1990-04-21.').id).toBe(
      birth.getAttribute('aria-describedby')?.split(' ')[0],
    );

    const email = screen.getByLabelText(/E-mail/);
    await user.type(email, 'anna@');
    await user.tab();
    expect(screen.getByText('Enter an e-mail address like name@example.com.')).toBeTruthy();

    await user.clear(first);
    await user.type(first, 'Jonas');
    expect(first.getAttribute('aria-invalid')).toBe('false');
  });

  it('warns, without blocking, when the date of birth makes the customer a minor today', async () => {
    const { user } = setup();
    const birth = screen.getByLabelText(/Date of birth/);
    const now = new Date();
    const sixteen = `${now.getFullYear() - 16}-01-01`;
    await user.type(birth, sixteen);
    await user.tab();
    const warning = screen.getByText(/under 18: check your policy for minors/);
    expect(birth.getAttribute('aria-describedby')).toBe(warning.id);
    expect(birth.getAttribute('aria-invalid')).toBe('false');
    await user.clear(birth);
    await user.type(birth, '1990-04-21');
    expect(screen.queryByText(/under 18/)).toBeNull();
    expect(screen.getByText('Year-month-day, e.g. 1990-04-21.')).toBeTruthy();
  });

  it('blocks an incomplete submit, says why and focuses the first problem', async () => {
    const { bridge, user } = setup();
    await user.click(screen.getByRole('button', { name: 'Create case' }));
    expect(screen.getByText("Enter the customer's first name.")).toBeTruthy();
    expect(screen.getByText("Enter the customer's last name.")).toBeTruthy();
    expect(screen.getByRole('alert').textContent).toContain('Check the highlighted fields.');
    expect(document.activeElement).toBe(screen.getByLabelText('First name'));
    expect(bridge.calls('cases:create')).toHaveLength(0);
  });

  it('puts main’s field messages on the matching fields', async () => {
    const { user } = setup({
      'cases:create': () => {
        throw new Failure({
          code: 'validation',
          message: 'The request to create IDV was not accepted (HTTP 400). Check the highlighted fields.',
          fields: { 'registration.phoneNumber': ['Phone number is not valid for LT.'] },
        });
      },
    });
    await user.type(screen.getByLabelText('First name'), 'Aistė');
    await user.type(screen.getByLabelText('Last name'), 'Petraitė');
    await user.type(screen.getByLabelText(/Phone/), '+370 600 00000');
    await user.click(screen.getByRole('button', { name: 'Create case' }));
    const phone = screen.getByLabelText(/Phone/);
    await waitFor(() => expect(phone.getAttribute('aria-invalid')).toBe('true'));
    expect(screen.getByText('Phone number is not valid for LT.').id).toBe(
      phone.getAttribute('aria-describedby')?.split(' ')[0],
    );
    expect(screen.getByRole('alert').textContent).toContain('HTTP 400');
  });

  it('sends the form and then shows the link for the new case', async () => {
    const { bridge, user } = setup({ 'cases:create': () => created() });
    await waitFor(() => expect(screen.getByRole('option', { name: 'Retail' })).toBeTruthy());
    await user.type(screen.getByLabelText('First name'), 'Aistė');
    await user.type(screen.getByLabelText('Last name'), 'Petraitė');
    await user.selectOptions(screen.getByLabelText(/Country/), 'LT');
    await user.selectOptions(screen.getByLabelText(/Ondato setup/), SETUP.id);
    await user.click(screen.getByRole('button', { name: 'Create case' }));
    await screen.findByRole('heading', { name: 'Case created' });
    expect(bridge.calls('cases:create')[0]).toMatchObject({
      firstName: 'Aistė',
      lastName: 'Petraitė',
      countryCode: 'LT',
      setupId: SETUP.id,
    });
    expect(screen.getByText('https://idv.ondato.com/?id=case-7')).toBeTruthy();
    expect(screen.getByRole('button', { name: /Copy link/ })).toBeTruthy();
  });

  it('leaves the setup out when the officer keeps the workspace default', async () => {
    const { bridge, user } = setup({ 'cases:create': () => created() });
    await user.type(screen.getByLabelText('First name'), 'Aistė');
    await user.type(screen.getByLabelText('Last name'), 'Petraitė');
    await user.click(screen.getByRole('button', { name: 'Create case' }));
    await screen.findByRole('heading', { name: 'Case created' });
    expect(bridge.calls('cases:create')[0]).not.toHaveProperty('setupId');
  });

  it('disables creating while offline and says why', async () => {
    setup();
    useStore.setState({ sync: { ...ONLINE, state: 'offline' } });
    const button = await screen.findByRole('button', { name: 'Create case' });
    await waitFor(() => expect((button as HTMLButtonElement).disabled).toBe(true));
    const reason = document.getElementById(button.getAttribute('aria-describedby') ?? '');
    expect(reason?.textContent).toMatch(/offline/i);
  });
});
