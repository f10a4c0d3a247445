import type { EvidenceImage, EvidenceModel } from './evidence-model';
import { bytes, ondatoTime, partLabel, utc } from './evidence-format';
import {
  customerData,
  decisionsSection,
  integritySection,
  ondatoSection,
  riskSection,
  timelineSection,
} from './evidence-sections';
import type { PdfFonts } from './fonts';
import { imageSize } from './image-size';
import {
  COLOR,
  MARGIN,
  contentWidth,
  createDoc,
  decoratePages,
  finish,
  paragraph,
  pdfText,
  sectionHeading,
  type Doc,
} from './pdf-layout';

/*
 * The evidence pack: one self-contained PDF an auditor can read without KYC Desk. Fonts are embedded
 * (subset), images are embedded byte for byte (JPEG as is, PNG losslessly) and only scaled for display.
 */

function titleBlock(doc: Doc, m: EvidenceModel): void {
  const width = contentWidth(doc);
  doc.font('bold').fontSize(22).fillColor(COLOR.accent).text('Evidence pack', MARGIN.left, MARGIN.top);
  doc
    .font('regular')
    .fontSize(15)
    .fillColor(COLOR.ink)
    .text(pdfText(m.customerName ?? 'Customer name not known'), { width });
  if (m.customerNameAsRead !== null)
    doc
      .fontSize(11)
      .fillColor(COLOR.bad)
      .text(pdfText(`Registered name above; the document was read as: ${m.customerNameAsRead}`), { width });
  doc.moveDown(0.6);
  const summary: [string, string, string][] = [
    ['Ondato IDV', m.ondato.idvStatus, COLOR.ink],
    [
      'Ondato KYC',
      m.ondato.kycStatus
        ? `${m.ondato.kycStatus}${m.ondato.kycStatusReason ? ` · ${m.ondato.kycStatusReason}` : ''}`
        : 'Not started',
      m.ondato.kycStatus === 'Rejected'
        ? COLOR.bad
        : m.ondato.kycStatus === 'Approved'
          ? COLOR.ok
          : COLOR.ink,
    ],
    ...latestDecision(m),
    ['Risk flags', String(m.riskFlags.length), m.riskFlags.length > 0 ? COLOR.warn : COLOR.ok],
  ];
  const boxWidth = (width - 3 * 8) / 4;
  const y = doc.y;
  summary.forEach(([label, value, color], i) => {
    const x = MARGIN.left + i * (boxWidth + 8);
    doc.roundedRect(x, y, boxWidth, 50, 4).fillAndStroke(COLOR.band, COLOR.rule);
    doc
      .font('regular')
      .fontSize(7.5)
      .fillColor(COLOR.muted)
      .text(label.toUpperCase(), x + 8, y + 8, { width: boxWidth - 16 });
    doc
      .font('bold')
      .fontSize(10)
      .fillColor(color)
      .text(pdfText(value), x + 8, y + 22, { width: boxWidth - 16, height: 26, ellipsis: true });
  });
  doc.x = MARGIN.left;
  doc.y = y + 64;
  doc.font('regular').fontSize(9.5).fillColor(COLOR.ink);
  const meta: [string, string][] = [
    ['Case (Ondato IDV id)', m.caseId],
    ['External reference', m.externalRef ?? '—'],
    ['Ondato KYC identification', m.kycId ?? '—'],
    ['Created at Ondato', ondatoTime(m.createdUtc)],
    ['Last synced', utc(m.syncedAt)],
  ];
  const labelWidth = width * 0.3;
  for (const [label, value] of meta) {
    const rowY = doc.y;
    doc.fillColor(COLOR.muted).text(label, MARGIN.left, rowY, { width: labelWidth });
    doc
      .fillColor(COLOR.ink)
      .text(pdfText(value), MARGIN.left + labelWidth, rowY, { width: width - labelWidth });
    doc.moveDown(0.15);
  }
  doc.x = MARGIN.left;
}

function latestDecision(m: EvidenceModel): [string, string, string][] {
  const d = m.decisions[m.decisions.length - 1];
  if (!d) return [['Officer decision', 'None yet', COLOR.muted]];
  const color = d.decision === 'accept' ? COLOR.ok : d.decision === 'reject' ? COLOR.bad : COLOR.warn;
  return [['Officer decision', d.decision.toUpperCase(), color]];
}

function imagePage(doc: Doc, image: EvidenceImage, index: number): void {
  doc.addPage();
  sectionHeading(doc, 7, `Images: ${partLabel(image.part)} (${index + 1})`);
  const s = image.stored;
  if (!s) {
    paragraph(doc, 'This image was not downloaded from Ondato before the pack was made.', {
      color: COLOR.warn,
    });
    return;
  }
  const px = imageSize(s.bytes);
  paragraph(
    doc,
    `${s.mime ?? 'Unknown type'}${px ? ` · ${px.width} × ${px.height} px, embedded at full resolution` : ''} · ${bytes(s.size)}`,
    { color: COLOR.muted, size: 8.5 },
  );
  paragraph(doc, `Downloaded from Ondato ${utc(s.fetchedAt)}`, { color: COLOR.muted, size: 8.5 });
  paragraph(doc, `SHA-256 ${s.sha256}`, { color: COLOR.muted, size: 8.5 });
  doc.moveDown(0.6);
  if (s.mime !== 'image/jpeg' && s.mime !== 'image/png') {
    paragraph(doc, 'This file is not a JPEG or PNG image and is not embedded; its hash identifies it.', {
      color: COLOR.warn,
    });
    return;
  }
  // Scaled to fit the page for display only; the embedded image keeps every pixel.
  const top = doc.y;
  const boxWidth = contentWidth(doc) - 12;
  const boxHeight = doc.page.height - MARGIN.bottom - top - 12;
  const scale = px ? Math.min(boxWidth / px.width, boxHeight / px.height) : 1;
  const width = px ? px.width * scale : boxWidth;
  const height = px ? px.height * scale : boxHeight;
  const x = MARGIN.left + 6 + (boxWidth - width) / 2;
  doc.image(s.bytes, x, top + 6, px ? { width, height } : { fit: [boxWidth, boxHeight], align: 'center' });
  doc
    .rect(x - 6, top, width + 12, height + 12)
    .lineWidth(0.5)
    .strokeColor(COLOR.rule)
    .stroke();
}

export async function renderEvidencePdf(model: EvidenceModel, fonts: PdfFonts): Promise<Buffer> {
  const doc = createDoc(fonts, {
    title: `Evidence pack — case ${model.externalRef ?? model.caseId}`,
    subject: `Identity verification ${model.caseId}`,
    creator: `${model.app.name} ${model.app.version}`,
    at: new Date(model.generatedAt),
  });
  titleBlock(doc, model);
  customerData(doc, model);
  ondatoSection(doc, model);
  riskSection(doc, model);
  decisionsSection(doc, model);
  timelineSection(doc, model);
  integritySection(doc, model);
  model.images.forEach((image, i) => imagePage(doc, image, i));
  decoratePages(
    doc,
    { left: `${model.app.name} · Evidence pack`, right: `Case ${model.externalRef ?? model.caseId}` },
    `Generated ${utc(model.generatedAt)} by ${model.app.name} ${model.app.version}`,
  );
  return finish(doc);
}
