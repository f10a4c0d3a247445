import { afterEach, describe, expect, it } from 'vitest';
import { SimulatorError, startSimulator, type Simulator } from '../../../src/simulator';
import { advance, harness, kycIdOf, MINUTE, type Harness } from './helpers';

const running: Array<Harness | Simulator> = [];
async function make(seed = 7): Promise<Harness> {
  const h = await harness({ seed });
  running.push(h);
  return h;
}

afterEach(async () => {
  await Promise.all(running.splice(0).map((s) => s.stop()));
});

describe('simulator snapshot and restore', () => {
  it('survives JSON and serves the same IDVs from a fresh simulator', async () => {
    const a = await make();
    const first = await a.createIdv({ externalReferenceId: 'REF-1' });
    const second = await a.createIdv();
    await advance(a, first, 'submit');
    const snapshot = JSON.parse(JSON.stringify(a.sim.control.snapshot())) as unknown;

    const b = await make();
    b.clock.set(a.clock.now());
    b.sim.control.restore(snapshot as ReturnType<Simulator['control']['snapshot']>);
    for (const id of [first, second]) {
      expect(await b.json('GET', `/v1/identity-verifications/${id}`)).toEqual(
        await a.json('GET', `/v1/identity-verifications/${id}`),
      );
    }
    // KYC lookups go through an index that restore rebuilds lazily.
    const kycId = kycIdOf(await a.json('GET', `/v1/identity-verifications/${first}`));
    expect(await b.json('GET', `/v1/identifications/${kycId}`)).toEqual(
      await a.json('GET', `/v1/identifications/${kycId}`),
    );
  });

  it('continues the id stream and the lifecycle after a restore', async () => {
    const a = await make();
    const id = await a.createIdv();
    const b = await make();
    b.clock.set(a.clock.now());
    b.sim.control.restore(a.sim.control.snapshot());

    // The restored simulator hands out the id the original would have given next, never an old one.
    const nextA = await a.createIdv();
    const nextB = await b.createIdv();
    expect(nextB).toBe(nextA);
    expect(nextB).not.toBe(id);

    b.clock.advance(MINUTE);
    const idv = await advance(b, id, 'decide');
    expect(idv['status']).toBe('Completed');
    const kyc = await b.json<{ status: string; document: { files: { fileId: string }[] } }>(
      'GET',
      `/v1/identifications/${kycIdOf(idv)}`,
    );
    expect(kyc.status).toBe('Approved');
    const file = await b.api(
      'GET',
      `/v1/identifications/${kycIdOf(idv)}/files/${kyc.document.files[0]!.fileId}`,
    );
    expect(file.status).toBe(200);
  });

  it('keeps the owned clock offset so time moves on from where it was', async () => {
    const sim = await startSimulator({ port: 0, seed: 3 });
    running.push(sim);
    sim.control.advanceClock(3 * 24 * 60 * MINUTE);
    const snapshot = sim.control.snapshot();
    expect(snapshot.clockOffsetMs).toBe(3 * 24 * 60 * MINUTE);

    const fresh = await startSimulator({ port: 0, seed: 3 });
    running.push(fresh);
    fresh.control.restore(snapshot);
    expect(fresh.control.snapshot().clockOffsetMs).toBe(snapshot.clockOffsetMs);
  });

  it('refuses a snapshot of another seed and malformed input', async () => {
    const a = await make(7);
    await a.createIdv();
    const other = await make(8);
    const snapshot = a.sim.control.snapshot();
    expect(() => other.sim.control.restore(snapshot)).toThrow(SimulatorError);
    try {
      other.sim.control.restore(snapshot);
    } catch (error) {
      expect((error as SimulatorError).status).toBe(409);
    }
    const broken = { ...snapshot, idvs: [{ ...snapshot.idvs[0], setupId: 'nope' }] };
    expect(() => a.sim.control.restore(broken)).toThrow(/setupId/);
    // A refused restore leaves the simulator as it was.
    expect(a.sim.control.snapshot().idvs).toHaveLength(1);
  });

  it('offers the same over the control routes', async () => {
    const a = await make();
    const id = await a.createIdv();
    const taken = await a.control<{ idvs: { id: string }[] }>('GET', '/snapshot');
    expect(taken.status).toBe(200);
    expect(taken.body.idvs.map((r) => r.id)).toEqual([id]);

    const b = await make();
    b.clock.set(a.clock.now());
    expect((await b.control('POST', '/restore', taken.body)).status).toBe(200);
    expect((await b.api('GET', `/v1/identity-verifications/${id}`)).status).toBe(200);
    expect((await b.control('POST', '/restore', { format: 2 })).status).toBe(400);
  });
});
