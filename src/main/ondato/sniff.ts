/**
 * Media type from the first bytes (magic numbers). The Content-Type Ondato sends is unconfirmed and a
 * proxy can put anything there, so it is ignored. Unknown formats give null.
 */
export type SniffedMime =
  | 'image/jpeg'
  | 'image/png'
  | 'image/webp'
  | 'image/gif'
  | 'image/tiff'
  | 'image/bmp'
  | 'image/heic'
  | 'image/avif'
  | 'application/pdf'
  | 'video/mp4'
  | 'video/quicktime'
  | 'video/webm';

function startsWith(bytes: Uint8Array, signature: readonly number[], offset = 0): boolean {
  if (bytes.length < offset + signature.length) return false;
  return signature.every((byte, i) => bytes[offset + i] === byte);
}

function ascii(bytes: Uint8Array, start: number, end: number): string {
  return String.fromCharCode(...bytes.subarray(start, Math.min(end, bytes.length)));
}

export function sniffMime(bytes: Uint8Array): SniffedMime | null {
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 12) === 'WEBP') return 'image/webp';
  if (ascii(bytes, 0, 6) === 'GIF87a' || ascii(bytes, 0, 6) === 'GIF89a') return 'image/gif';
  if (startsWith(bytes, [0x49, 0x49, 0x2a, 0x00]) || startsWith(bytes, [0x4d, 0x4d, 0x00, 0x2a])) {
    return 'image/tiff';
  }
  if (ascii(bytes, 0, 5) === '%PDF-') return 'application/pdf';
  if (startsWith(bytes, [0x1a, 0x45, 0xdf, 0xa3])) return 'video/webm';
  if (ascii(bytes, 4, 8) === 'ftyp' && bytes.length >= 12) {
    const brand = ascii(bytes, 8, 12);
    if (['heic', 'heix', 'heim', 'heis', 'mif1', 'msf1'].includes(brand)) return 'image/heic';
    if (brand === 'avif' || brand === 'avis') return 'image/avif';
    if (brand === 'qt  ') return 'video/quicktime';
    return 'video/mp4';
  }
  // BMP last: "BM" alone is weak, so also require a plausible header size field.
  if (ascii(bytes, 0, 2) === 'BM' && bytes.length >= 26) {
    const dibHeaderSize = bytes[14]! | (bytes[15]! << 8) | (bytes[16]! << 16) | (bytes[17]! << 24);
    if ([12, 40, 52, 56, 64, 108, 124].includes(dibHeaderSize)) return 'image/bmp';
  }
  return null;
}

export function isImageMime(mime: string | null): boolean {
  return mime !== null && mime.startsWith('image/');
}

/**
 * True when the bytes look like a text markup or JSON document (HTML login page of a proxy, an error
 * page, a JSON error): optional BOM and whitespace, then `<` or `{`. Used to refuse such a body where
 * media was expected.
 */
export function looksLikeDocument(bytes: Uint8Array): boolean {
  let i = 0;
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) i = 3;
  while (i < bytes.length && i < 1024 && [0x20, 0x09, 0x0a, 0x0d].includes(bytes[i]!)) i += 1;
  if (i >= bytes.length) return false;
  const first = bytes[i];
  return first === 0x3c /* < */ || first === 0x7b; /* { */
}
