import { describe, expect, it } from 'vitest';
import type { HandlerMap } from '../../../../src/main/handlers';
import { dispatch } from '../../../../src/main/ipc/handle';

/** No handler runs: every call here is refused by the contract's schema first. */
const handlers = new Proxy({} as HandlerMap, {
  get: () => () => Promise.reject(new Error('a handler ran for input the contract refuses')),
});

describe('input refused at the IPC boundary', () => {
  it('says a single problem as it is, in the officer’s words', async () => {
    const result = await dispatch(handlers, 'workspaces:update', { id: 'w1', name: '   ' });
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'invalid_input',
        message: 'Enter a name for the workspace.',
        fields: { name: ['Enter a name for the workspace.'] },
      },
    });
  });

  it('turns zod’s defaults into plain sentences for inputs with no message of their own', async () => {
    const result = await dispatch(handlers, 'settings:set', { autoLockMinutes: 5000 });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.message).toBe('Use 1440 or less.');
      expect(result.error.fields).toEqual({ autoLockMinutes: ['Use 1440 or less.'] });
    }
  });

  it('points at the fields when there are several problems', async () => {
    const result = await dispatch(handlers, 'workspaces:update', {
      id: 'w1',
      name: '',
      officerName: 'x'.repeat(101),
    });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.message).toMatch(/^Check the highlighted fields/);
      expect(result.error.fields).toEqual({
        name: ['Enter a name for the workspace.'],
        officerName: ['Use at most 100 characters for the officer name.'],
      });
    }
  });
});
