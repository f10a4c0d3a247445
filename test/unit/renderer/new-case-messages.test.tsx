// @vitest-environment happy-dom
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { NewCaseScreen } from '../../../src/renderer/src/features/new-case/NewCaseScreen';
import { useStore } from '../../../src/renderer/src/store';
import { Failure, ONLINE, installBridge, resetStore } from './bridge';

beforeEach(resetStore);

describe('new case form messages', () => {
  it('shows main’s message itself when it is about no field on the form, not “check the highlighted fields”', async () => {
    installBridge({
      'workspaces:setups': () => [],
      'cases:create': () => {
        throw new Failure({
          code: 'validation',
          message: 'The request to create IDV was not accepted (HTTP 400). Check the highlighted fields.',
          fields: { 'registration.nationality': ['Ondato does not accept this nationality for the setup.'] },
        });
      },
    });
    useStore.setState({ sync: ONLINE });
    const user = userEvent.setup();
    render(<NewCaseScreen />);
    await user.type(screen.getByLabelText('First name'), 'Aistė');
    await user.type(screen.getByLabelText('Last name'), 'Petraitė');
    await user.click(screen.getByRole('button', { name: 'Create case' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe('Ondato does not accept this nationality for the setup.');
    expect(document.querySelectorAll('[aria-invalid="true"]')).toHaveLength(0);
  });

  it('marks the under-18 notice as a warning, not a plain hint, and drops the mark for an adult', async () => {
    installBridge({ 'workspaces:setups': () => [] });
    useStore.setState({ sync: ONLINE });
    const user = userEvent.setup();
    render(<NewCaseScreen />);
    const birth = screen.getByLabelText(/Date of birth/);
    await user.type(birth, `${new Date().getFullYear() - 15}-06-01`);
    expect(screen.getByText(/under 18/).getAttribute('data-tone')).toBe('warning');
    await user.clear(birth);
    await user.type(birth, '1990-04-21');
    expect(screen.getByText('Year-month-day, e.g. 1990-04-21.').getAttribute('data-tone')).toBeNull();
  });
});
