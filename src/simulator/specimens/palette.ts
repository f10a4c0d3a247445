// Seeded randomness and colours. Specimens must be byte-identical for the same input (tests and fixtures
// compare bytes), so nothing here reads the clock or Math.random.
import type { Rgb } from './raster';

export type Rng = () => number;

/** mulberry32: tiny, fast, and good enough to pick colours and phases. Returns floats in [0, 1). */
export function makeRng(seed: number): Rng {
  // Fold any JS number (negative, fractional, huge) into 32 bits so every seed is usable.
  let s = (Number.isFinite(seed) ? Math.floor(seed) % 4294967296 : 0) >>> 0;
  s = Math.imul(s ^ 0x9e3779b9, 0x85ebca6b) >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function range(rng: Rng, lo: number, hi: number): number {
  return lo + (hi - lo) * rng();
}

export function pick<T>(rng: Rng, items: readonly T[]): T {
  return items[Math.floor(rng() * items.length) % items.length] as T;
}

/** h in degrees, s and l in 0..1. */
export function hsl(h: number, s: number, l: number): Rgb {
  const k = (n: number): number => (n + h / 30) % 12;
  const a = s * Math.min(l, 1 - l);
  const f = (n: number): number => Math.round(255 * (l - a * Math.max(-1, Math.min(k(n) - 3, 9 - k(n), 1))));
  return [f(0), f(8), f(4)];
}

export function mix(a: Rgb, b: Rgb, t: number): Rgb {
  return [
    Math.round(a[0] + (b[0] - a[0]) * t),
    Math.round(a[1] + (b[1] - a[1]) * t),
    Math.round(a[2] + (b[2] - a[2]) * t),
  ];
}

export interface Tint {
  /** Paper colours for the top and bottom of the background gradient. */
  paperTop: Rgb;
  paperBottom: Rgb;
  /** Guilloche line colour. */
  line: Rgb;
  /** Header band and label colour. */
  band: Rgb;
  label: Rgb;
}

/**
 * A document tint. Hues stay between green and violet: the SPECIMEN mark is red and the watermark test
 * (and a human glance) relies on nothing else on the document being strongly red.
 */
export function makeTint(rng: Rng): Tint {
  const h = range(rng, 140, 290);
  return {
    paperTop: hsl(h, range(rng, 0.25, 0.45), range(rng, 0.92, 0.95)),
    paperBottom: hsl(h + range(rng, -25, 25), range(rng, 0.25, 0.45), range(rng, 0.86, 0.9)),
    line: hsl(h + range(rng, -20, 20), 0.4, range(rng, 0.62, 0.7)),
    band: hsl(h, range(rng, 0.45, 0.6), range(rng, 0.24, 0.3)),
    label: hsl(h, 0.4, 0.36),
  };
}

/**
 * Per-document randomness. The tint depends on the seed alone, so the front and back of one case share
 * their colours like a real card; the pattern stream is salted per part so the two sides differ.
 */
export function documentRandom(seed: number, salt: number): { tint: Tint; rng: Rng } {
  return { tint: makeTint(makeRng(seed)), rng: makeRng(seed * 7919 + salt) };
}

export const INK: Rgb = [24, 26, 32];
export const WHITE: Rgb = [255, 255, 255];
