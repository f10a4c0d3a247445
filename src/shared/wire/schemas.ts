import { z } from 'zod';

/*
 * Ondato's wire format, as far as it is known (docs/ondato-api.md). Responses are parsed leniently:
 * extra fields survive (looseObject), optional fields may be missing or null, and every enum is an
 * open string — an unknown value is kept and shown, never rejected. Only what our own code cannot
 * work without (ids, statuses) is required. Requests we send are strict.
 */

/** A string enum that also accepts values Ondato may add later; known values keep editor completion. */
export type OpenEnum<T extends string> = T | (string & {});

const openString = <T extends string>(): z.ZodType<OpenEnum<T>> => z.string() as z.ZodType<OpenEnum<T>>;
const optionalString = z.string().nullish();
const optionalBoolean = z.boolean().nullish();

export const IDV_STATUSES = [
  'Pending',
  'InProgress',
  'Completed',
  'Aborted',
  'Expired',
  'Suspended',
] as const;
export type IdvStatus = OpenEnum<(typeof IDV_STATUSES)[number]>;

export const KYC_STATUSES = ['Awaiting', 'Approved', 'Rejected'] as const;
export type KycStatus = OpenEnum<(typeof KYC_STATUSES)[number]>;

export const KNOWN_STATUS_REASONS = [
  'Unfinished',
  'Processing',
  'MissingDocumentPhoto',
  'UnrelatedPhotoSubmit',
  'DocumentExpired',
  'DataMismatch',
  'FacesDoNotMatch',
  'PoorPhotoQuality',
  'Underage',
  'PossibleFraud',
] as const;
export type KycStatusReason = OpenEnum<(typeof KNOWN_STATUS_REASONS)[number]>;

export const DOCUMENT_TYPES = ['IdCard', 'Passport', 'DriverLicense', 'ResidencePermit'] as const;
export type DocumentType = OpenEnum<(typeof DOCUMENT_TYPES)[number]>;

export const RULE_NAMES = [
  'DocumentNotExpired',
  'DocumentHasFace',
  'DocumentHasBothSides',
  'DocumentTypeNotProhibited',
  'NotUnder18',
  'SelfieHasFace',
  'SelfieAndDocumentFacesMatch',
  'SuccessfulPassiveLivenessCheck',
] as const;

// ---------------------------------------------------------------------------------------------------
// OAuth2

export const tokenResponseSchema = z.looseObject({
  access_token: z.string().min(1),
  expires_in: z.coerce.number().positive(),
  token_type: z.string().nullish(),
  scope: optionalString,
});
export type TokenResponse = z.infer<typeof tokenResponseSchema>;

// ---------------------------------------------------------------------------------------------------
// IDV API

export const registrationSchema = z.looseObject({
  firstName: optionalString,
  middleName: optionalString,
  lastName: optionalString,
  dateOfBirth: optionalString,
  personalCode: optionalString,
  email: optionalString,
  // Documented as a JSON number; tolerate a string coming back.
  phoneNumber: z.union([z.number(), z.string()]).nullish(),
  countryCode: optionalString,
});
export type Registration = z.infer<typeof registrationSchema>;

const setupRefSchema = z.looseObject({ id: z.string(), versionId: optionalString });

export const idvSchema = z.looseObject({
  id: z.string().min(1),
  status: openString<(typeof IDV_STATUSES)[number]>(),
  applicationId: optionalString,
  externalReferenceId: optionalString,
  createdUtc: optionalString,
  modifiedUtc: optionalString,
  setup: setupRefSchema.nullish(),
  registration: registrationSchema.nullish(),
  step: z
    .looseObject({
      kycIdentification: z.looseObject({ id: z.string().min(1) }).nullish(),
      consent: z.looseObject({ isConsented: optionalBoolean, consentedUtc: optionalString }).nullish(),
      forms: z.array(z.unknown()).nullish(),
      documentSignatures: z.array(z.unknown()).nullish(),
    })
    .nullish(),
});
export type Idv = z.infer<typeof idvSchema>;

export const createIdvResponseSchema = z.looseObject({ id: z.string().min(1) });
export type CreateIdvResponse = z.infer<typeof createIdvResponseSchema>;

export const idvSetupSchema = z.looseObject({
  id: z.string().min(1),
  name: optionalString,
  versionId: optionalString,
  isDisabled: optionalBoolean,
  createdUtc: optionalString,
  modifiedUtc: optionalString,
  applicationId: optionalString,
  webAppSetting: z.looseObject({ baseUrl: optionalString }).nullish(),
  // Kept as they come (names inside unconfirmed): a setup read back is whole, not just what we use.
  screenSetting: z.looseObject({}).nullish(),
  mobileAppSetting: z.looseObject({}).nullish(),
  steps: z
    .array(z.looseObject({ order: z.number().nullish(), type: optionalString, setupId: optionalString }))
    .nullish(),
});
export type IdvSetup = z.infer<typeof idvSetupSchema>;
export const idvSetupListSchema = z.array(idvSetupSchema);

