// Identity card, front and back, at ID-1 proportions (85.6 x 54 mm -> 1000 x 630 px).
import { paintGuilloche, paintRosette } from './background';
import { FIELD_H, drawField, drawHeader, drawMrz, drawSignature, drawSilhouette } from './layout';
import { mrzTd1 } from './mrz';
import { documentRandom, mix, range, WHITE } from './palette';
import { Raster } from './raster';
import { drawText } from './text';
import { sexCode, vizDate } from './translit';
import { drawSpecimenMark } from './watermark';
import type { SpecimenPerson } from './types';

export const CARD_W = 1000;
export const CARD_H = 630;

const ROW = FIELD_H + 21;

function givenNames(p: SpecimenPerson): string {
  return [p.firstName, p.middleName ?? ''].filter((s) => s.trim().length > 0).join(' ');
}

export function renderCardFront(p: SpecimenPerson, seed: number): Raster {
  const r = Raster.pooled(CARD_W, CARD_H);
  const { tint, rng } = documentRandom(seed, 0x1f3d);
  paintGuilloche(r, tint, rng);
  paintRosette(r, 870, 520, 95, tint, rng);
  drawHeader(r, 'REPUBLIC OF SPECIMENIA · IDENTITY CARD', 76, tint);
  r.fillRect(0, CARD_H - 14, CARD_W, 14, tint.band);

  drawSilhouette(r, { x: 44, y: 106, w: 236, h: 296 }, tint);

  const x1 = 320;
  const x2 = 650;
  const full = 640;
  const half = 310;
  const top = 102;
  drawField(r, tint, 'SURNAME', p.lastName, x1, top, full);
  drawField(r, tint, 'GIVEN NAMES', givenNames(p), x1, top + ROW, full);
  drawField(r, tint, 'DATE OF BIRTH', vizDate(p.dateOfBirth), x1, top + 2 * ROW, half);
  drawField(r, tint, 'SEX', sexCode(p.gender).replace('<', '-'), x2, top + 2 * ROW, half);
  drawField(r, tint, 'NATIONALITY', p.nationalityIso3, x1, top + 3 * ROW, half);
  drawField(r, tint, 'DOCUMENT NO', p.documentNumber, x2, top + 3 * ROW, half);
  drawField(r, tint, 'PERSONAL CODE', p.personalCode, x1, top + 4 * ROW, half);
  drawField(r, tint, 'DATE OF EXPIRY', vizDate(p.dateOfExpiration), x2, top + 4 * ROW, half);

  drawText(r, "HOLDER'S SIGNATURE", 44, 430, { scale: 2, color: tint.label });
  drawSignature(r, 54, 500, 210, rng);

  drawSpecimenMark(r, 'front');
  return r;
}

export function renderCardBack(p: SpecimenPerson, seed: number): Raster {
  const r = Raster.pooled(CARD_W, CARD_H);
  const { tint, rng } = documentRandom(seed, 0x2b71);
  paintGuilloche(r, tint, rng);
  paintRosette(r, 130, 330, 85, tint, rng);
  drawHeader(r, 'REPUBLIC OF SPECIMENIA', 46, tint);

  const house = Math.floor(range(rng, 1, 180));
  const flat = Math.floor(range(rng, 1, 60));
  drawField(r, tint, 'DATE OF ISSUE', vizDate(p.dateOfIssue), 44, 72, 260);
  drawField(r, tint, 'AUTHORITY', 'MINISTRY OF SPECIMENS', 320, 72, 420);
  drawField(r, tint, 'ADDRESS', `${house}-${flat} SPECIMEN STREET, SAMPLE CITY`, 44, 72 + ROW, 720);

  // A contact-chip look-alike: gold, so it reads as "card" at a glance without any real chip layout.
  const gold = [214, 178, 86] as const;
  r.fillRoundRect(806, 76, 140, 104, 14, gold);
  for (const [x, y, w, h] of [
    [806, 110, 140, 3],
    [806, 145, 140, 3],
    [874, 76, 3, 104],
  ] as const) {
    r.fillRect(x, y, w, h, mix(gold, [90, 70, 30], 0.5));
  }
  r.fillRoundRect(846, 104, 60, 48, 8, mix(gold, WHITE, 0.25));

  const note = 'SPECIMEN DOCUMENT - NOT VALID FOR IDENTIFICATION';
  drawText(r, note, 240, 300, { scale: 2, color: tint.label });

  drawMrz(r, mrzTd1(p), 456, 5, 14);
  drawSpecimenMark(r, 'back');
  return r;
}
