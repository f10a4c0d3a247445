import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../../../src/main/db/sql';
import { OndatoError, type Idv } from '../../../../src/main/ondato';
import { needsKyc } from '../../../../src/main/sync/case-sync';
import { classifyFailure, INTERNAL_MESSAGE } from '../../../../src/main/sync/failures';
import { SyncStopped } from '../../../../src/main/sync/gate';
import { FileBackoff, judgeFile, NOT_MEDIA_MESSAGE } from '../../../../src/main/sync/images';
import { cadenceKycStatus } from '../../../../src/main/sync/persist';
import { diff, type CaseSnapshot } from '../../../../src/main/sync/transitions';

const idv = (status: string, kycId = 'k1'): Idv => ({
  id: 'c1',
  status,
  modifiedUtc: '2025-03-10T09:00:00.000Z',
  step: { kycIdentification: { id: kycId } },
});

const snap = (over: Partial<CaseSnapshot> = {}): CaseSnapshot => ({
  idvStatus: 'InProgress',
  idvJson: canonicalJson(idv('InProgress')),
  kycId: 'k1',
  kycStatus: 'Awaiting',
  kycReason: 'Unfinished',
  documentJson: null,
  ...over,
});

const scheduled = { forceKyc: false, reason: 'in_flow' };

describe('when a check fetches the KYC', () => {
  it('fetches a KYC new to the cache, or after the IDV changed', () => {
    expect(needsKyc(null, idv('InProgress'), 'k1', scheduled)).toBe(true);
    expect(needsKyc(snap({ kycId: null, kycStatus: null }), idv('InProgress'), 'k1', scheduled)).toBe(true);
    expect(
      needsKyc(snap(), { ...idv('InProgress'), modifiedUtc: '2025-03-10T09:01:00.000Z' }, 'k1', scheduled),
    ).toBe(true);
  });

  it('skips it while nothing suggests a change, except a Completed IDV awaiting the decision', () => {
    expect(needsKyc(snap(), idv('InProgress'), 'k1', scheduled)).toBe(false);
    const completed = snap({ idvStatus: 'Completed', idvJson: canonicalJson(idv('Completed')) });
    expect(needsKyc(completed, idv('Completed'), 'k1', scheduled)).toBe(true);
    const approved = { ...completed, kycStatus: 'Approved' };
    expect(needsKyc(approved, idv('Completed'), 'k1', { forceKyc: false, reason: 'viewing' })).toBe(false);
  });

  it('re-reads a settled KYC on the settled re-check and when the officer asks', () => {
    const approved = snap({
      idvStatus: 'Completed',
      idvJson: canonicalJson(idv('Completed')),
      kycStatus: 'Approved',
    });
    expect(needsKyc(approved, idv('Completed'), 'k1', { forceKyc: false, reason: 'settled' })).toBe(true);
    expect(needsKyc(approved, idv('Completed'), 'k1', { forceKyc: true, reason: null })).toBe(true);
  });
});

describe('transitions', () => {
  it('orders what a customer walks through, with KYC appearance as kyc_started only', () => {
    const before = snap({ idvStatus: 'Pending', kycId: null, kycStatus: null, kycReason: null });
    const after = snap({ documentJson: '{"type":"IdCard"}', kycReason: 'Processing' });
    expect(diff(before, after)).toEqual([
      { kind: 'idv_status', from: 'Pending', to: 'InProgress' },
      { kind: 'kyc_started', kycId: 'k1' },
      { kind: 'kyc_submitted' },
    ]);
  });

  it('reports a decision and a later document edit', () => {
    const submitted = snap({ idvStatus: 'Completed', documentJson: '{"a":1}' });
    const decided = { ...submitted, kycStatus: 'Rejected', kycReason: 'DocumentExpired' };
    expect(diff(submitted, decided)).toEqual([
      { kind: 'kyc_status', from: 'Awaiting', to: 'Rejected', reason: 'DocumentExpired' },
    ]);
    expect(diff(decided, { ...decided, documentJson: '{"a":2}' })).toEqual([{ kind: 'document_updated' }]);
    expect(diff(decided, decided)).toEqual([]);
  });

  it('treats a case first seen already decided as started and decided', () => {
    const seen = snap({ idvStatus: 'Completed', kycStatus: 'Approved', documentJson: '{}' });
    expect(diff(null, seen).map((t) => t.kind)).toEqual([
      'idv_status',
      'kyc_started',
      'kyc_submitted',
      'kyc_status',
    ]);
  });
});

describe('files', () => {
  const bytes = Buffer.from([0xff, 0xd8, 0xff, 0xe0]);
  it('keeps JPEG, PNG and PDF within the size limit only', () => {
    expect(judgeFile({ bytes, mime: 'image/jpeg', size: 4 }, 100)).toEqual({ ok: true, mime: 'image/jpeg' });
    expect(judgeFile({ bytes, mime: 'application/pdf', size: 4 }, 100).ok).toBe(true);
    expect(judgeFile({ bytes, mime: 'image/webp', size: 4 }, 100)).toEqual({
      ok: false,
      message: NOT_MEDIA_MESSAGE,
    });
    expect(judgeFile({ bytes, mime: null, size: 4 }, 100).ok).toBe(false);
    expect(judgeFile({ bytes, mime: 'image/png', size: 4 }, 3).ok).toBe(false);
  });

  it('backs a refused file off from 15-30 s, doubling, until it is accepted', () => {
    const files = new FileBackoff(() => 1);
    expect(files.refuse('f', 0)).toBe(30_000);
    expect(files.blockedUntil('f', 29_999)).toBe(30_000);
    expect(files.blockedUntil('f', 30_000)).toBeNull();
    expect(files.refuse('f', 30_000)).toBe(90_000);
    expect(files.anyBlocked(['x', 'f'], 31_000)).toBe(true);
    files.accepted('f');
    expect(files.anyBlocked(['f'], 31_000)).toBe(false);
  });
});

describe('failure classes', () => {
  it('maps every Ondato code and keeps our own bugs generic', () => {
    const kind = (e: unknown) => classifyFailure(e).kind;
    expect(kind(new OndatoError('rate_limited', { retryAfterMs: 1000 }))).toBe('rate_limited');
    expect(kind(new OndatoError('auth_failed'))).toBe('auth');
    expect(kind(new OndatoError('forbidden'))).toBe('auth');
    expect(kind(new OndatoError('network'))).toBe('network');
    expect(kind(new OndatoError('not_found'))).toBe('not_found');
    for (const code of ['server', 'timeout', 'bad_response', 'validation'] as const) {
      expect(classifyFailure(new OndatoError(code))).toMatchObject({ kind: 'backoff', code, record: true });
    }
    expect(kind(new SyncStopped())).toBe('stopped');
    const bug = classifyFailure(new TypeError('Cannot read properties of Ona Petraitė'));
    expect(bug).toMatchObject({
      kind: 'backoff',
      code: 'internal',
      message: INTERNAL_MESSAGE,
      unexpected: true,
    });
  });
});

describe('cadence of a case read between two upstream changes', () => {
  it('does not treat a decided KYC under an IDV still in the flow as settled', () => {
    expect(cadenceKycStatus('InProgress', 'Rejected')).toBe('Awaiting');
    expect(cadenceKycStatus('Completed', 'Rejected')).toBe('Rejected');
    expect(cadenceKycStatus('Aborted', 'Approved')).toBe('Approved');
    expect(cadenceKycStatus('InProgress', 'Awaiting')).toBe('Awaiting');
    expect(cadenceKycStatus('Pending', null)).toBeNull();
  });
});
