// The SPECIMEN mark. It is red on purpose: documents use only green-to-violet tints (see palette.ts), so
// the mark stands out to a person and can be found by a test that counts strongly red pixels.
import type { Raster, Rect, Rgb } from './raster';
import { drawTextCentered, drawTextRotated, textWidth } from './text';
import { GLYPH_H } from './font';
import type { SpecimenPart } from './types';

export const MARK_TEXT = 'SPECIMEN';
export const MARK_RGB: Rgb = [206, 22, 38];

interface MarkSpec {
  cx: number;
  cy: number;
  scale: number;
  /** Radians, negative = rising to the right. */
  angle: number;
  alpha: number;
}

// Placed per part so the mark crosses the portrait and fields but leaves the MRZ readable.
const MARKS: Record<SpecimenPart, MarkSpec> = {
  front: { cx: 520, cy: 330, scale: 16, angle: -0.35, alpha: 0.55 },
  back: { cx: 500, cy: 215, scale: 11, angle: -0.17, alpha: 0.55 },
  passport: { cx: 640, cy: 390, scale: 20, angle: -0.32, alpha: 0.55 },
  selfie: { cx: 320, cy: 360, scale: 10, angle: -0.6, alpha: 0.38 },
};

export function drawSpecimenMark(r: Raster, part: SpecimenPart): void {
  const m = MARKS[part];
  drawTextRotated(r, MARK_TEXT, m.cx, m.cy, m.angle, {
    scale: m.scale,
    color: MARK_RGB,
    alpha: m.alpha,
    bold: true,
  });
}

// The selfie's reliable mark is its caption: the diagonal mark crosses the face, and over dark skin or
// hair it is visible but no longer "strongly red" by any simple pixel test.
const CAPTION = { text: 'SPECIMEN SELFIE', cx: 320, top: 720, scale: 5, band: 76 };

export function drawSelfieCaption(r: Raster): void {
  r.fillRect(0, CAPTION.top - 20, r.width, CAPTION.band, [255, 255, 255], 0.85);
  drawTextCentered(r, CAPTION.text, CAPTION.cx, CAPTION.top, {
    scale: CAPTION.scale,
    color: MARK_RGB,
    bold: true,
  });
}

/**
 * An axis-aligned box inside the mark (the selfie: inside its caption) where a good share of pixels must
 * be mark-red. Exposed for tests; it is derived from the same numbers the mark is drawn with.
 */
export function markProbe(part: SpecimenPart): Rect {
  if (part === 'selfie') {
    const w = textWidth(CAPTION.text, CAPTION.scale) * 0.6;
    return {
      x: Math.round(CAPTION.cx - w / 2),
      y: CAPTION.top + CAPTION.scale,
      w: Math.round(w),
      h: 5 * CAPTION.scale,
    };
  }
  const m = MARKS[part];
  const w = textWidth(MARK_TEXT, m.scale) * 0.4;
  const h = GLYPH_H * m.scale * 0.5;
  return { x: Math.round(m.cx - w / 2), y: Math.round(m.cy - h / 2), w: Math.round(w), h: Math.round(h) };
}
