import { describe, expect, it } from 'vitest';
import {
  actorOf,
  documentTypeLabel,
  filePartLabel,
  humanizeKey,
  idvStatusLabel,
  isOpenIdv,
  kycStatusLabel,
  orderFiles,
  reasonLabel,
  ruleNameLabel,
  ruleStatusLabel,
  statusReasonLabel,
  timelineEntry,
} from '../../../../src/renderer/src/features/review/labels';
import { auditEvent } from './fixtures';

describe('open enums: known values get words, unknown values stay as they came', () => {
  it('IDV status', () => {
    expect(idvStatusLabel('InProgress')).toMatchObject({ text: 'In progress', unknown: false });
    expect(idvStatusLabel('UnderManualReview')).toEqual({
      text: 'UnderManualReview',
      tone: 'neutral',
      icon: 'question',
      unknown: true,
    });
  });

  it('KYC status, including none yet', () => {
    expect(kycStatusLabel('Approved')).toMatchObject({ text: 'Approved by Ondato', tone: 'ok' });
    expect(kycStatusLabel('OnHold')).toMatchObject({ text: 'OnHold', unknown: true });
    expect(kycStatusLabel(null).unknown).toBe(false);
  });

  it('status reasons', () => {
    expect(statusReasonLabel('MissingDocumentPhoto')).toEqual({
      text: 'Document photo missing',
      unknown: false,
    });
    expect(statusReasonLabel('SanctionsHit')).toEqual({ text: 'SanctionsHit', unknown: true });
  });

  it('rules and rule statuses', () => {
    expect(ruleNameLabel('NotUnder18').text).toBe('Customer is 18 or older');
    expect(ruleNameLabel('DocumentHasHologram')).toEqual({ text: 'DocumentHasHologram', unknown: true });
    expect(ruleStatusLabel('Fail')).toMatchObject({ text: 'Failed', tone: 'bad' });
    expect(ruleStatusLabel('Skipped')).toMatchObject({ text: 'Skipped', unknown: true });
    expect(ruleStatusLabel(null).unknown).toBe(true);
  });

  it('does not mistake Object.prototype names for known values', () => {
    expect(idvStatusLabel('constructor')).toMatchObject({ text: 'constructor', unknown: true });
    expect(ruleNameLabel('toString')).toEqual({ text: 'toString', unknown: true });
  });

  it('document types, keys and reasons', () => {
    expect(documentTypeLabel('DriverLicense')).toBe('Driving licence');
    expect(documentTypeLabel('MilitaryId')).toBe('MilitaryId');
    expect(humanizeKey('DateOfExpiration')).toBe('Date of expiration');
    expect(humanizeKey('snake_case_key')).toBe('snake_case_key');
    expect(reasonLabel('reject', 'underage')).toBe('Customer under 18');
    expect(reasonLabel('reject', 'from_a_newer_build')).toBe('from_a_newer_build');
    expect(reasonLabel('accept', null)).toBeNull();
  });

  it('knows which IDV statuses are still open for the customer', () => {
    expect(['Pending', 'InProgress', 'Suspended'].every(isOpenIdv)).toBe(true);
    expect(['Completed', 'Aborted', 'Expired', 'Whatever'].some(isOpenIdv)).toBe(false);
  });
});

describe('files', () => {
  it('names parts for alt text, unknown parts included', () => {
    expect(filePartLabel({ part: 'Front', fileType: 'DocumentPhoto' })).toBe('Document front');
    expect(filePartLabel({ part: 'Back', fileType: 'DocumentPhoto' })).toBe('Document back');
    expect(filePartLabel({ part: 'Selfie', fileType: 'FacePhoto' })).toBe('Selfie');
    expect(filePartLabel({ part: 'DataPage', fileType: 'DocumentPhoto' })).toBe('Passport data page');
    expect(filePartLabel({ part: 'Hologram', fileType: 'DocumentPhoto' })).toBe('Document image (Hologram)');
    expect(filePartLabel({ part: 'LivenessFrame', fileType: null })).toBe('Selfie (LivenessFrame)');
    expect(filePartLabel({ part: null, fileType: 'ProofOfAddress' })).toBe('Proof of address');
    expect(filePartLabel({ part: null, fileType: null })).toBe('Document image');
  });

  it('orders document pages, then selfies, then the rest as given', () => {
    const files = [
      { part: 'Selfie', fileType: 'FacePhoto' },
      { part: 'Extra', fileType: 'Other' },
      { part: 'Back', fileType: 'DocumentPhoto' },
      { part: 'Front', fileType: 'DocumentPhoto' },
      { part: 'Another', fileType: 'Other' },
    ];
    expect(orderFiles(files).map((f) => f.part)).toEqual(['Front', 'Back', 'Selfie', 'Extra', 'Another']);
  });
});

