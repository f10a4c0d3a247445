// The "selfie": a flat cartoon head and shoulders. Deliberately illustrative (solid shapes, dot eyes) so it
// can never pass for a photograph of a person, yet reads as "a face" in the review UI.
import { hsl, makeRng, mix, pick, range, WHITE } from './palette';
import type { Rng } from './palette';
import { Raster } from './raster';
import type { Rgb } from './raster';
import { drawSelfieCaption, drawSpecimenMark } from './watermark';

export const SELFIE_W = 640;
export const SELFIE_H = 800;

const SKIN: readonly Rgb[] = [
  [241, 206, 180],
  [226, 176, 142],
  [190, 136, 100],
  [140, 94, 66],
  [96, 64, 46],
];
const HAIR: readonly Rgb[] = [
  [40, 32, 28],
  [92, 60, 36],
  [176, 140, 84],
  [120, 120, 124],
];

function background(r: Raster, rng: Rng): void {
  const h = range(rng, 150, 290);
  const top = hsl(h, 0.3, 0.9);
  const bottom = hsl(h + 20, 0.35, 0.75);
  for (let y = 0; y < r.height; y++) r.fillRect(0, y, r.width, 1, mix(top, bottom, y / r.height));
  // Soft out-of-focus discs suggest a room behind the subject without drawing one.
  for (let i = 0; i < 6; i++) {
    const rad = range(rng, 40, 110);
    r.fillEllipse(range(rng, 0, r.width), range(rng, 0, 500), rad, rad, WHITE, 0.18);
  }
}

function arc(
  cx: number,
  cy: number,
  rx: number,
  ry: number,
  from: number,
  to: number,
): Array<[number, number]> {
  const pts: Array<[number, number]> = [];
  for (let i = 0; i <= 16; i++) {
    const t = from + ((to - from) * i) / 16;
    pts.push([cx + rx * Math.cos(t), cy + ry * Math.sin(t)]);
  }
  return pts;
}

export function renderSelfie(seed: number): Raster {
  const rng = makeRng(seed);
  const r = Raster.pooled(SELFIE_W, SELFIE_H);
  background(r, rng);

  const skin = pick(rng, SKIN);
  const shade = mix(skin, [60, 30, 20], 0.18);
  const hair = pick(rng, HAIR);
  const shirt = hsl(range(rng, 150, 300), 0.45, 0.45);
  const cx = 320 + range(rng, -12, 12);

  // Back to front: hair mass, neck, shirt with a neckline, ears, face, fringe.
  r.fillEllipse(cx, 300, 168, 196, hair);
  r.fillRoundRect(cx - 56, 440, 112, 180, 40, shade);
  r.fillEllipse(cx, 830, 290, 250, shirt);
  r.fillEllipse(cx, 584, 62, 26, shade);
  r.fillEllipse(cx - 148, 345, 24, 42, shade);
  r.fillEllipse(cx + 148, 345, 24, 42, shade);
  r.fillEllipse(cx, 335, 150, 185, skin);
  r.fillEllipse(cx - 40, 200, 130, 70, hair);
  r.fillEllipse(cx + 60, 212, 100, 58, hair);
  for (const side of [-1, 1]) {
    const ex = cx + side * 56;
    r.fillEllipse(ex, 330, 26, 15, WHITE);
    r.fillEllipse(ex, 331, 11, 11, [44, 52, 70]);
    r.strokePath(
      [
        [ex - 26, 296],
        [ex, 288],
        [ex + 26, 296],
      ],
      7,
      hair,
    );
  }
  r.strokePath(
    [
      [cx + 2, 350],
      [cx - 10, 388],
      [cx + 6, 392],
    ],
    5,
    shade,
  );
  r.strokePath(arc(cx, 415, 54, 34, 0.25, Math.PI - 0.25), 7, [130, 62, 66]);

  drawSpecimenMark(r, 'selfie');
  drawSelfieCaption(r);
  return r;
}
