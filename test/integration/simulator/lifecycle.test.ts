import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startSimulator } from '../../../src/simulator';
import {
  advance,
  DAY,
  DOCUMENT_ONLY_SETUP,
  HOUR,
  harness,
  kycIdOf,
  MINUTE,
  T0,
  UUID_V4,
  type Harness,
} from './helpers';

interface Kyc {
  id: string;
  status: string;
  statusReason?: string;
  completedUtc?: string;
  isCrossChecked: boolean;
  document?: {
    firstName: string | null;
    lastName: string | null;
    dateOfBirth: string | null;
    documentNumber: string | null;
    dateOfExpiration: string | null;
    nationalityIso3: string;
    gender: string | null;
    type: string;
    files: Array<{
      fileId: string;
      part: string;
      fileType: string;
      fileExtension: string;
      fileName: string;
      createdUtc: string;
    }>;
    ocrValidations: Array<{ key: string; isValid: boolean }>;
  };
  rules?: Array<{ name: string; status: string; reason?: string }>;
}

let h: Harness;
beforeEach(async () => {
  h = await harness();
});
afterEach(async () => {
  await h.stop();
});

const idvOf = (id: string) =>
  h.json<{ status: string; modifiedUtc: string; step: Record<string, unknown> }>(
    'GET',
    `/v1/identity-verifications/${id}`,
  );
const kycOf = (kycId: string) => h.json<Kyc>('GET', `/v1/identifications/${kycId}`);
const failing = (kyc: Kyc) => (kyc.rules ?? []).filter((r) => r.status === 'Fail').map((r) => r.name);

