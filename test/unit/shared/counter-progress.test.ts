import { describe, expect, it } from 'vitest';
import { counterProgress, type CounterProgressInput } from '../../../src/shared/domain/counter';

const base: CounterProgressInput = {
  idvStatus: 'Pending',
  kycStatus: null,
  kycStatusReason: null,
  documentSubmitted: false,
  files: [],
};

function steps(input: Partial<CounterProgressInput>): string {
  return counterProgress({ ...base, ...input })
    .steps.map((s) => `${s.key}:${s.state}`)
    .join(' ');
}

const FILES = [
  { part: 'Front', fileType: 'DocumentPhoto' },
  { part: 'Back', fileType: 'DocumentPhoto' },
];

describe('counterProgress', () => {
  it('follows the lifecycle a poller sees: not opened → opened → document → submitted → done', () => {
    expect(counterProgress(base).stage).toBe('waiting');
    expect(steps({})).toBe('opened:current document:waiting selfie:waiting submitted:waiting done:waiting');

    expect(counterProgress({ ...base, idvStatus: 'InProgress' }).stage).toBe('opened');
    const inFlow = { idvStatus: 'InProgress', kycStatus: 'Awaiting', kycStatusReason: 'Unfinished' };
    expect(counterProgress({ ...base, ...inFlow }).stage).toBe('document');
    // Ondato does not say which photo the customer is on: document and selfie are both "now".
    expect(steps(inFlow)).toBe('opened:done document:current selfie:current submitted:waiting done:waiting');

    const submitted = { ...inFlow, kycStatusReason: 'Processing', documentSubmitted: true };
    expect(counterProgress({ ...base, ...submitted }).stage).toBe('submitted');
    expect(steps(submitted)).toBe('opened:done document:done selfie:done submitted:done done:current');

    expect(counterProgress({ ...base, ...submitted, idvStatus: 'Completed' }).stage).toBe('done');
    expect(steps({ ...submitted, idvStatus: 'Completed' })).toBe(
      'opened:done document:done selfie:done submitted:done done:done',
    );
  });

  it('marks the selfie as not needed when the submitted files have no face photo', () => {
    const submitted = {
      idvStatus: 'Completed',
      kycStatus: 'Awaiting',
      documentSubmitted: true,
      files: FILES,
    };
    expect(steps(submitted)).toContain('selfie:skipped');
    expect(steps({ ...submitted, files: [...FILES, { part: 'Selfie', fileType: 'FacePhoto' }] })).toContain(
      'selfie:done',
    );
    // Unknown names of a face file still count (lenient about Ondato's part/fileType values).
    expect(steps({ ...submitted, files: [...FILES, { part: null, fileType: 'LivenessVideo' }] })).toContain(
      'selfie:done',
    );
  });

  it('treats a KYC decision as done even before the IDV says Completed', () => {
    const decided = { idvStatus: 'InProgress', kycStatus: 'Rejected', kycStatusReason: 'DocumentExpired' };
    expect(counterProgress({ ...base, ...decided }).stage).toBe('done');
  });

  it('names the side exits and keeps no step "now" while the customer is away', () => {
    const inFlow = { kycStatus: 'Awaiting', kycStatusReason: 'Unfinished' };
    expect(counterProgress({ ...base, ...inFlow, idvStatus: 'Suspended' }).stage).toBe('paused');
    expect(counterProgress({ ...base, ...inFlow, idvStatus: 'Aborted' }).stage).toBe('stopped');
    expect(counterProgress({ ...base, idvStatus: 'Expired' }).stage).toBe('expired');
    expect(steps({ ...inFlow, idvStatus: 'Aborted' })).not.toContain('current');
  });

  it('keeps an unknown IDV status, showing what the KYC data proves', () => {
    const odd = counterProgress({ ...base, idvStatus: 'UnderReview' });
    expect(odd).toMatchObject({ stage: 'unknown', rawStatus: 'UnderReview' });
    expect(counterProgress({ ...base, idvStatus: 'UnderReview', documentSubmitted: true }).stage).toBe(
      'submitted',
    );
  });
});
