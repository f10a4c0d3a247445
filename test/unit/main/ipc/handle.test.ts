import { describe, expect, it } from 'vitest';
import { AppError } from '../../../../src/main/errors';
import { dispatch, type HandlerMap } from '../../../../src/main/ipc/handle';

const info = { name: 'KYC Desk', version: '1.2.3', versions: { node: '20' } };

// Only the channel under test is implemented; dispatch looks handlers up by channel name.
function handlers(overrides: Partial<HandlerMap> = {}): HandlerMap {
  return { 'app:info': async () => info, ...overrides } as HandlerMap;
}

describe('dispatch', () => {
  it('wraps a handler value in the ok envelope', async () => {
    await expect(dispatch(handlers(), 'app:info', undefined)).resolves.toEqual({ ok: true, value: info });
  });

  it('refuses a channel that is not in the contract', async () => {
    const result = await dispatch(handlers(), 'fs:read', '/etc/passwd');
    expect(result).toMatchObject({ ok: false, error: { code: 'unknown_channel' } });
  });

  it('refuses input that does not match the schema, with field messages', async () => {
    const result = await dispatch(handlers(), 'app:info', { unexpected: true });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('invalid_input');
      expect(Object.keys(result.error.fields ?? {})).toHaveLength(1);
    }
  });

  it('passes an AppError through as data', async () => {
    const failing = handlers({
      'app:info': async () => {
        throw new AppError('offline', 'Ondato cannot be reached.', { fields: { host: ['unreachable'] } });
      },
    });
    await expect(dispatch(failing, 'app:info', undefined)).resolves.toEqual({
      ok: false,
      error: { code: 'offline', message: 'Ondato cannot be reached.', fields: { host: ['unreachable'] } },
    });
  });

  it('hides the message of an unexpected error and logs only its kind', async () => {
    const logged: unknown[] = [];
    const failing = handlers({
      'app:info': async () => {
        throw new TypeError('cannot read personalCode 39001010000');
      },
    });
    const result = await dispatch(failing, 'app:info', undefined, { error: (...args) => logged.push(args) });
    expect(result).toEqual({ ok: false, error: expect.objectContaining({ code: 'internal' }) });
    expect(JSON.stringify(result)).not.toContain('39001010000');
    expect(JSON.stringify(logged)).not.toContain('39001010000');
  });
});
