import type { Idv, KycIdentification } from '../../../../src/shared/wire/schemas';

/** IDV and KYC payloads shaped like test/fixtures/ondato, with the fields a test cares about. */
export function idv(id: string, overrides: Partial<Idv> = {}): Idv {
  return {
    id,
    status: 'Pending',
    applicationId: '0736cd0c-5a8d-45f8-a000-b5205ff4922d',
    externalReferenceId: `ext-${id}`,
    createdUtc: '2025-03-01T10:00:00.000Z',
    modifiedUtc: '2025-03-01T10:00:00.000Z',
    setup: { id: '0f60f6f8-8e73-4873-b2ee-e02275994a77', versionId: null },
    ...overrides,
  };
}

export function kycPayload(
  id: string,
  caseId: string,
  overrides: Partial<KycIdentification> = {},
): KycIdentification {
  return {
    id,
    identityVerificationId: caseId,
    createdUtc: '2025-03-01T10:05:00.000Z',
    modifiedUtc: '2025-03-01T10:06:00.000Z',
    status: 'Awaiting',
    statusReason: 'Processing',
    isCrossChecked: false,
    document: {
      fullName: 'Žydrūnė Specimenaitė',
      firstName: 'Žydrūnė',
      lastName: 'Specimenaitė',
      personalCode: '39001011234',
      type: 'IdCard',
      files: [
        { fileId: `${id}-front`, fileExtension: 'jpeg', part: 'Front', fileType: 'DocumentPhoto' },
        { fileId: `${id}-back`, fileExtension: 'jpeg', part: 'Back', fileType: 'DocumentPhoto' },
      ],
    },
    ...overrides,
  };
}
