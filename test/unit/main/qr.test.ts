import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { qrPng, qrSvg } from '../../../src/main/qr';

const url = 'https://sandbox-idv.ondato.com/?id=89e50d98-c556-4818-8562-3cd98608bf09';

function decode(png: Buffer): string | null {
  const image = PNG.sync.read(png);
  return jsQR(new Uint8ClampedArray(image.data), image.width, image.height)?.data ?? null;
}

const hasZbar = spawnSync('sh', ['-c', 'command -v zbarimg'], { stdio: 'ignore' }).status === 0;

describe('QR codes of customer links', () => {
  it('encode exactly the URL, readable back by a decoder', async () => {
    expect(decode(await qrPng(url))).toBe(url);
  });

  it('keep a quiet zone of four modules of white around the code', async () => {
    const image = PNG.sync.read(await qrPng(url, 10));
    const margin = 4 * 10;
    for (let y = 0; y < image.height; y += 1) {
      for (let x = 0; x < margin; x += 1) {
        const offset = (y * image.width + x) * 4;
        expect(image.data[offset]).toBe(255);
      }
    }
  });

  it.runIf(hasZbar)('is read by zbarimg, an independent decoder', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'qr-'));
    try {
      const file = join(dir, 'qr.png');
      writeFileSync(file, await qrPng(url));
      const result = spawnSync('zbarimg', ['--quiet', '--raw', file], { encoding: 'utf8' });
      expect(result.stdout.trim()).toBe(url);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('produces an SVG without scripts or external references', async () => {
    const svg = await qrSvg(url);
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).not.toMatch(/<script|href=/i);
  });
});