describe('timeline', () => {
  it('labels the sync transitions and credits Ondato', () => {
    const opened = timelineEntry(
      auditEvent({
        action: 'sync.idv_status',
        details: { from: 'Pending', to: 'InProgress' },
        officerName: null,
      }),
    );
    expect(opened).toMatchObject({ title: 'Customer opened the link', who: 'Ondato', unknown: false });
    expect(
      timelineEntry(
        auditEvent({ action: 'sync.idv_status', details: { from: 'Suspended', to: 'InProgress' } }),
      ).title,
    ).toMatch(/came back/);
    expect(timelineEntry(auditEvent({ action: 'sync.kyc_started' })).title).toMatch(/started/);
    expect(timelineEntry(auditEvent({ action: 'sync.kyc_submitted' })).title).toMatch(/submitted/);
    const rejected = timelineEntry(
      auditEvent({
        action: 'sync.kyc_status',
        details: { from: 'Awaiting', to: 'Rejected', reason: 'DocumentExpired' },
      }),
    );
    expect(rejected).toMatchObject({
      title: 'Ondato rejected the identification',
      detail: 'Document expired',
      tone: 'bad',
    });
    const odd = timelineEntry(
      auditEvent({ action: 'sync.kyc_status', details: { to: 'Frozen', reason: 'NewReason' } }),
    );
    expect(odd).toMatchObject({ title: 'Ondato set the KYC status to Frozen', detail: 'NewReason' });
  });

  it('labels officer actions with the officer and OS user', () => {
    const recorded = timelineEntry(
      auditEvent({
        action: 'decision.recorded',
        details: { decision: 'reject', reasonCode: 'face_mismatch', supersedesId: 3 },
      }),
    );
    expect(recorded).toMatchObject({
      title: 'Decision recorded: Rejected',
      detail: 'Selfie does not match the document; replaces the earlier decision',
      who: 'Asta Officer (asta)',
    });
    expect(timelineEntry(auditEvent({ action: 'link.copied', officerName: null })).who).toBe('asta');
    expect(timelineEntry(auditEvent({ action: 'qr.shown' })).title).toBe('QR code shown');
    expect(timelineEntry(auditEvent({ action: 'link.opened' })).title).toMatch(/opened in the browser/);
  });

  it('names the counter-mode and QR-saving events', () => {
    expect(timelineEntry(auditEvent({ action: 'counter.shown' })).title).toBe(
      'Counter view shown to the customer',
    );
    expect(
      timelineEntry(auditEvent({ action: 'counter.closed', details: { confirmedWith: 'pin' } })),
    ).toMatchObject({ title: 'Counter view closed', detail: 'with the officer’s PIN' });
    expect(
      timelineEntry(auditEvent({ action: 'qr.saved', details: { where: '/home/o/kyc-1.png' } })),
    ).toMatchObject({ title: 'QR code saved as PNG', detail: '/home/o/kyc-1.png' });
  });

  it('shows unknown actions by their raw name', () => {
    expect(timelineEntry(auditEvent({ action: 'case.archived' }))).toMatchObject({
      title: 'case.archived',
      unknown: true,
    });
  });

  it('credits Ondato for anything the sync saw', () => {
    expect(actorOf({ action: 'sync.something_new', officerName: 'Asta', osUser: 'asta' })).toBe('Ondato');
    expect(actorOf({ action: 'case.created', officerName: 'asta', osUser: 'asta' })).toBe('asta');
  });
});
