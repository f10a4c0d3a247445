// @vitest-environment happy-dom
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { RegisterExport } from '../../../src/renderer/src/features/cases/RegisterExport';
import { useStore } from '../../../src/renderer/src/store';
import { Failure, installBridge, resetStore } from './bridge';

beforeEach(() => resetStore());

describe('Export CSV on the case list', () => {
  it("sends the list's filters, never a path, and says where main saved the file", async () => {
    const bridge = installBridge({
      'export:register-csv': () => ({
        status: 'written',
        path: '/home/olga/register.csv',
        bytes: 120,
        cases: 2,
      }),
    });
    useStore.getState().setCaseFilters({ search: ' Šimk ', decision: 'none' });
    render(<RegisterExport />);
    await userEvent.click(screen.getByRole('button', { name: 'Export CSV' }));
    expect(await screen.findByText('Case register (2 cases) saved to /home/olga/register.csv')).toBeTruthy();
    expect(bridge.calls('export:register-csv')).toEqual([
      { search: 'Šimk', decision: ['none'], sort: 'created', dir: 'desc' },
    ]);
  });

  it('says nothing when the officer cancels, and shows a failure plainly', async () => {
    let fail = false;
    installBridge({
      'export:register-csv': () => {
        if (fail)
          throw new Failure({
            code: 'export_write_failed',
            message: 'KYC Desk could not write the file there.',
          });
        return { status: 'cancelled' };
      },
    });
    render(<RegisterExport />);
    await userEvent.click(screen.getByRole('button', { name: 'Export CSV' }));
    expect(screen.getByRole('status').textContent).toBe('');
    fail = true;
    await userEvent.click(screen.getByRole('button', { name: 'Export CSV' }));
    expect(await screen.findByText('Export failed: KYC Desk could not write the file there.')).toBeTruthy();
  });
});