// ---------------------------------------------------------------------------------------------------
// KYC Identifications API

export const kycFileSchema = z.looseObject({
  fileId: z.string().min(1),
  createdUtc: optionalString,
  fileName: optionalString,
  fileExtension: optionalString,
  part: optionalString,
  fileType: optionalString,
});
export type KycFile = z.infer<typeof kycFileSchema>;

export const ocrValidationSchema = z.looseObject({ key: z.string(), isValid: optionalBoolean });
export type OcrValidation = z.infer<typeof ocrValidationSchema>;

export const kycRuleSchema = z.looseObject({
  name: z.string(),
  status: openString<'Success' | 'Fail'>(),
  reason: optionalString,
});
export type KycRule = z.infer<typeof kycRuleSchema>;

export const kycDocumentSchema = z.looseObject({
  fullName: optionalString,
  firstName: optionalString,
  middleName: optionalString,
  lastName: optionalString,
  documentNumber: optionalString,
  dateOfIssue: optionalString,
  dateOfExpiration: optionalString,
  dateOfBirth: optionalString,
  personalCode: optionalString,
  address: optionalString,
  nationalityIso3: optionalString,
  countryIso3: optionalString,
  countryStateIso2: optionalString,
  gender: optionalString,
  type: optionalString,
  mrzVerified: optionalBoolean,
  category: optionalString,
  files: z.array(kycFileSchema).nullish(),
  ocrValidations: z.array(ocrValidationSchema).nullish(),
});
export type KycDocument = z.infer<typeof kycDocumentSchema>;

export const kycIdentificationSchema = z.looseObject({
  id: z.string().min(1),
  applicationId: optionalString,
  identityVerificationId: optionalString,
  externalReferenceId: optionalString,
  createdUtc: optionalString,
  completedUtc: optionalString,
  modifiedUtc: optionalString,
  setup: setupRefSchema.nullish(),
  status: openString<(typeof KYC_STATUSES)[number]>(),
  statusReason: optionalString,
  isCrossChecked: optionalBoolean,
  document: kycDocumentSchema.nullish(),
  rules: z.array(kycRuleSchema).nullish(),
  additionalFiles: z.array(kycFileSchema).nullish(),
});
export type KycIdentification = z.infer<typeof kycIdentificationSchema>;

export const kycSetupSchema = z.looseObject({
  document: z.looseObject({ enabled: optionalBoolean }).nullish(),
  face: z
    .looseObject({
      enabled: optionalBoolean,
      activeLivenessEnabled: optionalBoolean,
      passiveLivenessEnabled: optionalBoolean,
    })
    .nullish(),
});
export type KycSetup = z.infer<typeof kycSetupSchema>;

export const kycFilterResponseSchema = z.union([
  z.array(kycIdentificationSchema),
  z.looseObject({ items: z.array(kycIdentificationSchema), totalCount: z.number().nullish() }),
]);

// ---------------------------------------------------------------------------------------------------
// Requests we send: strict, and checked before anything leaves the machine.

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Use the format YYYY-MM-DD.');

export const createIdvRequestSchema = z.strictObject({
  setupId: z.uuid(),
  externalReferenceId: z.string().min(1).max(200).optional(),
  registration: z
    .strictObject({
      firstName: z.string().max(100).optional(),
      middleName: z.string().max(100).optional(),
      lastName: z.string().max(100).optional(),
      dateOfBirth: isoDate.optional(),
      personalCode: z.string().max(50).optional(),
      email: z.email().optional(),
      phoneNumber: z.number().int().positive().max(999_999_999_999_999).optional(),
      countryCode: z
        .string()
        .regex(/^[A-Z]{2}$/, 'Use a two-letter ISO 3166 country code.')
        .optional(),
    })
    .optional(),
});
export type CreateIdvRequest = z.infer<typeof createIdvRequestSchema>;

/** Body of `POST /v1/identifications/filter`; paging is not documented, so only the date range is typed. */
export const kycFilterRequestSchema = z.looseObject({
  createdUtc: z.strictObject({ from: z.string().optional(), to: z.string().optional() }).optional(),
});
export type KycFilterRequest = z.infer<typeof kycFilterRequestSchema>;

/** Redaction scopes Ondato documents for `PUT /v1/identity-verifications/{id}/redact`. */
export const REDACT_SCOPES = ['PersonalData', 'BiometricData'] as const;
export type RedactScope = (typeof REDACT_SCOPES)[number];
