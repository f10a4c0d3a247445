import { afterEach, describe, expect, it } from 'vitest';
import { harness, REGISTRATION, type Harness } from './helpers';

let h: Harness | undefined;
afterEach(async () => {
  await h?.stop();
  h = undefined;
});

async function frontImage(hh: Harness, lastName: string): Promise<Buffer> {
  const id = await hh.createIdv({ registration: { ...REGISTRATION, lastName } });
  hh.sim.control.advance(id, 'submit');
  const idv = await hh.json<{ step: { kycIdentification: { id: string } } }>(
    'GET',
    `/v1/identity-verifications/${id}`,
  );
  const kycId = idv.step.kycIdentification.id;
  const kyc = await hh.json<{ document: { files: { fileId: string; part: string }[] } }>(
    'GET',
    `/v1/identifications/${kycId}`,
  );
  const front = kyc.document.files.find((f) => f.part === 'Front')!;
  const token = await hh.token();
  const res = await hh.api('GET', `/v1/identifications/${kycId}/files/${front.fileId}`, { token });
  return Buffer.from(await res.arrayBuffer());
}

describe('specimenPool (benchmarks)', () => {
  it('reuses one image for different cases when the pool holds one', async () => {
    h = await harness({ specimenPool: 1 });
    const a = await frontImage(h, 'Alpha');
    const b = await frontImage(h, 'Beta');
    expect(a.subarray(0, 3)).toEqual(Buffer.from([0xff, 0xd8, 0xff]));
    expect(a.equals(b)).toBe(true);
  });

  it('draws each case its own image without a pool', async () => {
    h = await harness();
    const a = await frontImage(h, 'Alpha');
    const b = await frontImage(h, 'Beta');
    expect(a.equals(b)).toBe(false);
  });
});
