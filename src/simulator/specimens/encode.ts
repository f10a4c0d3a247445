// Raster -> file bytes. Both encoders are pure JS (no native deps) and deterministic for the same pixels.
import { encode as encodeJpeg } from 'jpeg-js';
import { PNG } from 'pngjs';
import type { Raster } from './raster';
import type { SpecimenFormat } from './types';

/** Close to what phone cameras and Ondato's capture flow deliver; text stays crisp at this quality. */
export const JPEG_QUALITY = 85;

export function encodeRaster(r: Raster, format: SpecimenFormat): Buffer {
  if (format === 'jpeg')
    return encodeJpeg({ data: r.data, width: r.width, height: r.height }, JPEG_QUALITY).data;
  const png = new PNG({ width: r.width, height: r.height });
  png.data = r.data;
  // RGB without alpha (the raster is opaque) and a single filter: pngjs otherwise tries all five filters
  // per row, which triples encode time for a file that is only a few percent smaller.
  return PNG.sync.write(png, { colorType: 2, inputHasAlpha: true, filterType: 4 });
}
