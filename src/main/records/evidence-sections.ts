import type { EvidenceModel } from './evidence-model';
import type { Verdict } from './evidence-compare';
import { actionLabel, bytes, ondatoTime, partLabel, utc, yesNo } from './evidence-format';
import { imageSize } from './image-size';
import { card, COLOR, facts, paragraph, sectionHeading, table, type Cell, type Doc } from './pdf-layout';

/* The numbered sections of the evidence pack, in reading order. */

const VERDICT: Record<Verdict, Cell> = {
  match: { text: '✓ Match', color: COLOR.ok },
  mismatch: { text: '✗ MISMATCH', color: COLOR.bad, bold: true },
  missing: { text: '! Missing', color: COLOR.warn, bold: true },
  absent: { text: '—', color: COLOR.muted },
  'document-only': { text: 'Document only', color: COLOR.muted },
  waiting: { text: 'No document yet', color: COLOR.muted },
};

// The screen's "Match, with a caveat": a match Ondato could not confirm is never a plain ✓.
const CAVEATED: Cell = { text: '! Match, with a caveat', color: COLOR.warn, bold: true };

export function customerData(doc: Doc, m: EvidenceModel): void {
  sectionHeading(doc, 1, 'Customer data: registered and read from the document');
  const mismatches = m.comparison.filter((r) => r.verdict === 'mismatch').length;
  paragraph(
    doc,
    mismatches === 0
      ? 'No registered value differs from the document.'
      : `${mismatches} registered value(s) differ from the document (marked MISMATCH).`,
    { color: mismatches === 0 ? COLOR.muted : COLOR.bad },
  );
  doc.moveDown(0.4);
  table(
    doc,
    [
      { header: 'Field', width: 0.2 },
      { header: 'Registered by the officer', width: 0.25 },
      { header: 'Read from the document', width: 0.25 },
      { header: 'Result', width: 0.3 },
    ],
    m.comparison.map((r) => {
      const verdict = r.caveated ? CAVEATED : VERDICT[r.verdict];
      return [
        { text: r.label, color: COLOR.muted },
        r.registered ?? '—',
        r.document ?? '—',
        { ...verdict, text: r.note ? `${verdict.text}\n${r.note}` : verdict.text },
      ];
    }),
  );
}

export function ondatoSection(doc: Doc, m: EvidenceModel): void {
  sectionHeading(doc, 2, "Ondato's statuses and checks");
  const o = m.ondato;
  facts(doc, [
    ['Identity verification (IDV)', o.idvStatus],
    ['KYC identification status', o.kycStatus ?? 'No KYC identification yet'],
    ['Status reason', o.kycStatusReason ?? 'None given'],
    ['Completed at Ondato', ondatoTime(o.completedUtc)],
    ['Document type', o.documentType ?? '—'],
    ['MRZ verified', yesNo(o.mrzVerified)],
    ['Cross-checked by Ondato', yesNo(o.crossChecked)],
    ['OCR fields marked invalid', o.failedOcrFields.length > 0 ? o.failedOcrFields.join(', ') : 'None'],
  ]);
  if (o.checks.length === 0) {
    paragraph(doc, 'Ondato reported no automatic checks for this case.', { color: COLOR.muted });
    return;
  }
  table(
    doc,
    [
      { header: 'Ondato check', width: 0.45 },
      { header: 'Result', width: 0.2 },
      { header: 'Reason', width: 0.35 },
    ],
    o.checks.map((c) => [
      c.name,
      {
        text: c.status ?? 'Not reported',
        color: c.status === 'Fail' ? COLOR.bad : c.status === 'Success' ? COLOR.ok : COLOR.muted,
        bold: c.status === 'Fail',
      },
      c.reason ?? '—',
    ]),
  );
}

export function riskSection(doc: Doc, m: EvidenceModel): void {
  sectionHeading(doc, 3, 'Risk flags and how each was handled');
  if (m.riskFlags.length === 0) {
    paragraph(doc, 'No risk flag applies to this case.', { color: COLOR.ok });
    return;
  }
  table(
    doc,
    [
      { header: 'Flag', width: 0.28 },
      { header: 'Detail', width: 0.37 },
      { header: 'How it was handled', width: 0.35 },
    ],
    m.riskFlags.map((f) => [
      { text: `${f.label}\n${f.code}`, bold: true, color: COLOR.warn },
      f.detail,
      f.handled,
    ]),
  );
}

