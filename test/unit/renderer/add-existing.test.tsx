// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import {
  AddExistingCaseDialog,
  parseIds,
} from '../../../src/renderer/src/features/cases/AddExistingCaseDialog';
import { useStore } from '../../../src/renderer/src/store';
import { fakeBridge } from './review/fixtures';

afterEach(cleanup);

describe('Add existing case', () => {
  it('splits pasted ids on spaces, commas and lines, once each', () => {
    expect(parseIds(' a, b\nc;a  ')).toEqual(['a', 'b', 'c']);
  });

  it('asks main to import the ids and shows a result per id', async () => {
    const bridge = fakeBridge({
      'cases:import': ({ ids }) => ({
        lines: [
          { idvId: ids[0] ?? '', outcome: 'imported', message: null },
          { idvId: ids[1] ?? '', outcome: 'not_found', message: 'Ondato has no verification with this id.' },
        ],
        pages: 0,
        seen: 2,
        truncated: false,
        stopped: null,
      }),
    });
    window.kycDesk = bridge;
    useStore.setState(useStore.getInitialState(), true);
    const user = userEvent.setup();
    render(<AddExistingCaseDialog onClose={() => undefined} />);

    await user.click(screen.getByRole('button', { name: 'Add' }));
    expect(screen.getByRole('alert').textContent).toContain('Enter one or more');
    expect(bridge.callsTo('cases:import')).toEqual([]);

    await user.type(screen.getByLabelText('Verification ids'), 'idv-1, idv-2');
    await user.click(screen.getByRole('button', { name: 'Add' }));
    expect(bridge.callsTo('cases:import')).toEqual([{ ids: ['idv-1', 'idv-2'] }]);
    const results = await screen.findByRole('list', { name: 'Results' });
    expect(results.textContent).toContain('idv-1 — Added');
    expect(results.textContent).toContain(
      'idv-2 — Not found at Ondato: Ondato has no verification with this id.',
    );
    expect(screen.getByRole('button', { name: 'Done' })).toBeTruthy();
  });
});
