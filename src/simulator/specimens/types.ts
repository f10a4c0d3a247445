// Public input types of the specimen renderer; index.ts re-exports them unchanged for the simulator.

export type SpecimenPart = 'front' | 'back' | 'selfie' | 'passport';
export type SpecimenFormat = 'jpeg' | 'png';

export interface SpecimenPerson {
  firstName: string;
  middleName?: string;
  lastName: string;
  dateOfBirth: string;
  personalCode: string;
  documentNumber: string;
  dateOfIssue: string;
  dateOfExpiration: string;
  nationalityIso3: string;
  gender: string;
}

export interface SpecimenInput {
  part: SpecimenPart;
  format: SpecimenFormat;
  person: SpecimenPerson;
  /** Varies colours and texture so two cases do not produce identical bytes. */
  seed: number;
}
