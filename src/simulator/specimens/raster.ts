// A tiny RGBA raster with anti-aliased shape fills. We cannot use the `canvas` package (native build), and
// the specimens only need rectangles, ellipses, thick lines and bitmap text, so one small class suffices.
// The buffer is RGBA because both jpeg-js and pngjs take RGBA input directly, so encoding needs no copy.

export type Rgb = readonly [number, number, number];

export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** Signed distance in pixels from a point to a shape's edge: negative inside. */
export type Sdf = (x: number, y: number) => number;

/** For row y: [o0, i0, i1, o1] = the shape touches only [o0, o1) and fully covers [i0, i1); undefined = none. */
export type RowSpans = (y: number) => readonly [number, number, number, number] | undefined;

/** Euclidean length; Math.hypot is several times slower in V8 and this runs per pixel. */
export function len(x: number, y: number): number {
  return Math.sqrt(x * x + y * y);
}

const POOL = new Map<number, Buffer>();

export class Raster {
  readonly data: Buffer;
  private clip: Rect;

  /** A white raster; `backing` (exactly width * height * 4 bytes) is reused instead of allocating. */
  constructor(
    readonly width: number,
    readonly height: number,
    backing?: Buffer,
  ) {
    this.data = backing ?? Buffer.allocUnsafe(width * height * 4);
    if (this.data.length !== width * height * 4) throw new Error('raster backing has the wrong size');
    this.data.fill(255);
    this.clip = { x: 0, y: 0, w: width, h: height };
  }

  /**
   * A raster on a buffer shared by all rasters of this size. Touching fresh memory costs page faults
   * (measured 30-40 ms for a 4.4 MB passport page on a 2-core dev VM, against 0.3 ms to refill a warm
   * buffer), and every render uses one of four sizes. Only safe because a specimen raster lives inside one
   * synchronous renderSpecimen call and is fully repainted here; never keep one across calls.
   */
  static pooled(width: number, height: number): Raster {
    const size = width * height * 4;
    let buf = POOL.get(size);
    if (!buf) {
      buf = Buffer.alloc(size);
      POOL.set(size, buf);
    }
    return new Raster(width, height, buf);
  }

  /** Restrict drawing to `rect` (intersected with the raster) while `draw` runs. */
  clipped(rect: Rect, draw: () => void): void {
    const saved = this.clip;
    const x0 = Math.max(saved.x, Math.floor(rect.x));
    const y0 = Math.max(saved.y, Math.floor(rect.y));
    const x1 = Math.min(saved.x + saved.w, Math.ceil(rect.x + rect.w));
    const y1 = Math.min(saved.y + saved.h, Math.ceil(rect.y + rect.h));
    this.clip = { x: x0, y: y0, w: Math.max(0, x1 - x0), h: Math.max(0, y1 - y0) };
    try {
      draw();
    } finally {
      this.clip = saved;
    }
  }

  /** Mix colour `c` into pixel (x, y) with opacity `a` (0..1). Integer coordinates only. */
  blend(x: number, y: number, c: Rgb, a: number): void {
    const { clip } = this;
    if (a <= 0 || x < clip.x || y < clip.y || x >= clip.x + clip.w || y >= clip.y + clip.h) return;
    const d = this.data;
    const i = (y * this.width + x) * 4;
    if (a >= 1) {
      d[i] = c[0];
      d[i + 1] = c[1];
      d[i + 2] = c[2];
      return;
    }
    d[i] = (d[i] + (c[0] - d[i]) * a + 0.5) | 0;
    d[i + 1] = (d[i + 1] + (c[1] - d[i + 1]) * a + 0.5) | 0;
    d[i + 2] = (d[i + 2] + (c[2] - d[i + 2]) * a + 0.5) | 0;
  }

  /** Blend `c` into the run [x0, x1) of row y; callers have clipped already. */
  private run(x0: number, x1: number, y: number, c: Rgb, a: number): void {
    const d = this.data;
    const end = (y * this.width + x1) * 4;
    for (let i = (y * this.width + x0) * 4; i < end; i += 4) {
      if (a >= 1) {
        d[i] = c[0];
        d[i + 1] = c[1];
        d[i + 2] = c[2];
      } else {
        d[i] = (d[i] + (c[0] - d[i]) * a + 0.5) | 0;
        d[i + 1] = (d[i + 1] + (c[1] - d[i + 1]) * a + 0.5) | 0;
        d[i + 2] = (d[i + 2] + (c[2] - d[i + 2]) * a + 0.5) | 0;
      }
    }
  }

  fillRect(x: number, y: number, w: number, h: number, c: Rgb, a = 1): void {
    const { clip } = this;
    const x0 = Math.max(clip.x, Math.round(x));
    const y0 = Math.max(clip.y, Math.round(y));
    const x1 = Math.min(clip.x + clip.w, Math.round(x + w));
    const y1 = Math.min(clip.y + clip.h, Math.round(y + h));
    if (a > 0 && x0 < x1) for (let py = y0; py < y1; py++) this.run(x0, x1, py, c, a);
  }

