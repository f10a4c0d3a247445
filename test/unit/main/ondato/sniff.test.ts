import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { isImageMime, looksLikeDocument, sniffMime } from '../../../../src/main/ondato/sniff';

const bytes = (...values: number[]) => Uint8Array.from(values);
const text = (s: string) => new TextEncoder().encode(s);

function realPng(): Buffer {
  const png = new PNG({ width: 4, height: 3 });
  png.data.fill(200);
  return PNG.sync.write(png);
}

function realJpeg(): Buffer {
  const width = 4;
  const height = 3;
  return jpeg.encode({ data: Buffer.alloc(width * height * 4, 128), width, height }, 80).data;
}

describe('sniffMime', () => {
  it('recognises real JPEG and PNG encodings', () => {
    expect(sniffMime(realJpeg())).toBe('image/jpeg');
    expect(sniffMime(realPng())).toBe('image/png');
  });

  it.each([
    ['image/jpeg', bytes(0xff, 0xd8, 0xff, 0xe0, 0, 0x10)],
    ['image/png', bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0)],
    ['image/webp', text('RIFF\x10\x00\x00\x00WEBPVP8 ')],
    ['image/gif', text('GIF89a\x01\x00')],
    ['image/gif', text('GIF87a\x01\x00')],
    ['image/tiff', bytes(0x49, 0x49, 0x2a, 0x00, 8, 0)],
    ['image/tiff', bytes(0x4d, 0x4d, 0x00, 0x2a, 0, 8)],
    ['application/pdf', text('%PDF-1.7\n')],
    ['image/heic', text('\x00\x00\x00\x18ftypheic\x00\x00\x00\x00')],
    ['image/avif', text('\x00\x00\x00\x18ftypavif\x00\x00\x00\x00')],
    ['video/mp4', text('\x00\x00\x00\x18ftypisom\x00\x00\x00\x00')],
    ['video/quicktime', text('\x00\x00\x00\x14ftypqt  \x00\x00\x00\x00')],
    ['video/webm', bytes(0x1a, 0x45, 0xdf, 0xa3, 0x9f)],
  ])('recognises %s', (mime, sample) => {
    expect(sniffMime(sample)).toBe(mime);
  });

  it('recognises a BMP only with a plausible header', () => {
    const bmp = new Uint8Array(54);
    bmp.set(text('BM'));
    bmp[14] = 40;
    expect(sniffMime(bmp)).toBe('image/bmp');
    expect(sniffMime(text('BMW is a car brand, not a bitmap'))).toBeNull();
  });

  it.each([
    ['empty', new Uint8Array(0)],
    ['html', text('<!doctype html><html><body>Sign in to the proxy</body></html>')],
    ['json', text('{"error":"nope"}')],
    ['truncated jpeg', bytes(0xff, 0xd8)],
    ['riff but not webp', text('RIFF\x10\x00\x00\x00WAVEfmt ')],
    ['random', bytes(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12)],
  ])('gives null for %s', (_label, sample) => {
    expect(sniffMime(sample)).toBeNull();
  });

  it('ignores everything but the bytes (a PNG named .jpeg is still a PNG)', () => {
    expect(sniffMime(realPng())).toBe('image/png');
  });
});

describe('isImageMime / looksLikeDocument', () => {
  it('tells images apart', () => {
    expect(isImageMime('image/png')).toBe(true);
    expect(isImageMime('application/pdf')).toBe(false);
    expect(isImageMime(null)).toBe(false);
  });

  it('spots HTML and JSON documents, with a BOM and leading whitespace', () => {
    expect(looksLikeDocument(text('\ufeff  \r\n<html>'))).toBe(true);
    expect(looksLikeDocument(text('{"a":1}'))).toBe(true);
    expect(looksLikeDocument(realJpeg())).toBe(false);
    expect(looksLikeDocument(realPng())).toBe(false);
    expect(looksLikeDocument(text('   '))).toBe(false);
  });
});
