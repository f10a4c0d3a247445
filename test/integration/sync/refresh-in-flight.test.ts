import { afterEach, describe, expect, it } from 'vitest';
import { cachedState, createCase, syncClient, WS } from '../../support/sync-harness';
import { disposeAll, engineFixture, requestsOf } from '../../support/sync-fixture';
import { waitFor } from '../../support/sync-harness';

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

  it('does not wait for the images of the read in flight, and never downloads a file twice', async () => {
    // The first check's first image download is held open: the refresh that follows (the webhook for
    // "Completed") must still read the IDV and KYC, and the held check's files are fetched once.
    let requested: () => void = () => undefined;
    const fileRequested = new Promise<void>((resolve) => (requested = resolve));
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    let holding = false;
    const { sim, db, client, engine } = await engineFixture({
      client: (url, clock) =>
        syncClient(url, clock, {
          fetch: async (target, init) => {
            if (holding && /\/files\//.test(new URL(target).pathname)) {
              holding = false;
              requested();
              await held;
            }
            return fetch(target, init);
          },
        }),
    });
    const id = await createCase(client, db, WS, 1);
    sim.control.advance(id, 'submit');
    engine.start();
    holding = true;
    const first = engine.refresh(id);
    await fileRequested;
    sim.control.advance(id, 'complete');
    const second = engine.refresh(id);
    await waitFor(
      'Completed read while the image is held',
      () => cachedState(db, WS, id)?.idvStatus === 'Completed',
    );
    release();
    await Promise.all([first, second]);
    expect(cachedState(db, WS, id)?.files).toHaveLength(3);
    const fileGets = requestsOf(sim, (route) => route === 'kyc.file').map((r) => r.path);
    expect(fileGets).toHaveLength(3);
    expect(new Set(fileGets).size).toBe(3);
    await engine.stop();
  });
});