export function decisionsSection(doc: Doc, m: EvidenceModel): void {
  sectionHeading(doc, 4, "Officer's decisions");
  if (m.decisions.length === 0) {
    paragraph(doc, 'No officer has recorded a decision on this case.', { color: COLOR.muted });
    return;
  }
  paragraph(doc, 'Oldest first; each later decision supersedes the one before it.', {
    color: COLOR.muted,
    size: 8.5,
  });
  doc.moveDown(0.4);
  for (const d of m.decisions) {
    const color = d.decision === 'accept' ? COLOR.ok : d.decision === 'reject' ? COLOR.bad : COLOR.warn;
    const reason = d.reasonCode ? `${d.reasonLabel ?? d.reasonCode} (${d.reasonCode})` : 'No reason code';
    card(doc, color, [
      {
        text: `${d.decision.toUpperCase()}${d.superseded ? ' (superseded)' : ''}: ${reason}`,
        bold: true,
        color,
      },
      {
        text: `${utc(d.at)} · ${d.officer}${d.officer === d.osUser ? '' : ` (OS user ${d.osUser})`}`,
        color: COLOR.muted,
      },
      { text: d.note ? `Note: ${d.note}` : 'No note.' },
    ]);
  }
}

export function timelineSection(doc: Doc, m: EvidenceModel): void {
  sectionHeading(doc, 5, 'Case timeline (audit trail)');
  if (m.timeline.length === 0) {
    paragraph(doc, 'The audit trail holds no event for this case.', { color: COLOR.muted });
    return;
  }
  table(
    doc,
    [
      { header: 'Seq', width: 0.07 },
      { header: 'Time', width: 0.2 },
      { header: 'Event', width: 0.22 },
      { header: 'By', width: 0.18 },
      { header: 'Details', width: 0.33 },
    ],
    m.timeline.map((e) => [String(e.seq), utc(e.at), actionLabel(e.action), e.by, e.details || '—']),
    8.5,
  );
}

export function integritySection(doc: Doc, m: EvidenceModel): void {
  sectionHeading(doc, 6, 'Integrity: audit chain head and image hashes');
  facts(doc, [
    ['Generated', utc(m.generatedAt)],
    ['Generated by', `${m.app.name} ${m.app.version}`],
    ['Workspace', `${m.workspace.name} (${m.workspace.environment})`],
  ]);
  card(doc, COLOR.accent, [
    {
      text: m.chainHead
        ? `Audit chain head: event ${m.chainHead.seq}`
        : 'Audit chain head: the trail is empty',
      bold: true,
    },
    ...(m.chainHead ? [{ text: m.chainHead.mac, size: 8.5 }] : []),
    {
      text:
        'The newest audit event of the workspace when this pack was made; a later audit verification can ' +
        'confirm the trail still contains it.',
      color: COLOR.muted,
      size: 8,
    },
  ]);
  paragraph(doc, 'SHA-256 of each image, computed over the exact bytes embedded in this document:', {
    color: COLOR.muted,
    size: 8.5,
  });
  doc.moveDown(0.3);
  for (const image of m.images) {
    const s = image.stored;
    if (!s) {
      card(doc, COLOR.warn, [
        { text: `${partLabel(image.part)}: not downloaded`, bold: true, color: COLOR.warn },
      ]);
      continue;
    }
    const px = imageSize(s.bytes);
    card(doc, s.hashMatchesDownload ? COLOR.rule : COLOR.bad, [
      {
        text: `${partLabel(image.part)} · ${s.mime ?? 'unknown type'}${px ? ` · ${px.width} × ${px.height} px` : ''} · ${bytes(s.size)}`,
        bold: true,
      },
      { text: s.sha256, size: 8.5 },
      ...(s.hashMatchesDownload
        ? []
        : [
            {
              text: 'These bytes DIFFER from the hash recorded when the image was downloaded.',
              color: COLOR.bad,
              bold: true,
            },
          ]),
    ]);
  }
}