  /**
   * Fill any shape given by a signed distance function, with a one-pixel anti-aliased edge. `spans`, when
   * given, says per row where the shape can touch ([o0, o1)) and where it surely covers whole pixels
   * ([i0, i1)); only the edge pixels in between then pay for a distance evaluation. Large portraits and
   * the selfie are mostly interior, so this is where their drawing time goes otherwise.
   */
  fillSdf(bounds: Rect, sdf: Sdf, c: Rgb, a = 1, spans?: RowSpans): void {
    const { clip } = this;
    const bx0 = Math.max(clip.x, Math.floor(bounds.x) - 1);
    const y0 = Math.max(clip.y, Math.floor(bounds.y) - 1);
    const bx1 = Math.min(clip.x + clip.w, Math.ceil(bounds.x + bounds.w) + 1);
    const y1 = Math.min(clip.y + clip.h, Math.ceil(bounds.y + bounds.h) + 1);
    const edge = (from: number, to: number, py: number): void => {
      for (let px = from; px < to; px++) {
        const cover = 0.5 - sdf(px + 0.5, py + 0.5);
        if (cover > 0) this.blend(px, py, c, cover >= 1 ? a : a * cover);
      }
    };
    for (let py = y0; py < y1; py++) {
      const sp = spans ? spans(py) : [bx0, 0, 0, bx1];
      if (!sp) continue;
      const x0 = Math.max(bx0, sp[0]);
      const x1 = Math.min(bx1, sp[3]);
      const i0 = Math.min(x1, Math.max(x0, sp[1]));
      const i1 = Math.max(i0, Math.min(x1, sp[2]));
      edge(x0, i0, py);
      if (i1 > i0) this.run(i0, i1, py, c, a);
      edge(i1, x1, py);
    }
  }

  fillEllipse(cx: number, cy: number, rx: number, ry: number, c: Rgb, a = 1): void {
    // f/|grad f| is the usual first-order distance estimate for an implicit ellipse.
    const sdf: Sdf = (x, y) => {
      const dx = x - cx;
      const dy = y - cy;
      const f = (dx * dx) / (rx * rx) + (dy * dy) / (ry * ry) - 1;
      const g = 2 * len(dx / (rx * rx), dy / (ry * ry));
      return g === 0 ? -Math.min(rx, ry) : f / g;
    };
    // Half-width of the ellipse on the horizontal line y = t (negative when the line misses it).
    const half = (t: number): number => {
      const k = 1 - ((t - cy) / ry) ** 2;
      return k < 0 ? -1 : rx * Math.sqrt(k);
    };
    const spans: RowSpans = (py) => {
      const top = half(py);
      const bottom = half(py + 1);
      const widest = Math.max(top, bottom, py < cy && cy < py + 1 ? rx : -1);
      if (widest < 0) return undefined;
      const inner = Math.min(top, bottom);
      return [
        Math.floor(cx - widest - 1),
        Math.ceil(cx - inner),
        Math.floor(cx + inner),
        Math.ceil(cx + widest + 1),
      ];
    };
    this.fillSdf({ x: cx - rx, y: cy - ry, w: 2 * rx, h: 2 * ry }, sdf, c, a, spans);
  }

  fillRoundRect(x: number, y: number, w: number, h: number, r: number, c: Rgb, a = 1): void {
    const hx = w / 2;
    const hy = h / 2;
    const sdf: Sdf = (px, py) => {
      const qx = Math.abs(px - x - hx) - hx + r;
      const qy = Math.abs(py - y - hy) - hy + r;
      return len(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - r;
    };
    const spans: RowSpans = (py) => {
      // Rows fully inside vertically are solid between the sides, or between the corners near the ends.
      const inside = py >= y && py + 1 <= y + h;
      const inset = py >= y + r && py + 1 <= y + h - r ? 0 : r;
      return [
        Math.floor(x) - 1,
        inside ? Math.ceil(x + inset) : 0,
        inside ? Math.floor(x + w - inset) : 0,
        Math.ceil(x + w) + 1,
      ];
    };
    this.fillSdf({ x, y, w, h }, sdf, c, a, spans);
  }

  /** A polyline of thickness `t` with round joins, drawn opaque so overlapping segments do not darken. */
  strokePath(points: ReadonlyArray<readonly [number, number]>, t: number, c: Rgb): void {
    for (let i = 1; i < points.length; i++) {
      const [ax, ay] = points[i - 1];
      const [bx, by] = points[i];
      const vx = bx - ax;
      const vy = by - ay;
      const len2 = vx * vx + vy * vy || 1;
      const sdf: Sdf = (x, y) => {
        const k = Math.min(1, Math.max(0, ((x - ax) * vx + (y - ay) * vy) / len2));
        return len(x - ax - k * vx, y - ay - k * vy) - t / 2;
      };
      const bounds = {
        x: Math.min(ax, bx) - t,
        y: Math.min(ay, by) - t,
        w: Math.abs(vx) + 2 * t,
        h: Math.abs(vy) + 2 * t,
      };
      this.fillSdf(bounds, sdf, c);
    }
  }
}
