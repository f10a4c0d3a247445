import PDFDocument from 'pdfkit';
import type { PdfFonts } from './fonts';

/*
 * Layout helpers for the evidence pack on top of pdfkit: one A4 page style, a running header and
 * "Page N of M" footer (written once every page exists: pdfkit buffers the pages), section headings,
 * key–value blocks and tables whose rows never split across pages and whose header repeats.
 */

export const COLOR = {
  ink: '#1a1f2b',
  muted: '#5b6475',
  rule: '#d5d9e0',
  accent: '#1f4e79',
  band: '#eef2f7',
  zebra: '#f7f9fb',
  bad: '#b42318',
  warn: '#9a4a05',
  ok: '#067647',
} as const;

export const MARGIN = { top: 72, bottom: 68, left: 56, right: 56 } as const;
const PAD = 4;

export type Doc = PDFKit.PDFDocument;

export function createDoc(
  fonts: PdfFonts,
  info: { title: string; subject: string; creator: string; at: Date },
): Doc {
  const doc = new PDFDocument({
    size: 'A4',
    margins: MARGIN,
    bufferPages: true,
    // Our own font from the first byte: pdfkit then never loads its built-in Helvetica metrics.
    font: fonts.regular,
    pdfVersion: '1.7',
    lang: 'en',
    displayTitle: true,
    info: {
      Title: info.title,
      Subject: info.subject,
      Creator: info.creator,
      Producer: info.creator,
      CreationDate: info.at,
      ModDate: info.at,
    },
  });
  doc.registerFont('regular', fonts.regular);
  doc.registerFont('bold', fonts.bold);
  doc.font('regular').fillColor(COLOR.ink);
  return doc;
}

const RTL_RUN =
  /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]+(?:[ \u00a0]+[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]+)*/g;

/**
 * Text as pdfkit should receive it. pdfkit lays out word by word and fontkit reverses each right-to-left
 * word on its own, which puts the words of an Arabic or Hebrew name in the wrong order: joining the words
 * of a right-to-left run with no-break spaces makes the run one layout unit, which fontkit shapes and
 * orders as a whole (and text extraction reads back in logical order). Control characters are dropped.
 */
/** Control characters (but tab and newline) would print as boxes or move the pen; an officer's note may hold any. */
function stripControls(value: string): string {
  let out = '';
  for (const ch of value) {
    const code = ch.codePointAt(0)!;
    if (code === 9 || code === 10 || (code >= 32 && code !== 127)) out += ch;
  }
  return out;
}

export function pdfText(value: string): string {
  return stripControls(value).replace(RTL_RUN, (run) => run.replace(/ /g, '\u00a0'));
}

export function contentWidth(doc: Doc): number {
  return doc.page.width - MARGIN.left - MARGIN.right;
}

function bottom(doc: Doc): number {
  return doc.page.height - MARGIN.bottom;
}

/** Starts a new page unless `height` points still fit on this one. */
export function ensureSpace(doc: Doc, height: number): void {
  if (doc.y + height > bottom(doc)) doc.addPage();
}

export function sectionHeading(doc: Doc, number: number, title: string): void {
  ensureSpace(doc, 80);
  doc.moveDown(0.8);
  const y = doc.y;
  doc.rect(MARGIN.left, y, 3, 16).fill(COLOR.accent);
  doc
    .font('bold')
    .fontSize(13)
    .fillColor(COLOR.accent)
    .text(`${number}  ${title}`, MARGIN.left + 10, y, {
      width: contentWidth(doc) - 10,
    });
  doc.moveDown(0.5);
  doc.font('regular').fontSize(9.5).fillColor(COLOR.ink);
  doc.x = MARGIN.left;
}

export function paragraph(doc: Doc, text: string, options: { color?: string; size?: number } = {}): void {
  doc
    .font('regular')
    .fontSize(options.size ?? 9.5)
    .fillColor(options.color ?? COLOR.ink)
    .text(pdfText(text), MARGIN.left, doc.y, { width: contentWidth(doc) });
  doc.fillColor(COLOR.ink);
}

export interface Cell {
  text: string;
  color?: string;
  bold?: boolean;
}

export type CellInput = string | Cell;

export interface Column {
  header: string;
  /** Share of the content width. */
  width: number;
  mono?: boolean;
}

const cellOf = (c: CellInput): Cell => (typeof c === 'string' ? { text: c } : c);

function rowHeight(doc: Doc, cells: Cell[], widths: number[], size: number): number {
  let height = 0;
  cells.forEach((cell, i) => {
    doc.font(cell.bold ? 'bold' : 'regular').fontSize(size);
    height = Math.max(height, doc.heightOfString(pdfText(cell.text) || ' ', { width: widths[i]! - 2 * PAD }));
  });
  return height + 2 * PAD;
}