describe('lifecycle through control routes', () => {
  it('walks Pending → InProgress → KYC → submitted → Completed → Approved, stamping modifiedUtc', async () => {
    const id = await h.createIdv();
    h.clock.advance(MINUTE);
    const opened = await advance(h, id, 'open');
    expect(opened['status']).toBe('InProgress');
    expect(opened['modifiedUtc']).toBe(new Date(T0 + MINUTE).toISOString());
    expect(opened['step']).toEqual({
      consent: { isConsented: true, consentedUtc: new Date(T0 + MINUTE).toISOString() },
    });

    h.clock.advance(MINUTE);
    const kycId = kycIdOf(await advance(h, id, 'kyc-start'));
    expect(kycId).toMatch(UUID_V4);
    const unfinished = await kycOf(kycId);
    expect(unfinished).toMatchObject({
      status: 'Awaiting',
      statusReason: 'Unfinished',
      isCrossChecked: false,
    });
    expect(unfinished.document).toBeUndefined();

    h.clock.advance(MINUTE);
    await advance(h, id, 'submit');
    const processing = await kycOf(kycId);
    expect(processing.status).toBe('Awaiting');
    expect(processing.statusReason).toBe('Processing');
    expect(processing.document?.firstName).toBe('Ona');
    expect(processing.document?.lastName).toBe('Petraitė');
    expect(processing.document?.dateOfBirth).toBe('1990-04-12');
    expect(processing.document?.nationalityIso3).toBe('LTU');
    expect(processing.document?.gender).toBe('Female');
    expect(processing.document?.files.map((f) => [f.part, f.fileType, f.fileExtension])).toEqual([
      ['Front', 'DocumentPhoto', 'jpeg'],
      ['Back', 'DocumentPhoto', 'jpeg'],
      ['Selfie', 'FacePhoto', 'png'],
    ]);
    expect(processing.document?.ocrValidations.every((v) => v.isValid)).toBe(true);
    expect(failing(processing)).toEqual([]);

    h.clock.advance(MINUTE);
    expect((await advance(h, id, 'complete'))['status']).toBe('Completed');
    h.clock.advance(MINUTE);
    const decided = await advance(h, id, 'decide');
    expect(decided['modifiedUtc']).toBe(new Date(T0 + 5 * MINUTE).toISOString());
    const approved = await kycOf(kycId);
    expect(approved.status).toBe('Approved');
    expect(approved.statusReason).toBeUndefined();
    expect(approved.completedUtc).toBe(new Date(T0 + 5 * MINUTE).toISOString());
    expect(approved.isCrossChecked).toBe(true);
    // File ids stay the same on every read.
    expect(approved.document?.files.map((f) => f.fileId)).toEqual(
      processing.document?.files.map((f) => f.fileId),
    );
  });

  it('walks the steps in between and refuses impossible steps with 409', async () => {
    const id = await h.createIdv();
    expect((await advance(h, id, 'complete'))['status']).toBe('Completed');
    expect((await h.control('POST', `/idv/${id}/advance`, { to: 'open' })).status).toBe(409);
    expect((await h.control('POST', `/idv/${id}/advance`, { to: 'abort' })).status).toBe(409);
    expect((await h.control('POST', `/idv/${id}/advance`, { to: 'fly' })).status).toBe(400);
    expect(
      (await h.control('POST', '/idv/3fa85f64-5717-4562-b3fc-2c963f66afa6/advance', { to: 'open' })).status,
    ).toBe(404);
  });

  it('suspends, resumes, aborts', async () => {
    const id = await h.createIdv();
    expect((await advance(h, id, 'suspend'))['status']).toBe('Suspended');
    expect((await advance(h, id, 'resume'))['status']).toBe('InProgress');
    expect((await advance(h, id, 'abort'))['status']).toBe('Aborted');
    expect((await h.control('POST', `/idv/${id}/advance`, { to: 'submit' })).status).toBe(409);
  });

  it('rejects with the outcome reason and a matching failed rule', async () => {
    const id = await h.createIdv();
    expect(
      (await h.control('POST', `/idv/${id}/outcome`, { status: 'Rejected', statusReason: 'FacesDoNotMatch' }))
        .status,
    ).toBe(200);
    const kycId = kycIdOf(await advance(h, id, 'decide'));
    const kyc = await kycOf(kycId);
    expect(kyc.status).toBe('Rejected');
    expect(kyc.statusReason).toBe('FacesDoNotMatch');
    expect(failing(kyc)).toEqual(['SelfieAndDocumentFacesMatch']);
    expect((await h.control('POST', `/idv/${id}/outcome`, { status: 'Approved' })).status).toBe(409);
    expect((await h.control('POST', `/idv/${id}/outcome`, { status: 'Maybe' })).status).toBe(400);
  });

  it('reports a mismatch in the document data and the OCR validations', async () => {
    const id = await h.createIdv();
    await h.control('POST', `/idv/${id}/mismatch`, { lastName: 'Jonaitė', documentNumber: 'ZZ0000001' });
    const kycId = kycIdOf(await advance(h, id, 'submit'));
    const kyc = await kycOf(kycId);
    expect(kyc.document?.lastName).toBe('Jonaitė');
    expect(kyc.document?.documentNumber).toBe('ZZ0000001');
    expect(kyc.document?.firstName).toBe('Ona');
    const invalid = kyc.document?.ocrValidations.filter((v) => !v.isValid).map((v) => v.key);
    expect(invalid).toEqual(['LastName', 'DocumentNumber']);
    expect((await h.control('POST', `/idv/${id}/mismatch`, { dateOfBirth: '1990-02-30' })).status).toBe(400);
  });

  it('fails DocumentNotExpired for an expired document and rejects it as DocumentExpired', async () => {
    const id = await h.createIdv();
    await h.control('POST', `/idv/${id}/mismatch`, { dateOfExpiration: '2024-12-31' });
    const kycId = kycIdOf(await advance(h, id, 'decide'));
    const kyc = await kycOf(kycId);
    expect(failing(kyc)).toEqual(['DocumentNotExpired']);
    expect(kyc.document?.ocrValidations.find((v) => v.key === 'DateOfExpiration')?.isValid).toBe(false);
    expect([kyc.status, kyc.statusReason]).toEqual(['Rejected', 'DocumentExpired']);
  });

  it('fails NotUnder18 for a minor', async () => {
    const id = await h.createIdv({
      registration: { firstName: 'Jonas', lastName: 'Jonaitis', dateOfBirth: '2010-06-01' },
    });
    const kyc = await kycOf(kycIdOf(await advance(h, id, 'decide')));
    expect(failing(kyc)).toEqual(['NotUnder18']);
    expect([kyc.status, kyc.statusReason]).toEqual(['Rejected', 'Underage']);
  });

  it('submits what /document says: a passport has no back, withBack false fails DocumentHasBothSides', async () => {
    const passport = await h.createIdv({ setupId: DOCUMENT_ONLY_SETUP });
    await h.control('POST', `/idv/${passport}/document`, { type: 'Passport' });
    const p = await kycOf(kycIdOf(await advance(h, passport, 'submit')));
    expect(p.document?.type).toBe('Passport');
    expect(p.document?.files.map((f) => f.part)).toEqual(['Front']);
    expect(p.rules?.map((r) => r.name)).not.toContain('DocumentHasBothSides');
    expect(p.rules?.map((r) => r.name)).not.toContain('SelfieHasFace');

    const oneSide = await h.createIdv();
    await h.control('POST', `/idv/${oneSide}/document`, {
      type: 'IdCard',
      withBack: false,
      withSelfie: false,
    });
    const o = await kycOf(kycIdOf(await advance(h, oneSide, 'submit')));
    expect(o.document?.files.map((f) => f.part)).toEqual(['Front']);
    expect(failing(o)).toEqual([
      'DocumentHasBothSides',
      'SelfieHasFace',
      'SelfieAndDocumentFacesMatch',
      'SuccessfulPassiveLivenessCheck',
    ]);
    expect((await h.control('POST', `/idv/${oneSide}/document`, { type: 'Passport' })).status).toBe(409);
  });

  it('serves real JPEG and PNG bytes for the files', async () => {
    const id = await h.createIdv();
    const kycId = kycIdOf(await advance(h, id, 'submit'));
    const kyc = await kycOf(kycId);
    for (const file of kyc.document?.files ?? []) {
      const res = await h.api('GET', `/v1/identifications/${kycId}/files/${file.fileId}`);
      expect(res.status).toBe(200);
      const bytes = Buffer.from(await res.arrayBuffer());
      if (file.fileExtension === 'png') {
        expect(res.headers.get('content-type')).toBe('image/png');
        expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
      } else {
        expect(res.headers.get('content-type')).toBe('image/jpeg');
        expect([...bytes.subarray(0, 3)]).toEqual([0xff, 0xd8, 0xff]);
        expect([...bytes.subarray(-2)]).toEqual([0xff, 0xd9]);
      }
    }
    expect(
      (await h.api('GET', `/v1/identifications/${kycId}/files/3fa85f64-5717-4562-b3fc-2c963f66afa6`)).status,
    ).toBe(404);
  });
});

