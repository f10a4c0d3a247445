import type { KycDocument, KycFile, KycIdentification } from '../shared/wire/schemas';
import { iso } from './dates';
import { documentData, type DocumentData } from './document-data';
import { setupOf } from './lifecycle';
import { redactionJson } from './idv-payload';
import { derived } from './random';
import { automaticRules, ocrValidations, rulesAfterDecision } from './rules';
import type { SpecimenInput, SpecimenPart } from './specimens';
import type { IdvRecord } from './types';

export interface FileDescriptor {
  fileId: string;
  createdAt: number;
  fileName: string;
  format: 'jpeg' | 'png';
  part: string;
  fileType: string;
  specimenPart: SpecimenPart;
}

/** The files the customer "uploaded". Selfie part/fileType names are our guess (not documented). */
export function fileDescriptors(record: IdvRecord, data: DocumentData, createdAt: number): FileDescriptor[] {
  const fileId = (part: string): string => derived(record.seed, 'file', part).uuid();
  const files: FileDescriptor[] = [
    {
      fileId: fileId('front'),
      createdAt,
      fileName: 'identity_file_front.jpeg',
      format: 'jpeg',
      part: 'Front',
      fileType: 'DocumentPhoto',
      specimenPart: data.type === 'Passport' ? 'passport' : 'front',
    },
  ];
  if (data.hasBack) {
    files.push({
      fileId: fileId('back'),
      createdAt: createdAt + 1,
      fileName: 'identity_file_back.jpeg',
      format: 'jpeg',
      part: 'Back',
      fileType: 'DocumentPhoto',
      specimenPart: 'back',
    });
  }
  if (data.hasSelfie) {
    files.push({
      fileId: fileId('selfie'),
      createdAt: createdAt + 2,
      fileName: 'face_photo.png',
      format: 'png',
      part: 'Selfie',
      fileType: 'FacePhoto',
      specimenPart: 'selfie',
    });
  }
  return files;
}

export function specimenInput(record: IdvRecord, data: DocumentData, part: SpecimenPart): SpecimenInput {
  const person: SpecimenInput['person'] = {
    firstName: data.firstName,
    lastName: data.lastName,
    dateOfBirth: data.dateOfBirth,
    personalCode: data.personalCode,
    documentNumber: data.documentNumber,
    dateOfIssue: data.dateOfIssue,
    dateOfExpiration: data.dateOfExpiration,
    nationalityIso3: data.nationalityIso3,
    gender: data.gender,
  };
  if (data.middleName) person.middleName = data.middleName;
  return { part, format: part === 'selfie' ? 'png' : 'jpeg', person, seed: record.seed };
}

/** Files that can be downloaded now: none before submission or after biometric redaction. */
export function availableFiles(
  record: IdvRecord,
): { data: DocumentData; files: FileDescriptor[] } | undefined {
  const submittedAt = record.kyc?.submittedAt;
  if (submittedAt === undefined || record.redacted.biometric) return undefined;
  const data = documentData(record, setupOf(record));
  return { data, files: fileDescriptors(record, data, submittedAt) };
}

function fileJson(file: FileDescriptor): KycFile {
  return {
    createdUtc: iso(file.createdAt),
    fileId: file.fileId,
    fileName: file.fileName,
    fileExtension: file.format,
    part: file.part,
    fileType: file.fileType,
  };
}

function documentJson(record: IdvRecord, data: DocumentData, submittedAt: number): KycDocument {
  const personal = record.redacted.personal;
  const keep = <T>(value: T): T | null => (personal ? null : value);
  const rules = automaticRules(data, setupOf(record).selfie, submittedAt);
  return {
    fullName: keep(data.fullName),
    firstName: keep(data.firstName),
    middleName: keep(data.middleName),
    lastName: keep(data.lastName),
    documentNumber: keep(data.documentNumber),
    dateOfIssue: keep(data.dateOfIssue),
    dateOfExpiration: keep(data.dateOfExpiration),
    dateOfBirth: keep(data.dateOfBirth),
    personalCode: keep(data.personalCode),
    address: keep(data.address),
    nationalityIso3: data.nationalityIso3,
    countryIso3: data.countryIso3,
    countryStateIso2: null,
    gender: keep(data.gender),
    type: data.type,
    mrzVerified: data.mrzVerified,
    category: data.category,
    files: record.redacted.biometric ? [] : fileDescriptors(record, data, submittedAt).map(fileJson),
    ocrValidations: ocrValidations(data, record.mismatch, rules),
  };
}

/** `GET /v1/identifications/{id}`, field order as in Ondato's example. */
export function kycJson(record: IdvRecord, applicationId: string): KycIdentification | undefined {
  const kyc = record.kyc;
  if (!kyc) return undefined;
  const setup = setupOf(record);
  const submittedAt = kyc.submittedAt;
  const data = submittedAt === undefined ? undefined : documentData(record, setup);
  const reason = kyc.decision
    ? kyc.decision.statusReason
    : submittedAt === undefined
      ? 'Unfinished'
      : 'Processing';
  return {
    id: kyc.id,
    applicationId,
    createdUtc: iso(kyc.createdAt),
    ...(kyc.decidedAt === undefined ? {} : { completedUtc: iso(kyc.decidedAt) }),
    setup: { id: setup.kycSetupId, versionId: setup.kycSetupVersionId },
    identityVerificationId: record.id,
    ...(record.externalReferenceId === undefined ? {} : { externalReferenceId: record.externalReferenceId }),
    status: kyc.decision?.status ?? 'Awaiting',
    ...(reason === undefined ? {} : { statusReason: reason }),
    // Only people at Ondato cross-check; the simulator's decision stands in for their review.
    isCrossChecked: kyc.decision !== undefined,
    ...(data && submittedAt !== undefined
      ? {
          document: documentJson(record, data, submittedAt),
          rules: rulesAfterDecision(
            automaticRules(data, setup.selfie, submittedAt),
            kyc.decision,
            setup.selfie,
          ),
        }
      : {}),
    ...redactionJson(record),
  };
}
