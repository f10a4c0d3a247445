import type { IdvSetup, KycSetup } from '../shared/wire/schemas';

export interface SetupDef {
  id: string;
  name: string;
  versionId: string;
  isDisabled: boolean;
  createdUtc: string;
  modifiedUtc: string;
  consent: boolean;
  selfie: boolean;
  kycSetupId: string;
  kycSetupVersionId: string;
  consentSetupId: string;
}

// Fixed ids (docs/simulator.md) so demo data, fixtures and tests can name them.
export const SETUPS: readonly SetupDef[] = [
  {
    id: 'c3a0f7a2-6b1e-4b7e-9a51-1d2f3e4a5b61',
    name: 'Full KYC with consent',
    versionId: '7d1e4a2b-3c5f-4e6a-8b9c-0d1e2f3a4b51',
    isDisabled: false,
    createdUtc: '2024-03-04T09:12:45.118Z',
    modifiedUtc: '2024-11-18T13:40:02.560Z',
    consent: true,
    selfie: true,
    kycSetupId: '2a4c6e80-1b3d-4f5a-9c7e-8d6b4a2c0e11',
    kycSetupVersionId: '6f8e0a2c-4b6d-4e1f-a3c5-7e9b1d3f5a21',
    consentSetupId: 'e1f2a3b4-c5d6-4e7f-8a9b-0c1d2e3f4a31',
  },
  {
    id: '5e2d8c14-9f3a-4c6b-8d7e-2a1b0c9f8e72',
    name: 'Document only (no selfie)',
    versionId: '0a9b8c7d-6e5f-4a3b-9c2d-1e0f9a8b7c42',
    isDisabled: false,
    createdUtc: '2024-05-21T07:03:11.904Z',
    modifiedUtc: '2024-05-21T07:03:11.904Z',
    consent: false,
    selfie: false,
    kycSetupId: '3b5d7f91-2c4e-4a6b-8d0f-9e7c5a3b1d12',
    kycSetupVersionId: '7a9c1e3b-5d7f-4b2a-8c4e-6f8a0c2e4b22',
    consentSetupId: '',
  },
  {
    id: '9b7c6d5e-4f3a-4b2c-8d1e-0f9a8b7c6d53',
    name: 'Disabled legacy setup',
    versionId: '4c3b2a19-0f8e-4d7c-9b6a-5f4e3d2c1b63',
    isDisabled: true,
    createdUtc: '2022-01-10T10:00:00.000Z',
    modifiedUtc: '2023-06-30T16:25:37.311Z',
    consent: true,
    selfie: false,
    kycSetupId: '4c6e8a02-3d5f-4b7c-9e1a-0f8d6b4c2e13',
    kycSetupVersionId: '8b0d2f4c-6e8a-4c3b-9d5f-7a9b1d3e5c23',
    consentSetupId: 'f2a3b4c5-d6e7-4f8a-9b0c-1d2e3f4a5b32',
  },
];

export function findSetup(id: string): SetupDef | undefined {
  const lower = id.toLowerCase();
  return SETUPS.find((s) => s.id === lower);
}

/** The wire shape; `baseUrl` is the simulator itself so customer links open its own page. */
export function setupJson(setup: SetupDef, baseUrl: string, applicationId: string): IdvSetup {
  const steps: Array<{ order: number; type: string; setupId: string }> = [];
  if (setup.consent) steps.push({ order: steps.length + 1, type: 'Consent', setupId: setup.consentSetupId });
  steps.push({ order: steps.length + 1, type: 'KycIdentification', setupId: setup.kycSetupId });
  return {
    id: setup.id,
    name: setup.name,
    versionId: setup.versionId,
    isDisabled: setup.isDisabled,
    createdUtc: setup.createdUtc,
    modifiedUtc: setup.modifiedUtc,
    applicationId,
    // The shape of Ondato's published client types; the names inside the settings are unconfirmed.
    webAppSetting: { baseUrl, defaultLanguage: 'en', redirectUrl: null, languages: ['en', 'lt'] },
    screenSetting: {
      isStartScreenEnabled: true,
      isSuccessScreenEnabled: true,
      isUploadEnabled: false,
      theme: null,
    },
    mobileAppSetting: { isEnabled: false, iosMinimumVersion: null, androidMinimumVersion: null },
    steps,
  };
}

export function kycSetupJson(setup: SetupDef): KycSetup & { id: string; versionId: string } {
  return {
    id: setup.kycSetupId,
    versionId: setup.kycSetupVersionId,
    document: { enabled: true, mrzCheckEnabled: true, bothSidesRequired: true },
    face: { enabled: setup.selfie, activeLivenessEnabled: false, passiveLivenessEnabled: setup.selfie },
  };
}
