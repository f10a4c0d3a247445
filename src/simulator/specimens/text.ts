// Bitmap text on a Raster. Text is first rasterised into a coverage mask so the same code serves upright
// labels and the rotated SPECIMEN watermark.
import { ADVANCE, GLYPH_H, GLYPH_W, glyph } from './font';
import type { Raster, Rgb } from './raster';

export interface TextStyle {
  /** Integer pixels per font cell; the 5x7 font stays crisp only at whole multiples. */
  scale: number;
  color: Rgb;
  alpha?: number;
  /** Widen every stroke by about a third of a cell, which reads as bold without a second font. */
  bold?: boolean;
}

interface Mask {
  w: number;
  h: number;
  bits: Uint8Array;
}

export function textWidth(text: string, scale: number): number {
  const n = [...text].length;
  return n === 0 ? 0 : (n * ADVANCE - 1) * scale;
}

function boldExtra(style: Pick<TextStyle, 'scale' | 'bold'>): number {
  return style.bold ? Math.max(1, Math.round(style.scale / 3)) : 0;
}

function textMask(text: string, scale: number, extra: number): Mask {
  const chars = [...text];
  const w = textWidth(text, scale) + extra;
  const h = GLYPH_H * scale;
  const bits = new Uint8Array(Math.max(0, w * h));
  chars.forEach((ch, k) => {
    const cells = glyph(ch);
    const ox = k * ADVANCE * scale;
    for (let row = 0; row < GLYPH_H; row++) {
      for (let col = 0; col < GLYPH_W; col++) {
        if (!cells[row * GLYPH_W + col]) continue;
        for (let y = row * scale; y < (row + 1) * scale; y++) {
          bits.fill(1, y * w + ox + col * scale, y * w + ox + (col + 1) * scale + extra);
        }
      }
    }
  });
  return { w, h, bits };
}

/** Draw `text` with its top-left corner at (x, y). Returns the drawn width. */
export function drawText(r: Raster, text: string, x: number, y: number, style: TextStyle): number {
  const mask = textMask(text, style.scale, boldExtra(style));
  const a = style.alpha ?? 1;
  const ox = Math.round(x);
  const oy = Math.round(y);
  for (let my = 0; my < mask.h; my++) {
    for (let mx = 0; mx < mask.w; mx++) {
      if (mask.bits[my * mask.w + mx]) r.blend(ox + mx, oy + my, style.color, a);
    }
  }
  return mask.w;
}

export function drawTextCentered(r: Raster, text: string, cx: number, y: number, style: TextStyle): void {
  drawText(r, text, cx - (textWidth(text, style.scale) + boldExtra(style)) / 2, y, style);
}

/** Cut `text` so it fits `maxWidth` at `scale`; a field that overflows must not run into its neighbour. */
export function fitText(text: string, scale: number, maxWidth: number): string {
  const max = Math.max(0, Math.floor((maxWidth / scale + 1) / ADVANCE));
  const chars = [...text];
  return chars.length <= max ? text : chars.slice(0, max).join('');
}

/**
 * Draw `text` centred on (cx, cy), rotated by `angle` radians (positive = clockwise on screen).
 * Each target pixel is mapped back into the unrotated mask with 2x2 supersampling for smooth edges.
 * The mapping is written out inline because this covers a few hundred thousand pixels per document.
 */
export function drawTextRotated(
  r: Raster,
  text: string,
  cx: number,
  cy: number,
  angle: number,
  style: TextStyle,
): void {
  const { w, h, bits } = textMask(text, style.scale, boldExtra(style));
  const cos = Math.cos(angle);
  const sin = Math.sin(angle);
  const ex = Math.abs((w / 2) * cos) + Math.abs((h / 2) * sin);
  const ey = Math.abs((w / 2) * sin) + Math.abs((h / 2) * cos);
  const a = style.alpha ?? 1;
  // Mask coordinates of the four subsample points relative to a pixel's centre.
  const du = [-0.25, 0.25, -0.25, 0.25].map((ox, k) => ox * cos + (k < 2 ? -0.25 : 0.25) * sin);
  const dv = [-0.25, 0.25, -0.25, 0.25].map((ox, k) => -ox * sin + (k < 2 ? -0.25 : 0.25) * cos);
  for (let py = Math.floor(cy - ey); py <= Math.ceil(cy + ey); py++) {
    const dy = py + 0.5 - cy;
    for (let px = Math.floor(cx - ex); px <= Math.ceil(cx + ex); px++) {
      const dx = px + 0.5 - cx;
      const u = dx * cos + dy * sin + w / 2;
      const v = -dx * sin + dy * cos + h / 2;
      if (u < -1 || v < -1 || u > w + 1 || v > h + 1) continue;
      let hits = 0;
      for (let k = 0; k < 4; k++) {
        const su = Math.floor(u + (du[k] as number));
        const sv = Math.floor(v + (dv[k] as number));
        if (su >= 0 && sv >= 0 && su < w && sv < h) hits += bits[sv * w + su] as number;
      }
      if (hits) r.blend(px, py, style.color, (a * hits) / 4);
    }
  }
}
