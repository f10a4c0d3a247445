// Specimen document images for the simulator: ID card front/back, passport data page and a selfie,
// drawn in pure TypeScript (no native canvas, no fonts or images from disk) and fully deterministic:
// the same input always yields the same bytes, and `seed` varies tint and texture between cases.
import { encodeRaster } from './encode';
import { renderCardBack, renderCardFront } from './id-card';
import { renderPassport } from './passport';
import type { Raster } from './raster';
import { renderSelfie } from './selfie';
import type { SpecimenInput } from './types';

export type { SpecimenFormat, SpecimenInput, SpecimenPart, SpecimenPerson } from './types';
export { icaoCheckDigit, mrzTd1, mrzTd3, ISSUING_STATE } from './mrz';
export { markProbe, MARK_RGB } from './watermark';

function draw(input: SpecimenInput): Raster {
  const { person, seed } = input;
  switch (input.part) {
    case 'front':
      return renderCardFront(person, seed);
    case 'back':
      return renderCardBack(person, seed);
    case 'passport':
      return renderPassport(person, seed);
    case 'selfie':
      return renderSelfie(seed);
  }
}

export function renderSpecimen(input: SpecimenInput): Buffer {
  return encodeRaster(draw(input), input.format);
}
