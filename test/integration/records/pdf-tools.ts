import { execFileSync } from 'node:child_process';

/* poppler-utils, the reader an auditor's machine would use: what they print is what the PDF holds. */

export function pdfText(path: string): string {
  return execFileSync('pdftotext', ['-enc', 'UTF-8', path, '-'], { encoding: 'utf8' });
}

export interface ListedImage {
  page: number;
  width: number;
  height: number;
  type: string;
  enc: string;
}

/** `pdfimages -list`: one row per embedded image (soft masks excluded). */
export function pdfImages(path: string): ListedImage[] {
  const out = execFileSync('pdfimages', ['-list', path], { encoding: 'utf8' });
  return out
    .split('\n')
    .slice(2)
    .filter((line) => line.trim() !== '')
    .map((line) => line.trim().split(/\s+/))
    .filter((cols) => cols[2] === 'image')
    .map((cols) => ({
      page: Number(cols[0]),
      width: Number(cols[3]),
      height: Number(cols[4]),
      type: cols[2]!,
      enc: cols[8]!,
    }));
}

/** Page 1 as a PNG (`pdftoppm`), for a person to look at. */
export function renderFirstPage(path: string, outPrefix: string): void {
  execFileSync('pdftoppm', ['-png', '-r', '110', '-f', '1', '-l', '1', '-singlefile', path, outPrefix]);
}

export function pageCount(path: string): number {
  const info = execFileSync('pdfinfo', [path], { encoding: 'utf8' });
  return Number(/Pages:\s+(\d+)/.exec(info)?.[1] ?? 0);
}
