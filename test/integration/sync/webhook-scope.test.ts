import { afterEach, describe, expect, it } from 'vitest';
import { scopeOf } from '../../../src/main/team/webhooks';
import { cachedState, createCase, WS } from '../../support/sync-harness';
import { disposeAll, engineFixture, requestsOf } from '../../support/sync-fixture';

afterEach(disposeAll);

const count = (sim: Parameters<typeof requestsOf>[0], route: string): number =>
  requestsOf(sim, (r) => r === route).length;

/*
 * A webhook names the resource that changed; the read it earns is of that resource (still a read from
 * Ondato: the event is a trigger, never data). Under Ondato's rate limit this is what keeps a busy
 * team's reads from queueing behind each other.
 */
describe('sync engine: reads narrowed to what a webhook named', () => {
  it('names each event type by its resource, and reads everything for an unknown one', () => {
    expect(scopeOf('IdentityVerification.StatusChanged')).toBe('idv');
    expect(scopeOf('IdentityVerification.Consented')).toBe('idv');
    expect(scopeOf('KycIdentification.Approved')).toBe('kyc');
    expect(scopeOf('KycIdentification.Updated')).toBe('kyc');
    expect(scopeOf('Something.New')).toBeUndefined();
  });

  it('an IDV event reads the IDV alone once the KYC is known; a KYC event reads the KYC alone', async () => {
    const { sim, db, client, engine } = await engineFixture();
    const id = await createCase(client, db, WS, 1);
    sim.control.advance(id, 'submit');
    await engine.refresh(id);
    expect(cachedState(db, WS, id)).toMatchObject({ idvStatus: 'InProgress', kycStatus: 'Awaiting' });
    const syncedAt = (): number =>
      (db.prepare('SELECT synced_at FROM cases WHERE id = ?').get(id) as { synced_at: number }).synced_at;

    sim.control.clearRequests();
    sim.control.advance(id, 'complete');
    await engine.refresh(id, { reads: 'idv' });
    expect(cachedState(db, WS, id)?.idvStatus).toBe('Completed');
    expect([count(sim, 'idv.get'), count(sim, 'kyc.get')]).toEqual([1, 0]);

    sim.control.clearRequests();
    sim.control.setOutcome(id, { status: 'Rejected' });
    sim.control.advance(id, 'decide');
    const before = syncedAt();
    await engine.refresh(id, { reads: 'kyc' });
    expect(cachedState(db, WS, id)?.kycStatus).toBe('Rejected');
    expect([count(sim, 'idv.get'), count(sim, 'kyc.get')]).toEqual([0, 1]);
    // A KYC-only read is still a successful check: the team publishes what it found.
    expect(syncedAt()).toBeGreaterThan(before);
  });

  it('a KYC event for a KYC the cache does not know yet reads the IDV first', async () => {
    const { sim, db, client, engine } = await engineFixture();
    const id = await createCase(client, db, WS, 2);
    await engine.refresh(id);
    sim.control.advance(id, 'kyc-start');
    sim.control.clearRequests();
    await engine.refresh(id, { reads: 'kyc' });
    expect(cachedState(db, WS, id)?.kycStatus).toBe('Awaiting');
    expect([count(sim, 'idv.get'), count(sim, 'kyc.get')]).toEqual([1, 1]);
  });

  it('refreshes of different scopes that join one follow-up read make it read both', async () => {
    const { sim, db, client, engine } = await engineFixture();
    const id = await createCase(client, db, WS, 3);
    sim.control.advance(id, 'submit');
    await engine.refresh(id);
    sim.control.clearRequests();
    sim.control.addFault({ route: 'idv.get', kind: 'latency', latencyMs: 200, times: 1 });
    const first = engine.refresh(id, { reads: 'idv' }); // in flight: the others wait for it
    const second = engine.refresh(id, { reads: 'idv' });
    const third = engine.refresh(id, { reads: 'kyc' });
    await Promise.all([first, second, third]);
    // The first read the IDV alone; the shared follow-up read the IDV and the KYC.
    expect([count(sim, 'idv.get'), count(sim, 'kyc.get')]).toEqual([2, 1]);
  });
});
