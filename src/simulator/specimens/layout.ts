// Building blocks shared by the card and passport pages: header band, labelled fields, the portrait
// placeholder, a signature scribble and the MRZ strip.
import { INK, WHITE, mix, range } from './palette';
import type { Rng, Tint } from './palette';
import type { Raster, Rect, Rgb } from './raster';
import { drawText, drawTextCentered, fitText } from './text';
import { vizText } from './translit';

const LABEL_SCALE = 2;
const VALUE_SCALE = 3;
/** Height of a label + value pair: label 14 px, gap 6 px, value 21 px. */
export const FIELD_H = 7 * LABEL_SCALE + 6 + 7 * VALUE_SCALE;

export function drawHeader(r: Raster, title: string, height: number, tint: Tint): void {
  r.fillRect(0, 0, r.width, height, tint.band);
  // A thin light rule under the band, as printed documents have.
  r.fillRect(0, height, r.width, 3, mix(tint.band, WHITE, 0.6));
  const scale = height >= 80 ? 4 : 3;
  drawTextCentered(r, title, r.width / 2, (height - 7 * scale) / 2, { scale, color: WHITE, bold: true });
}

/** A small caption over a bold value, clipped to `width` so long names never overrun the next column. */
export function drawField(
  r: Raster,
  tint: Tint,
  label: string,
  value: string,
  x: number,
  y: number,
  width: number,
): void {
  drawText(r, fitText(label, LABEL_SCALE, width), x, y, { scale: LABEL_SCALE, color: tint.label });
  const v = fitText(vizText(value) || '-', VALUE_SCALE, width);
  drawText(r, v, x, y + 7 * LABEL_SCALE + 6, { scale: VALUE_SCALE, color: INK, bold: true });
}

/**
 * The portrait placeholder: a flat grey head-and-shoulders silhouette, the universal "no photo" sign,
 * so a specimen can never be mistaken for a picture of a real person.
 */
export function drawSilhouette(r: Raster, box: Rect, tint: Tint): void {
  const { x, y, w, h } = box;
  r.fillRoundRect(x - 3, y - 3, w + 6, h + 6, 10, tint.label);
  r.fillRoundRect(x, y, w, h, 8, [226, 228, 232]);
  const shape: Rgb = [146, 150, 158];
  r.clipped(box, () => {
    r.fillEllipse(x + w / 2, y + h * 1.04, w * 0.47, h * 0.36, shape);
    r.fillRoundRect(x + w * 0.41, y + h * 0.5, w * 0.18, h * 0.22, 6, shape);
    r.fillEllipse(x + w / 2, y + h * 0.4, w * 0.21, h * 0.2, shape);
  });
}

/** A deterministic wavy scribble standing in for a handwritten signature. */
export function drawSignature(r: Raster, x: number, y: number, w: number, rng: Rng): void {
  const f1 = range(rng, 0.05, 0.09);
  const f2 = range(rng, 0.15, 0.25);
  const a1 = range(rng, 10, 16);
  const pts: Array<readonly [number, number]> = [];
  for (let t = 0; t <= w; t += 3) {
    const fade = Math.sin((Math.PI * t) / w);
    pts.push([x + t + 6 * Math.sin(t * f2), y + fade * (a1 * Math.sin(t * f1) + 5 * Math.sin(t * f2 * 1.7))]);
  }
  r.strokePath(pts, 2.5, [32, 40, 96]);
}

/** The MRZ strip: a pale band with monospaced lines, centred horizontally. */
export function drawMrz(r: Raster, lines: readonly string[], top: number, scale: number, gap: number): void {
  const lineH = 7 * scale;
  const bandH = lines.length * lineH + (lines.length + 1) * gap;
  r.fillRect(0, top, r.width, bandH, [250, 250, 247], 0.9);
  lines.forEach((line, i) => {
    drawTextCentered(r, line, r.width / 2, top + gap + i * (lineH + gap), { scale, color: INK });
  });
}
