import * as jpeg from 'jpeg-js';
import { PNG } from 'pngjs';
import { renderSpecimen, type SpecimenInput } from './specimens';

export function isJpeg(bytes: Buffer): boolean {
  return bytes.length > 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff;
}

export function isPng(bytes: Buffer): boolean {
  return bytes.length > 8 && bytes.readUInt32BE(0) === 0x89504e47 && bytes.readUInt32BE(4) === 0x0d0a1a0a;
}

/**
 * The Content-Type we send must match the bytes, whatever the renderer produced (a renderer that
 * answers PNG for a JPEG request would otherwise make the simulator lie about its own files).
 */
export function ensureFormat(bytes: Buffer, format: SpecimenInput['format']): Buffer {
  if (format === 'jpeg') {
    if (isJpeg(bytes)) return bytes;
    if (!isPng(bytes)) throw new Error('The specimen renderer returned neither JPEG nor PNG.');
    const png = PNG.sync.read(bytes);
    return jpeg.encode({ width: png.width, height: png.height, data: png.data }, 90).data;
  }
  if (isPng(bytes)) return bytes;
  if (!isJpeg(bytes)) throw new Error('The specimen renderer returned neither JPEG nor PNG.');
  const raw = jpeg.decode(bytes, { useTArray: true, formatAsRGBA: true });
  const png = new PNG({ width: raw.width, height: raw.height });
  png.data = Buffer.from(raw.data);
  return PNG.sync.write(png);
}

const MAX_ENTRIES = 256;

const POOL_PERSON: SpecimenInput['person'] = {
  firstName: 'Bench',
  lastName: 'Specimen',
  dateOfBirth: '1990-01-01',
  personalCode: '39001010000',
  documentNumber: 'BE0000000',
  dateOfIssue: '2024-01-01',
  dateOfExpiration: '2034-01-01',
  nationalityIso3: 'LTU',
  gender: 'F',
};

/** Renders each specimen once; the key holds the whole input, so changed document data re-renders. */
export class ImageCache {
  private readonly cache = new Map<string, Buffer>();

  /** `pool`: reuse at most this many images per part (benchmarks), whatever the case's data. */
  constructor(private readonly pool?: number) {}

  get(requested: SpecimenInput): Buffer {
    const input =
      this.pool === undefined
        ? requested
        : { ...requested, person: POOL_PERSON, seed: Math.abs(requested.seed) % Math.max(1, this.pool) };
    const key = JSON.stringify(input);
    const hit = this.cache.get(key);
    if (hit) return hit;
    const bytes = ensureFormat(renderSpecimen(input), input.format);
    // Oldest first out: a long demo session must not grow without bound.
    if (this.cache.size >= MAX_ENTRIES) {
      const oldest = this.cache.keys().next().value;
      if (oldest !== undefined) this.cache.delete(oldest);
    }
    this.cache.set(key, bytes);
    return bytes;
  }

  clear(): void {
    this.cache.clear();
  }
}
