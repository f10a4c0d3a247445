import { afterEach, describe, expect, it } from 'vitest';
import { cachedState, createCase, syncClient, WS } from '../../support/sync-harness';
import { disposeAll, engineFixture } from '../../support/sync-fixture';

afterEach(disposeAll);

describe('sync engine: a refresh while a read is in flight', () => {
  it('reads again after the read in flight, so a change made meanwhile is seen', async () => {
    // The IDV read's answer is held after Ondato (the simulator) has produced it, until released:
    // the case changes upstream between that answer and the refresh that follows.
    let answered: () => void = () => undefined;
    const answeredOnce = new Promise<void>((resolve) => (answered = resolve));
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    let holding = false;
    const { sim, db, client, engine } = await engineFixture({
      client: (url, clock) =>
        syncClient(url, clock, {
          fetch: async (target, init) => {
            const response = await fetch(target, init);
            const idvRead =
              init?.method !== 'POST' && /\/identity-verifications\/[^/]+$/.test(new URL(target).pathname);
            if (idvRead && holding) {
              holding = false;
              answered();
              await held;
            }
            return response;
          },
        }),
    });
    const id = await createCase(client, db, WS, 1);
    engine.start();
    holding = true;
    const first = engine.refresh(id);
    await answeredOnce; // Ondato answered "Pending"; the desk has not taken it in yet
    sim.control.advance(id, 'open');
    const second = engine.refresh(id); // e.g. the webhook for that change
    release();
    await Promise.all([first, second]);
    expect(cachedState(db, WS, id)?.idvStatus).toBe('InProgress');
    await engine.stop();
  });
});
