import { describe, expect, it } from 'vitest';
import { describeSync } from '../../../src/renderer/src/features/shell/sync-status';
import type { SyncStatus } from '../../../src/shared/domain/views';

const ONLINE: SyncStatus = {
  state: 'online',
  queued: 0,
  inFlight: 0,
  lastSuccessAt: null,
  offlineSince: null,
  lastError: null,
};
const at = (h: number, m: number): number => new Date(2024, 2, 5, h, m).getTime();

describe('describeSync in team mode', () => {
  it('says updates come live from the team relay while it beats', () => {
    const d = describeSync({ ...ONLINE, teamRelay: { state: 'live', since: at(10, 0) } });
    expect(d).toMatchObject({ label: 'Online', detail: 'Live updates from the team relay' });
    expect(d.spoken).toBe('Online. Live updates from the team relay.');
  });

  it('says since when the relay is silent and that the desk polls Ondato again', () => {
    const d = describeSync({ ...ONLINE, teamRelay: { state: 'silent', since: at(10, 42) } });
    expect(d.detail).toBe('Team relay silent since 10:42 — polling Ondato');
  });

  it('says nothing about a relay outside team mode', () => {
    expect(describeSync({ ...ONLINE, lastSuccessAt: at(9, 5) }).detail).toBe('synced 09:05');
  });
});
