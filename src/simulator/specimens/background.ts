// Security-paper style background: a tinted gradient crossed by two families of wavy lines (a cheap
// guilloche) and optional rosettes. The seed moves frequencies and phases, so every case differs in bytes.
import { mix, range } from './palette';
import type { Rng, Tint } from './palette';
import { len } from './raster';
import type { Raster, Rect } from './raster';

const LUT_BITS = 12;
const LUT_SIZE = 1 << LUT_BITS;
const LUT_MASK = LUT_SIZE - 1;
const LUT_SCALE = LUT_SIZE / (2 * Math.PI);

// Line intensity as a function of phase: one thin bright ridge per period. A table instead of Math.cos per
// pixel keeps a 1250x880 background to a few milliseconds.
const RIDGE = Float32Array.from({ length: LUT_SIZE }, (_, i) =>
  Math.max(0, (Math.cos((i / LUT_SIZE) * 2 * Math.PI) - 0.7) / 0.3),
);

function ridge(phase: number): number {
  // `| 0` then `& mask` is a correct modulo for negative phases too (two's complement).
  return RIDGE[((phase * LUT_SCALE) | 0) & LUT_MASK] as number;
}

export function paintGuilloche(r: Raster, tint: Tint, rng: Rng, rect?: Rect): void {
  const area = rect ?? { x: 0, y: 0, w: r.width, h: r.height };
  const k1 = (2 * Math.PI) / range(rng, 11, 17);
  const k2 = (2 * Math.PI) / range(rng, 140, 260);
  const a1 = range(rng, 2.5, 5);
  const p1 = range(rng, 0, 2 * Math.PI);
  const k3 = (2 * Math.PI) / range(rng, 13, 19);
  const k4 = (2 * Math.PI) / range(rng, 180, 320);
  const a2 = range(rng, 2.5, 5);
  const p2 = range(rng, 0, 2 * Math.PI);
  const strength = range(rng, 0.25, 0.35);

  // The inner waves depend on one coordinate only, so precompute them per column.
  const colWave = Float32Array.from({ length: area.w }, (_, i) => a2 * Math.sin((area.x + i) * k4 + p2));
  const d = r.data;
  for (let j = 0; j < area.h; j++) {
    const y = area.y + j;
    if (y < 0 || y >= r.height) continue;
    const base = mix(tint.paperTop, tint.paperBottom, j / Math.max(1, area.h - 1));
    const rowWave = a1 * Math.sin(y * k2 + p1);
    for (let i = 0; i < area.w; i++) {
      const x = area.x + i;
      if (x < 0 || x >= r.width) continue;
      const w = Math.max(ridge(x * k1 + rowWave), ridge(y * k3 + (colWave[i] as number))) * strength;
      const o = (y * r.width + x) * 4;
      d[o] = (base[0] + (tint.line[0] - base[0]) * w + 0.5) | 0;
      d[o + 1] = (base[1] + (tint.line[1] - base[1]) * w + 0.5) | 0;
      d[o + 2] = (base[2] + (tint.line[2] - base[2]) * w + 0.5) | 0;
      d[o + 3] = 255;
    }
  }
}

/** Distance in pixels from a point to the nearest line of phase 2*pi*n, given the phase gradient length. */
function lineCover(phase: number, gradient: number): number {
  const d = Math.abs(phase - 2 * Math.PI * Math.round(phase / (2 * Math.PI))) / gradient;
  return Math.min(1, Math.max(0, 1.2 - d));
}

/**
 * A round guilloche rosette, the kind printed under a card's seal: two counter-phased families of wavy
 * rings. Lines are drawn by distance (phase over its gradient) rather than by phase alone, because near the
 * centre the phase changes fast and a plain lookup breaks into noise.
 */
export function paintRosette(r: Raster, cx: number, cy: number, radius: number, tint: Tint, rng: Rng): void {
  const petals = Math.floor(range(rng, 6, 11));
  const amp = range(rng, 9, 15) / radius; // wave amplitude grows with the radius, so the centre stays calm
  const k = (2 * Math.PI) / range(rng, 11, 15);
  const shift = range(rng, 0, 2 * Math.PI);
  for (let y = Math.floor(cy - radius); y <= Math.ceil(cy + radius); y++) {
    for (let x = Math.floor(cx - radius); x <= Math.ceil(cx + radius); x++) {
      const dx = x - cx;
      const dy = y - cy;
      const rho = len(dx, dy);
      if (rho > radius) continue;
      const a = petals * Math.atan2(dy, dx) + shift;
      const s = Math.sin(a);
      const tangential = amp * petals * Math.cos(a);
      const up = lineCover(rho * (k + amp * s), len(k + amp * s, tangential));
      const down = lineCover(rho * (k - amp * s), len(k - amp * s, tangential));
      r.blend(x, y, tint.line, Math.max(up, down) * (1 - (rho / radius) ** 4) * 0.7);
    }
  }
}
