import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as cases from '../../../../src/main/db/repos/cases';
import * as images from '../../../../src/main/db/repos/images';
import * as kyc from '../../../../src/main/db/repos/kyc';
import { idv, kycPayload } from './payloads';
import { addWorkspace, openTempCache, type TempCache } from './fixture';

let cache: TempCache;
beforeEach(() => {
  cache = openTempCache();
  addWorkspace(cache.db, 'ws1');
  addWorkspace(cache.db, 'ws2');
});
afterEach(() => cache.dispose());

const created = (id: string) => ({
  idvId: id,
  externalRef: 'CRM-1',
  setupId: 'setup-1',
  registration: { firstName: 'Jonas', lastName: 'Jonaitis', personalCode: '38001010000' },
  createdUtc: '2025-03-01T09:59:59.000Z',
});

describe('cases.insertCreated', () => {
  it('stores the entered registration and derives the list name', () => {
    const row = cases.insertCreated(cache.db, 'ws1', created('idv-1'));
    expect(row).toMatchObject({
      id: 'idv-1',
      fullName: 'Jonas Jonaitis',
      idvStatus: 'Pending',
      kycStatus: null,
    });
    const detail = cases.get(cache.db, 'ws1', 'idv-1')!;
    expect(detail.registration).toEqual(created('idv-1').registration);
    expect(detail.personalCode).toBe('38001010000');
    expect(detail.idv).toBeNull();
    expect(cases.get(cache.db, 'ws2', 'idv-1')).toBeNull();
  });

  it('merges into a case a poll discovered first, and refuses another workspace', () => {
    expect(cases.applyIdv(cache.db, 'ws1', idv('idv-1'), 1)).toBe('changed');
    expect(cases.get(cache.db, 'ws1', 'idv-1')!.registration).toBeNull();
    cases.insertCreated(cache.db, 'ws1', created('idv-1'));
    expect(cases.get(cache.db, 'ws1', 'idv-1')!.registration).not.toBeNull();
    expect(() => cases.insertCreated(cache.db, 'ws2', created('idv-1'))).toThrow(
      expect.objectContaining({ code: 'case_conflict' }),
    );
  });
});

describe('cases.applyIdv', () => {
  it('applies newer data and reports unchanged payloads', () => {
    cases.insertCreated(cache.db, 'ws1', created('idv-1'));
    expect(cases.applyIdv(cache.db, 'ws1', idv('idv-1'), 1, 1000)).toBe('changed');
    expect(cases.applyIdv(cache.db, 'ws1', idv('idv-1'), 2, 2000)).toBe('unchanged');
    const detail = cases.get(cache.db, 'ws1', 'idv-1')!;
    expect(detail.syncedAt).toBe(2000);
    expect(detail.createdUtc).toBe('2025-03-01T10:00:00.000Z'); // Ondato's clock replaces ours
    const next = idv('idv-1', {
      status: 'InProgress',
      modifiedUtc: '2025-03-01T10:01:00.000Z',
      step: { kycIdentification: { id: 'kyc-1' } },
    });
    expect(cases.applyIdv(cache.db, 'ws1', next, 3, 3000)).toBe('changed');
    expect(cases.get(cache.db, 'ws1', 'idv-1')).toMatchObject({
      idvStatus: 'InProgress',
      kycId: 'kyc-1',
      modifiedUtc: '2025-03-01T10:01:00.000Z',
      idv: expect.objectContaining({ status: 'InProgress' }),
    });
  });

  it('never lets a late response overwrite newer data (modifiedUtc first)', () => {
    const newer = idv('idv-1', { status: 'Completed', modifiedUtc: '2025-03-01T10:10:00.000Z' });
    const older = idv('idv-1', { status: 'InProgress', modifiedUtc: '2025-03-01T10:05:00.000Z' });
    expect(cases.applyIdv(cache.db, 'ws1', newer, 1)).toBe('changed');
    // Started later, but Ondato says it is older: stale.
    expect(cases.applyIdv(cache.db, 'ws1', older, 2)).toBe('stale');
    expect(cases.get(cache.db, 'ws1', 'idv-1')!.idvStatus).toBe('Completed');
  });

  it('falls back to fetch order when modifiedUtc is equal or missing', () => {
    const a = idv('idv-1', { status: 'InProgress', modifiedUtc: null });
    const b = idv('idv-1', { status: 'Completed', modifiedUtc: null });
    expect(cases.applyIdv(cache.db, 'ws1', b, 5)).toBe('changed');
    expect(cases.applyIdv(cache.db, 'ws1', a, 4)).toBe('stale');
    expect(cases.get(cache.db, 'ws1', 'idv-1')!.idvStatus).toBe('Completed');
    const same = idv('idv-2', { status: 'InProgress' });
    cases.applyIdv(cache.db, 'ws1', { ...same, status: 'Suspended' }, 10);
    expect(cases.applyIdv(cache.db, 'ws1', same, 9)).toBe('stale');
    expect(cases.applyIdv(cache.db, 'ws1', same, 11)).toBe('changed');
    expect(cases.maxFetchSeq(cache.db)).toBe(11);
  });

  it('refuses a case of another workspace', () => {
    cases.applyIdv(cache.db, 'ws1', idv('idv-1'), 1);
    expect(() => cases.applyIdv(cache.db, 'ws2', idv('idv-1'), 2)).toThrow(
      expect.objectContaining({ code: 'case_conflict' }),
    );
  });
});

