// Draws resources/icon.png (512×512): an ID card with a portrait and text lines on a rounded square in
// the app's one accent (the ink blue of styles/tokens.css, docs/adr/0019-visual-identity.md), with a
// green check badge. Few, large shapes so it still reads at 16–32 px in a taskbar. Procedural, so the
// icon has a known origin and no licence question; run `npm run icon` after changing it and commit the PNG.
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { PNG } from 'pngjs';

const SIZE = 512;
/** Samples per pixel along each axis (anti-aliasing by supersampling). */
const SS = 4;

type Rgba = readonly [number, number, number, number];
/** True when the point (in pixel units) is inside the shape. */
type Shape = (x: number, y: number) => boolean;

function roundRect(x0: number, y0: number, x1: number, y1: number, r: number): Shape {
  return (x, y) => {
    if (x < x0 || x > x1 || y < y0 || y > y1) return false;
    const cx = Math.min(Math.max(x, x0 + r), x1 - r);
    const cy = Math.min(Math.max(y, y0 + r), y1 - r);
    return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
  };
}

function circle(cx: number, cy: number, r: number): Shape {
  return (x, y) => (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
}

function ellipse(cx: number, cy: number, rx: number, ry: number): Shape {
  return (x, y) => ((x - cx) / rx) ** 2 + ((y - cy) / ry) ** 2 <= 1;
}

/** A thick line segment with round caps. */
function stroke(ax: number, ay: number, bx: number, by: number, width: number): Shape {
  const dx = bx - ax;
  const dy = by - ay;
  const len2 = dx * dx + dy * dy;
  return (x, y) => {
    const t = Math.min(1, Math.max(0, ((x - ax) * dx + (y - ay) * dy) / len2));
    return (x - ax - t * dx) ** 2 + (y - ay - t * dy) ** 2 <= (width / 2) ** 2;
  };
}

const both =
  (a: Shape, b: Shape): Shape =>
  (x, y) =>
    a(x, y) && b(x, y);
const either =
  (...shapes: Shape[]): Shape =>
  (x, y) =>
    shapes.some((s) => s(x, y));

function mix(a: number, b: number, t: number): number {
  return a + (b - a) * t;
}

/** Background gradient, top-left to bottom-right. */
function backgroundAt(x: number, y: number): Rgba {
  const t = (x + y) / (2 * SIZE);
  return [mix(0x2d, 0x15, t), mix(0x62, 0x33, t), mix(0xbd, 0x6a, t), 255];
}

/** The accent (--accent, light theme) and the tints around it. */
const INK: Rgba = [0x1e, 0x4a, 0x94, 255];
const INK_TINT: Rgba = [0xe7, 0xee, 0xfa, 255];
const LINE: Rgba = [0xb8, 0xc7, 0xe3, 255];
const WHITE: Rgba = [255, 255, 255, 255];
const GREEN: Rgba = [0x1c, 0x7a, 0x43, 255];

const portrait = roundRect(108, 166, 232, 346, 20);
const layers: { shape: Shape; color: Rgba | ((x: number, y: number) => Rgba) }[] = [
  { shape: roundRect(24, 24, 488, 488, 104), color: backgroundAt },
  { shape: roundRect(80, 138, 432, 374, 32), color: WHITE },
  { shape: portrait, color: INK_TINT },
  { shape: both(portrait, either(circle(170, 228, 38), ellipse(170, 334, 60, 52))), color: INK },
  { shape: roundRect(258, 188, 404, 210, 11), color: INK },
  { shape: roundRect(258, 232, 380, 252, 10), color: LINE },
  { shape: roundRect(258, 274, 344, 294, 10), color: LINE },
  { shape: circle(392, 372, 80), color: WHITE },
  { shape: circle(392, 372, 66), color: GREEN },
  { shape: either(stroke(359, 374, 383, 398, 18), stroke(383, 398, 426, 350, 18)), color: WHITE },
];

function over(dst: [number, number, number, number], src: Rgba, coverage: number): void {
  const a = (src[3] / 255) * coverage;
  const outA = a + (dst[3] / 255) * (1 - a);
  if (outA === 0) return;
  for (let i = 0; i < 3; i++) {
    dst[i] = (src[i] * a + dst[i] * (dst[3] / 255) * (1 - a)) / outA;
  }
  dst[3] = outA * 255;
}

export function drawIcon(): PNG {
  const png = new PNG({ width: SIZE, height: SIZE });
  for (let py = 0; py < SIZE; py++) {
    for (let px = 0; px < SIZE; px++) {
      const pixel: [number, number, number, number] = [0, 0, 0, 0];
      for (const layer of layers) {
        let hits = 0;
        for (let sy = 0; sy < SS; sy++) {
          for (let sx = 0; sx < SS; sx++) {
            if (layer.shape(px + (sx + 0.5) / SS, py + (sy + 0.5) / SS)) hits++;
          }
        }
        if (hits === 0) continue;
        const color = typeof layer.color === 'function' ? layer.color(px, py) : layer.color;
        over(pixel, color, hits / (SS * SS));
      }
      const at = (py * SIZE + px) * 4;
      for (let i = 0; i < 4; i++) png.data[at + i] = Math.round(pixel[i]);
    }
  }
  return png;
}

if (require.main === module) {
  const out = join(resolve(__dirname, '..'), 'resources', 'icon.png');
  writeFileSync(out, PNG.sync.write(drawIcon()));
  console.log(`Wrote ${out}`);
}