describe('expiry on the clock', () => {
  it('expires Pending after 7 days, stamped at the deadline', async () => {
    const id = await h.createIdv();
    h.clock.advance(7 * DAY - 1);
    expect((await idvOf(id)).status).toBe('Pending');
    h.clock.advance(30 * DAY);
    const idv = await idvOf(id);
    expect(idv.status).toBe('Expired');
    expect(idv.modifiedUtc).toBe(new Date(T0 + 7 * DAY).toISOString());
  });

  it('expires InProgress after 2 idle hours and Suspended after 7 days', async () => {
    const a = await h.createIdv();
    const b = await h.createIdv();
    await advance(h, a, 'kyc-start');
    await advance(h, b, 'suspend');
    h.clock.advance(2 * HOUR - 1);
    expect((await idvOf(a)).status).toBe('InProgress');
    h.clock.advance(1);
    expect((await idvOf(a)).status).toBe('Expired');
    expect((await idvOf(b)).status).toBe('Suspended');
    h.clock.advance(7 * DAY);
    expect((await idvOf(b)).status).toBe('Expired');
    expect((await h.control('POST', `/idv/${b}/advance`, { to: 'resume' })).status).toBe(409);
  });

  it('explicit expire works too', async () => {
    const id = await h.createIdv();
    expect((await advance(h, id, 'expire'))['status']).toBe('Expired');
  });
});

describe('clock control', () => {
  it('moves the clock only when the simulator owns it', async () => {
    expect((await h.control('POST', '/clock/advance', { ms: 1000 })).status).toBe(409);

    const own = await startSimulator({ seed: 3 });
    try {
      const before = Date.now();
      const res = await fetch(`${own.url}/__sim/clock/advance`, {
        method: 'POST',
        body: JSON.stringify({ ms: 8 * DAY }),
      });
      const body = (await res.json()) as { now: string };
      expect(Date.parse(body.now) - before).toBeGreaterThanOrEqual(8 * DAY);
      expect(own.control.advanceClock(DAY).now > body.now).toBe(true);
      expect(() => own.control.advanceClock(-5)).toThrow(/ms/);
    } finally {
      await own.stop();
    }
  });
});