function drawRow(doc: Doc, cells: Cell[], widths: number[], size: number, fill: string | null): void {
  const height = rowHeight(doc, cells, widths, size);
  const y = doc.y;
  if (fill)
    doc
      .rect(
        MARGIN.left,
        y,
        widths.reduce((a, b) => a + b, 0),
        height,
      )
      .fill(fill);
  let x = MARGIN.left;
  cells.forEach((cell, i) => {
    doc
      .font(cell.bold ? 'bold' : 'regular')
      .fontSize(size)
      .fillColor(cell.color ?? COLOR.ink)
      .text(pdfText(cell.text) || ' ', x + PAD, y + PAD, { width: widths[i]! - 2 * PAD });
    x += widths[i]!;
  });
  doc
    .moveTo(MARGIN.left, y + height)
    .lineTo(x, y + height)
    .lineWidth(0.5)
    .strokeColor(COLOR.rule)
    .stroke();
  doc.x = MARGIN.left;
  doc.y = y + height;
  doc.fillColor(COLOR.ink);
}

/** A table; rows move whole to the next page, where the header row is drawn again. */
export function table(doc: Doc, columns: Column[], rows: CellInput[][], size = 9): void {
  const total = contentWidth(doc);
  const widths = columns.map((c) => c.width * total);
  const header = columns.map((c): Cell => ({ text: c.header, bold: true, color: COLOR.accent }));
  const drawHeader = (): void => drawRow(doc, header, widths, size, COLOR.band);
  ensureSpace(doc, rowHeight(doc, header, widths, size) * 2 + 8);
  drawHeader();
  rows.forEach((row, index) => {
    const cells = row.map(cellOf);
    if (doc.y + rowHeight(doc, cells, widths, size) > bottom(doc)) {
      doc.addPage();
      drawHeader();
    }
    drawRow(doc, cells, widths, size, index % 2 === 1 ? COLOR.zebra : null);
  });
  doc.moveDown(0.6);
}

/** Label–value pairs in a two-column grid. */
export function facts(doc: Doc, pairs: [label: string, value: string][], size = 9.5): void {
  const total = contentWidth(doc);
  const labelWidth = total * 0.3;
  for (const [label, value] of pairs) {
    doc.font('regular').fontSize(size);
    const h = Math.max(
      doc.heightOfString(pdfText(value) || ' ', { width: total - labelWidth }),
      doc.heightOfString(label, { width: labelWidth - 8 }),
    );
    ensureSpace(doc, h + 4);
    const y = doc.y;
    doc.fillColor(COLOR.muted).text(label, MARGIN.left, y, { width: labelWidth - 8 });
    doc
      .fillColor(COLOR.ink)
      .text(pdfText(value) || '—', MARGIN.left + labelWidth, y, { width: total - labelWidth });
    doc.y = y + h + 4;
  }
  doc.x = MARGIN.left;
  doc.moveDown(0.4);
}

export interface Line {
  text: string;
  bold?: boolean;
  color?: string;
  size?: number;
}

/** A block of lines with a coloured bar on its left, kept on one page. */
export function card(doc: Doc, bar: string, lines: Line[]): void {
  const width = contentWidth(doc) - 14;
  const measure = (line: Line): number =>
    doc
      .font(line.bold ? 'bold' : 'regular')
      .fontSize(line.size ?? 9.5)
      .heightOfString(pdfText(line.text), { width }) + 2;
  const height = lines.reduce((sum, line) => sum + measure(line), 0) + 8;
  ensureSpace(doc, height + 6);
  const top = doc.y;
  doc.rect(MARGIN.left, top, 3, height).fill(bar);
  let y = top + 4;
  for (const line of lines) {
    const h = measure(line);
    doc.fillColor(line.color ?? COLOR.ink).text(pdfText(line.text), MARGIN.left + 14, y, { width });
    y += h;
  }
  doc.x = MARGIN.left;
  doc.y = top + height + 6;
  doc.font('regular').fontSize(9.5).fillColor(COLOR.ink);
}

/** The running header and "Page N of M" footer, drawn on every buffered page. */
export function decoratePages(doc: Doc, header: { left: string; right: string }, footer: string): void {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i += 1) {
    doc.switchToPage(i);
    // Writing inside the margins must not trigger pdfkit's automatic page break.
    const saved = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    const width = contentWidth(doc);
    doc
      .font('bold')
      .fontSize(8.5)
      .fillColor(COLOR.accent)
      .text(header.left, MARGIN.left, 34, { width, lineBreak: false });
    doc
      .font('regular')
      .fillColor(COLOR.muted)
      .text(pdfText(header.right), MARGIN.left, 34, { width, align: 'right', lineBreak: false });
    doc
      .moveTo(MARGIN.left, 50)
      .lineTo(MARGIN.left + width, 50)
      .lineWidth(0.75)
      .strokeColor(COLOR.rule)
      .stroke();
    const y = doc.page.height - 44;
    doc
      .moveTo(MARGIN.left, y - 8)
      .lineTo(MARGIN.left + width, y - 8)
      .lineWidth(0.75)
      .strokeColor(COLOR.rule)
      .stroke();
    doc
      .fontSize(8)
      .fillColor(COLOR.muted)
      .text(footer, MARGIN.left, y, { width: width - 90, lineBreak: false });
    doc.text(`Page ${i - range.start + 1} of ${range.count}`, MARGIN.left, y, {
      width,
      align: 'right',
      lineBreak: false,
    });
    doc.page.margins.bottom = saved;
  }
}

/** The finished document's bytes. */
export function finish(doc: Doc): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.end();
  });
}
