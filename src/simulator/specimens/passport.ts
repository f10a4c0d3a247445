// Passport data page at TD3 proportions (125 x 88 mm -> 1250 x 880 px).
import { paintGuilloche, paintRosette } from './background';
import { FIELD_H, drawField, drawHeader, drawMrz, drawSignature, drawSilhouette } from './layout';
import { ISSUING_STATE, mrzTd3 } from './mrz';
import { documentRandom } from './palette';
import { Raster } from './raster';
import { drawText } from './text';
import { sexCode, vizDate } from './translit';
import { drawSpecimenMark } from './watermark';
import type { SpecimenPerson } from './types';

export const PASSPORT_W = 1250;
export const PASSPORT_H = 880;

const ROW = FIELD_H + 21;

export function renderPassport(p: SpecimenPerson, seed: number): Raster {
  const r = Raster.pooled(PASSPORT_W, PASSPORT_H);
  const { tint, rng } = documentRandom(seed, 0x3c95);
  paintGuilloche(r, tint, rng);
  paintRosette(r, 1110, 610, 105, tint, rng);
  drawHeader(r, 'REPUBLIC OF SPECIMENIA · PASSPORT', 84, tint);

  drawSilhouette(r, { x: 54, y: 124, w: 316, h: 396 }, tint);

  const x1 = 420;
  const x2 = 640;
  const x3 = 860;
  const top = 112;
  const given = [p.firstName, p.middleName ?? ''].filter((s) => s.trim().length > 0).join(' ');
  drawField(r, tint, 'TYPE', 'P', x1, top, 200);
  drawField(r, tint, 'CODE', ISSUING_STATE, x2, top, 200);
  drawField(r, tint, 'PASSPORT NO', p.documentNumber, x3, top, 350);
  drawField(r, tint, 'SURNAME', p.lastName, x1, top + ROW, 790);
  drawField(r, tint, 'GIVEN NAMES', given, x1, top + 2 * ROW, 790);
  drawField(r, tint, 'NATIONALITY', p.nationalityIso3, x1, top + 3 * ROW, 200);
  drawField(r, tint, 'DATE OF BIRTH', vizDate(p.dateOfBirth), x2, top + 3 * ROW, 200);
  drawField(r, tint, 'SEX', sexCode(p.gender).replace('<', '-'), x3, top + 3 * ROW, 200);
  drawField(r, tint, 'PERSONAL NO', p.personalCode, x1, top + 4 * ROW, 420);
  drawField(r, tint, 'PLACE OF BIRTH', 'SAMPLE CITY', x3, top + 4 * ROW, 350);
  drawField(r, tint, 'DATE OF ISSUE', vizDate(p.dateOfIssue), x1, top + 5 * ROW, 200);
  drawField(r, tint, 'DATE OF EXPIRY', vizDate(p.dateOfExpiration), x2, top + 5 * ROW, 200);
  drawField(r, tint, 'AUTHORITY', 'MINISTRY OF SPECIMENS', x1, top + 6 * ROW, 790);

  drawText(r, "HOLDER'S SIGNATURE", 54, 548, { scale: 2, color: tint.label });
  drawSignature(r, 66, 630, 280, rng);

  drawMrz(r, mrzTd3(p), 752, 4, 18);
  drawSpecimenMark(r, 'passport');
  return r;
}
