import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { AppError } from '../errors';

/*
 * The evidence pack embeds DejaVu Sans (regular and bold): one family that covers Latin Extended
 * (Šimkutė, Ø, Ł), Greek, Cyrillic and Arabic, so every name an officer can meet renders from one font.
 * The TTFs come from the `dejavu-fonts-ttf` package, a runtime dependency: the CLI (tsx) and the tests
 * resolve it from node_modules; the packaged app resolves the same path inside app.asar, which Electron's
 * fs reads transparently (the main bundle keeps it, and pdfkit, external — electron.vite.config.ts).
 * The licence travels with the package and is copied to `resources/licenses/` of the installed app
 * (electron-builder.yml, extraResources).
 */
export interface PdfFonts {
  regular: string;
  bold: string;
}

const PACKAGE = 'dejavu-fonts-ttf';

function packageDir(): string {
  const require = createRequire(__filename);
  return dirname(require.resolve(`${PACKAGE}/package.json`));
}

/** The font files; throws a clear AppError when the install is incomplete, never a raw ENOENT. */
export function pdfFonts(dir: string = join(packageDir(), 'ttf')): PdfFonts {
  const fonts = { regular: join(dir, 'DejaVuSans.ttf'), bold: join(dir, 'DejaVuSans-Bold.ttf') };
  if (!existsSync(fonts.regular) || !existsSync(fonts.bold)) {
    throw new AppError(
      'export_font_missing',
      'The font used for evidence packs is missing from this installation. Reinstall KYC Desk.',
    );
  }
  return fonts;
}

/** The DejaVu licence text shipped with the fonts (shown in the README's third-party notices). */
export function pdfFontLicencePath(): string {
  return join(packageDir(), 'LICENSE');
}