describe('kyc.applyKyc', () => {
  beforeEach(() => {
    cases.applyIdv(cache.db, 'ws1', idv('idv-1', { step: { kycIdentification: { id: 'kyc-1' } } }), 1);
  });

  it('stores the KYC, its files and the case columns in one go', () => {
    expect(kyc.applyKyc(cache.db, 'ws1', 'idv-1', kycPayload('kyc-1', 'idv-1'), 2, 5000)).toBe('changed');
    const d = cases.get(cache.db, 'ws1', 'idv-1')!;
    expect(d).toMatchObject({
      kycStatus: 'Awaiting',
      kycStatusReason: 'Processing',
      fullName: 'Žydrūnė Specimenaitė',
      personalCode: '39001011234',
    });
    expect(d.kyc).toMatchObject({ id: 'kyc-1', isCrossChecked: false, syncedAt: 5000 });
    expect(d.kyc!.files.map((f) => [f.fileId, f.part, f.cached])).toEqual([
      ['kyc-1-front', 'Front', false],
      ['kyc-1-back', 'Back', false],
    ]);
    expect(kyc.applyKyc(cache.db, 'ws1', 'idv-1', kycPayload('kyc-1', 'idv-1'), 3)).toBe('unchanged');
  });

  it('drops stale KYC responses', () => {
    const approved = kycPayload('kyc-1', 'idv-1', {
      status: 'Approved',
      statusReason: null,
      modifiedUtc: '2025-03-01T11:00:00.000Z',
    });
    expect(kyc.applyKyc(cache.db, 'ws1', 'idv-1', approved, 5)).toBe('changed');
    expect(kyc.applyKyc(cache.db, 'ws1', 'idv-1', kycPayload('kyc-1', 'idv-1'), 6)).toBe('stale');
    const noTime = { ...approved, modifiedUtc: null, status: 'Rejected' };
    expect(kyc.applyKyc(cache.db, 'ws1', 'idv-1', noTime, 4)).toBe('stale');
    expect(cases.get(cache.db, 'ws1', 'idv-1')!.kycStatus).toBe('Approved');
  });

  it('replaces file rows and drops images of files that disappeared', () => {
    kyc.applyKyc(cache.db, 'ws1', 'idv-1', kycPayload('kyc-1', 'idv-1'), 2);
    const put = (fileId: string) =>
      images.put(cache.db, { fileId, mime: 'image/jpeg', bytes: Buffer.from(fileId), fetchedAt: 1 });
    expect(put('kyc-1-front')).toBe('stored');
    expect(put('kyc-1-front')).toBe('exists');
    expect(put('kyc-1-back')).toBe('stored');
    expect(put('unknown-file')).toBe('orphan');
    expect(images.missingFor(cache.db, 'kyc-1')).toEqual([]);

    const redacted = kycPayload('kyc-1', 'idv-1', { modifiedUtc: '2025-03-02T00:00:00.000Z' });
    redacted.document = { ...redacted.document!, files: [redacted.document!.files![0]!] };
    redacted.additionalFiles = [{ fileId: 'kyc-1-poa', fileType: 'ProofOfAddress' }];
    expect(kyc.applyKyc(cache.db, 'ws1', 'idv-1', redacted, 3)).toBe('changed');
    expect(images.has(cache.db, 'kyc-1-back')).toBe(false);
    expect(images.has(cache.db, 'kyc-1-front')).toBe(true);
    expect(images.missingFor(cache.db, 'kyc-1')).toEqual(['kyc-1-poa']);
    const img = images.get(cache.db, 'ws1', 'kyc-1-front')!;
    expect(img.bytes.toString()).toBe('kyc-1-front');
    expect(img.size).toBe(11);
    expect(img.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(images.get(cache.db, 'ws2', 'kyc-1-front')).toBeNull();
  });

  it('refuses a case of another workspace', () => {
    expect(() => kyc.applyKyc(cache.db, 'ws2', 'idv-1', kycPayload('kyc-1', 'idv-1'), 2)).toThrow(
      expect.objectContaining({ code: 'case_not_found' }),
    );
  });

  it('keeps the registered name when the document is read under another, and keeps both', () => {
    cases.insertCreated(cache.db, 'ws1', { ...created('idv-1') });
    expect(cases.get(cache.db, 'ws1', 'idv-1')).toMatchObject({
      fullName: 'Jonas Jonaitis',
      registeredName: 'Jonas Jonaitis',
      nameAsRead: null,
    });
    kyc.applyKyc(cache.db, 'ws1', 'idv-1', kycPayload('kyc-1', 'idv-1'), 2);
    expect(cases.get(cache.db, 'ws1', 'idv-1')).toMatchObject({
      fullName: 'Jonas Jonaitis',
      registeredName: 'Jonas Jonaitis',
      nameAsRead: 'Žydrūnė Specimenaitė',
      personalCode: '38001010000',
    });
    const search = (text: string) =>
      cases
        .list(cache.db, 'ws1', { search: text, sort: 'created', dir: 'desc', limit: 5 })
        .rows.map((r) => r.id);
    // Both names and both personal codes find the case.
    expect(search('Jonaitis')).toEqual(['idv-1']);
    expect(search('specimenaite')).toEqual(['idv-1']);
    expect(search('38001010000')).toEqual(['idv-1']);
    expect(search('39001011234')).toEqual(['idv-1']);
  });

  it('names a case with no registration after its document', () => {
    kyc.applyKyc(cache.db, 'ws1', 'idv-1', kycPayload('kyc-1', 'idv-1'), 2);
    expect(cases.get(cache.db, 'ws1', 'idv-1')).toMatchObject({
      fullName: 'Žydrūnė Specimenaitė',
      registeredName: null,
      nameAsRead: 'Žydrūnė Specimenaitė',
    });
  });
});
