import { afterEach, describe, expect, it } from 'vitest';
import { DAY, HOUR, harness, MINUTE, SECOND, T0, type Harness } from './helpers';

interface IdvView {
  id: string;
  status: string;
  createdUtc: string;
  modifiedUtc: string;
  step: { kycIdentification?: { id: string } };
}

const started: Harness[] = [];
async function autopilot(): Promise<Harness> {
  const h = await harness({ autopilot: true, seed: 11 });
  started.push(h);
  return h;
}
afterEach(async () => {
  await Promise.all(started.splice(0).map((h) => h.stop()));
});

async function createMany(h: Harness, n: number): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < n; i++) ids.push(await h.createIdv());
  return ids;
}

async function snapshot(h: Harness, ids: string[]): Promise<unknown[]> {
  const out: unknown[] = [];
  for (const id of ids) {
    const idv = await h.json<IdvView>('GET', `/v1/identity-verifications/${id}`);
    const kycId = idv.step.kycIdentification?.id;
    out.push({ idv, kyc: kycId ? await h.json('GET', `/v1/identifications/${kycId}`) : null });
  }
  return out;
}

describe('autopilot', () => {
  it('walks every IDV through the lifecycle by itself on the clock', async () => {
    const h = await autopilot();
    const ids = await createMany(h, 40);
    const statuses = async (): Promise<string[]> =>
      Promise.all(
        ids.map(async (id) => (await h.json<IdvView>('GET', `/v1/identity-verifications/${id}`)).status),
      );

    expect(new Set(await statuses())).toEqual(new Set(['Pending']));

    h.clock.advance(HOUR);
    const afterHour = await statuses();
    expect(afterHour.every((s) => ['Pending', 'Completed', 'Aborted', 'Suspended'].includes(s))).toBe(true);
    expect(afterHour.filter((s) => s === 'Completed').length).toBeGreaterThan(25);

    const kycStatuses: string[] = [];
    for (const id of ids) {
      const idv = await h.json<IdvView>('GET', `/v1/identity-verifications/${id}`);
      if (idv.status !== 'Completed') continue;
      expect(Date.parse(idv.modifiedUtc)).toBeGreaterThan(T0);
      expect(Date.parse(idv.modifiedUtc)).toBeLessThan(T0 + HOUR);
      const kyc = await h.json<{ status: string; statusReason?: string; completedUtc: string }>(
        'GET',
        `/v1/identifications/${idv.step.kycIdentification?.id}`,
      );
      kycStatuses.push(kyc.status);
      if (kyc.status === 'Rejected') expect(kyc.statusReason).toEqual(expect.any(String));
    }
    expect(kycStatuses).toContain('Approved');
    expect(kycStatuses).toContain('Rejected');
    expect(kycStatuses).not.toContain('Awaiting');

    h.clock.advance(8 * DAY);
    const final = await statuses();
    expect(final.every((s) => ['Completed', 'Aborted', 'Expired'].includes(s))).toBe(true);
    expect(final).toContain('Expired');
  });

  it('shows each step in order to a poller that looks often', async () => {
    const h = await autopilot();
    const [id] = await createMany(h, 1);
    const seen: string[] = [];
    for (let t = 0; t < 20 * MINUTE; t += 2 * SECOND) {
      h.clock.set(T0 + t);
      const idv = await h.json<IdvView>('GET', `/v1/identity-verifications/${id}`);
      const kycId = idv.step.kycIdentification?.id;
      const kyc = kycId
        ? await h.json<{ status: string; statusReason?: string }>('GET', `/v1/identifications/${kycId}`)
        : undefined;
      const state = `${idv.status}/${kyc ? `${kyc.status}:${kyc.statusReason ?? ''}` : '-'}`;
      if (seen.at(-1) !== state) seen.push(state);
      if (kyc && kyc.status !== 'Awaiting') break;
    }
    expect(seen.slice(0, 5)).toEqual([
      'Pending/-',
      'InProgress/-',
      'InProgress/Awaiting:Unfinished',
      'InProgress/Awaiting:Processing',
      'Completed/Awaiting:Processing',
    ]);
    expect(seen[5]).toMatch(/^Completed\/(Approved:|Rejected:\w+)$/);
  });

  it('a clock that jumps sees the same result as one that ticks', async () => {
    const ticking = await autopilot();
    const jumping = await autopilot();
    const a = await createMany(ticking, 8);
    const b = await createMany(jumping, 8);
    expect(b).toEqual(a);
    // Fine steps while things happen, coarse ones while suspended customers come back.
    for (let t = 0; t <= 2 * DAY; t += t < 30 * MINUTE ? 2 * MINUTE : 2 * HOUR) {
      ticking.clock.set(T0 + t);
      await snapshot(ticking, a);
    }
    jumping.clock.set(T0 + 2 * DAY);
    expect(await snapshot(jumping, b)).toEqual(await snapshot(ticking, a));
  });

  it('hands over to the customer page: opening the link stops the autopilot for that IDV', async () => {
    const h = await autopilot();
    const [id] = await createMany(h, 1);
    const page = await fetch(`${h.url}/?id=${id}`);
    expect(page.status).toBe(200);
    h.clock.advance(HOUR);
    const idv = await h.json<IdvView>('GET', `/v1/identity-verifications/${id}`);
    // Nobody submitted: it stays in progress until it idles out (2 h), not Completed.
    expect(idv.status).toBe('InProgress');
    h.clock.advance(HOUR);
    expect((await h.json<IdvView>('GET', `/v1/identity-verifications/${id}`)).status).toBe('Expired');
  });
});
