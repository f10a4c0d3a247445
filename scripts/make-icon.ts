// Draws resources/icon.png (512×512): an ID card with a portrait and text lines on a blue rounded
// square, with a green check badge. Procedural, so the icon has a known origin and no licence
// question; run `npx tsx scripts/make-icon.ts` after changing it and commit the PNG.
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
  return [mix(0x2f, 0x17, t), mix(0x6b, 0x3a, t), mix(0xe0, 0x93, t), 255];
}

const card = roundRect(88, 146, 424, 366, 30);
const layers: { shape: Shape; color: Rgba | ((x: number, y: number) => Rgba) }[] = [
  { shape: roundRect(24, 24, 488, 488, 104), color: backgroundAt },
  { shape: card, color: [255, 255, 255, 255] },
  { shape: roundRect(112, 170, 236, 342, 18), color: [226, 234, 250, 255] },
  {
    shape: both(roundRect(112, 170, 236, 342, 18), either(circle(174, 232, 34), ellipse(174, 330, 56, 50))),
    color: [47, 107, 224, 255],
  },
  { shape: roundRect(258, 190, 396, 208, 9), color: [47, 107, 224, 255] },
  { shape: roundRect(258, 228, 372, 244, 8), color: [190, 204, 232, 255] },
  { shape: roundRect(258, 262, 352, 278, 8), color: [190, 204, 232, 255] },
  { shape: circle(390, 370, 74), color: [255, 255, 255, 255] },
  { shape: circle(390, 370, 62), color: [22, 163, 94, 255] },
  {
    shape: either(stroke(360, 372, 382, 394, 16), stroke(382, 394, 422, 350, 16)),
    color: [255, 255, 255, 255],
  },
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
