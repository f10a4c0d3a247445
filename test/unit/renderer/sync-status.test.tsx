// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { describeSync } from '../../../src/renderer/src/features/shell/sync-status';
import { ONLINE } from './bridge';

const at = (h: number, m: number): number => new Date(2024, 2, 5, h, m).getTime();

describe('describeSync', () => {
  it('says offline with the time of the last sync', () => {
    const d = describeSync({ ...ONLINE, state: 'offline', lastSuccessAt: at(9, 7), offlineSince: at(9, 30) });
    expect(d).toMatchObject({
      label: 'Offline',
      detail: 'last synced 09:07',
      icon: 'offline',
      tone: 'warning',
    });
  });

  it('counts the cases being synced, but speaks only "Syncing"', () => {
    const d = describeSync({ ...ONLINE, queued: 2, inFlight: 1 });
    expect(d.label).toBe('Syncing 3 cases');
    expect(d.spoken).toBe('Syncing.');
    expect(describeSync({ ...ONLINE, inFlight: 1 }).label).toBe('Syncing 1 case');
  });

  it('shows an error newer than the last success, and forgets it after a success', () => {
    const error = { code: 'server', message: 'Ondato had a problem on its side.', at: at(10, 0) };
    expect(describeSync({ ...ONLINE, lastSuccessAt: at(9, 0), lastError: error })).toMatchObject({
      label: 'Sync error',
      detail: 'Ondato had a problem on its side.',
      tone: 'danger',
    });
    expect(describeSync({ ...ONLINE, lastSuccessAt: at(11, 0), lastError: error })).toMatchObject({
      label: 'Online',
      detail: 'synced 11:00',
    });
  });

  it('flags refused credentials', () => {
    expect(describeSync({ ...ONLINE, state: 'auth_failed' })).toMatchObject({
      label: 'Sign-in failed',
      tone: 'danger',
    });
  });

  it('says paused when polling is off', () => {
    expect(describeSync({ ...ONLINE, state: 'paused', lastSuccessAt: null })).toMatchObject({
      label: 'Sync paused',
      detail: 'not synced yet',
    });
  });
});
