// Interim: replaced by the real specimen renderer (see docs/simulator.md). Signature is stable.
import { PNG } from 'pngjs';

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

export function renderSpecimen(input: SpecimenInput): Buffer {
  const png = new PNG({ width: 64, height: 40 });
  png.data.fill(input.seed % 255);
  return PNG.sync.write(png);
}
