import { afterEach, describe, expect, it } from 'vitest';
import { cachedState, createCase, syncClient, waitFor, WS } from '../../support/sync-harness';
import { disposeAll, engineFixture, requestsOf } from '../../support/sync-fixture';

afterEach(disposeAll);

/**
 * Holds the first matching request once armed, until released: `answered` first (the simulator has
 * produced the answer) or `sent` first (nothing has reached the simulator yet).
 */
function holdOnce(matches: (target: URL, init?: RequestInit) => boolean, when: 'answered' | 'sent') {
  let reached: () => void = () => undefined;
  const held = new Promise<void>((resolve) => (reached = resolve));
  let release: () => void = () => undefined;
  const released = new Promise<void>((resolve) => (release = resolve));
  let armed = false;
  const hold = async (target: string, init?: RequestInit): Promise<void> => {
    if (!armed || !matches(new URL(target), init)) return;
    armed = false;
    reached();
    await released;
  };
  return {
    arm: () => (armed = true),
    held,
    release: () => release(),
    client: (url: string, clock: { now(): number }) =>
      syncClient(url, clock, {
        fetch: async (target, init) => {
          if (when === 'sent') await hold(target, init);
          const response = await fetch(target, init);
          if (when === 'answered') await hold(target, init);
          return response;
        },
      }),
  };
}

describe('sync engine: a refresh while a read is in flight', () => {
  it('reads again after the read in flight, so a change made meanwhile is seen', async () => {
    // The IDV read's answer is held after Ondato (the simulator) has produced it, until released:
    // the case changes upstream between that answer and the refresh that follows.
    const idvRead = holdOnce(
      (target, init) => init?.method !== 'POST' && /\/identity-verifications\/[^/]+$/.test(target.pathname),
      'answered',
    );
    const { sim, db, client, engine } = await engineFixture({ client: idvRead.client });
    const id = await createCase(client, db, WS, 1);
    engine.start();
    idvRead.arm();
    const first = engine.refresh(id);
    await idvRead.held; // Ondato answered "Pending"; the desk has not taken it in yet
    sim.control.advance(id, 'open');
    const second = engine.refresh(id); // e.g. the webhook for that change
    idvRead.release();
    await Promise.all([first, second]);
    expect(cachedState(db, WS, id)?.idvStatus).toBe('InProgress');
    await engine.stop();
  });

  it('does not wait for the images of the read in flight, and never downloads a file twice', async () => {
    // The first check's first image download is held open: the refresh that follows (the webhook for
    // "Completed") must still read the IDV and KYC, and the held check's files are fetched once.
    const fileRead = holdOnce((target) => /\/files\//.test(target.pathname), 'sent');
    const { sim, db, client, engine } = await engineFixture({ client: fileRead.client });
    const id = await createCase(client, db, WS, 1);
    sim.control.advance(id, 'submit');
    engine.start();
    fileRead.arm();
    const first = engine.refresh(id);
    await fileRead.held;
    sim.control.advance(id, 'complete');
    const second = engine.refresh(id);
    await waitFor(
      'Completed read while the image is held',
      () => cachedState(db, WS, id)?.idvStatus === 'Completed',
    );
    fileRead.release();
    await Promise.all([first, second]);
    expect(cachedState(db, WS, id)?.files).toHaveLength(3);
    const fileGets = requestsOf(sim, (route) => route === 'kyc.file').map((r) => r.path);
    expect(fileGets).toHaveLength(3);
    expect(new Set(fileGets).size).toBe(3);
    await engine.stop();
  });
});
