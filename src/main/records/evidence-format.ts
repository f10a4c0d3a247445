/** Times and values as the evidence pack prints them: UTC, unambiguous, never locale-dependent. */

export function utc(ms: number | null): string {
  if (ms === null) return '—';
  return `${new Date(ms)
    .toISOString()
    .replace('T', ' ')
    .replace(/\.\d{3}Z$/, '')} UTC`;
}

/** Ondato's ISO strings as printed; unparsable values are shown as received. */
export function ondatoTime(iso: string | null): string {
  if (!iso) return '—';
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? iso : utc(ms);
}

export function yesNo(value: boolean | null): string {
  return value === null ? 'Not reported' : value ? 'Yes' : 'No';
}

export function bytes(n: number): string {
  return `${n.toLocaleString('en-GB')} bytes`;
}

const ACTIONS: Record<string, string> = {
  'case.created': 'Case created',
  'case.synced': 'Synced from Ondato',
  'kyc.decided_upstream': 'Ondato decided',
  'decision.recorded': 'Officer decision recorded',
  'link.copied': 'Customer link copied',
  'link.opened': 'Customer link opened',
  'qr.shown': 'QR code shown',
  'sync.idv_status': 'IDV status changed at Ondato',
  'sync.kyc_started': 'KYC identification started',
  'sync.kyc_submitted': 'Customer submitted the document',
  'sync.kyc_status': 'KYC status changed at Ondato',
  'sync.document_updated': 'Document data changed at Ondato',
  'sync.files_cached': 'Images downloaded',
  'export.case_pdf': 'Evidence pack exported',
  'export.case_register': 'Case register exported',
  'qr.saved': 'QR code saved as PNG',
  'counter.shown': 'Counter view shown to the customer',
  'counter.closed': 'Counter view closed by the officer',
};

export function actionLabel(action: string): string {
  return ACTIONS[action] ?? action;
}

export function partLabel(part: string): string {
  const known: Record<string, string> = {
    front: 'Document front',
    back: 'Document back',
    selfie: 'Selfie',
    face: 'Selfie',
  };
  return known[part.toLowerCase()] ?? part;
}
