import type { AuditEvent } from '../../../../shared/domain/audit';
import type { KycFileInfo } from '../../../../shared/domain/case';
import { isSelfie } from '../../../../shared/domain/file-order';
import type { Decision } from '../../../../shared/domain/decision';
import type { JsonObject } from '../../../../shared/domain/json';
import { DECISION_REASONS } from '../../../../shared/domain/reasons';
import { ruleNameLabel, statusReasonLabel } from '../../../../shared/domain/ondato-terms';

// Which file is shown first is shared with main (`cases:first-image`).
export { isSelfie, orderFiles } from '../../../../shared/domain/file-order';

/*
 * Human words for Ondato's open enums and our audit actions. Every lookup falls back to the raw value:
 * a status Ondato adds tomorrow is shown as it came, never dropped or guessed at.
 */

export type Tone = 'ok' | 'bad' | 'warn' | 'info' | 'neutral';
export type IconName =
  | 'check'
  | 'cross'
  | 'warning'
  | 'info'
  | 'clock'
  | 'pause'
  | 'question'
  | 'dot'
  | 'plus'
  | 'minus'
  | 'rotate'
  | 'fit'
  | 'reset'
  | 'expand'
  | 'refresh'
  | 'file'
  | 'back'
  | 'up'
  | 'down';

export interface StatusLabel {
  text: string;
  tone: Tone;
  icon: IconName;
  /** The raw value is not one KYC Desk knows. */
  unknown: boolean;
}

const known = (text: string, tone: Tone, icon: IconName): StatusLabel => ({
  text,
  tone,
  icon,
  unknown: false,
});
const raw = (value: string): StatusLabel => ({
  text: value,
  tone: 'neutral',
  icon: 'question',
  unknown: true,
});

function lookup<T>(table: Record<string, T>, key: string): T | undefined {
  return Object.prototype.hasOwnProperty.call(table, key) ? table[key] : undefined;
}

const IDV_STATUS: Record<string, StatusLabel> = {
  Pending: known('Pending: link not opened yet', 'neutral', 'clock'),
  InProgress: known('In progress', 'info', 'dot'),
  Completed: known('Completed by customer', 'info', 'check'),
  Aborted: known('Aborted by customer', 'warn', 'cross'),
  Expired: known('Expired', 'warn', 'clock'),
  Suspended: known('Suspended: customer will continue later', 'neutral', 'pause'),
};

export function idvStatusLabel(status: string): StatusLabel {
  return lookup(IDV_STATUS, status) ?? raw(status);
}

/** IDV statuses in which the customer can still use the link. */
export function isOpenIdv(status: string): boolean {
  return status === 'Pending' || status === 'InProgress' || status === 'Suspended';
}

const KYC_STATUS: Record<string, StatusLabel> = {
  Awaiting: known("Awaiting Ondato's decision", 'info', 'clock'),
  Approved: known('Approved by Ondato', 'ok', 'check'),
  Rejected: known('Rejected by Ondato', 'bad', 'cross'),
};

export function kycStatusLabel(status: string | null): StatusLabel {
  if (status === null) return known('No KYC identification yet', 'neutral', 'dot');
  return lookup(KYC_STATUS, status) ?? raw(status);
}

export { ruleNameLabel, statusReasonLabel };

const RULE_STATUS: Record<string, StatusLabel> = {
  Success: known('Passed', 'ok', 'check'),
  Fail: known('Failed', 'bad', 'cross'),
};

export function ruleStatusLabel(status: string | null): StatusLabel {
  if (status === null) return raw('No status');
  return lookup(RULE_STATUS, status) ?? raw(status);
}

const DOCUMENT_TYPE: Record<string, string> = {
  IdCard: 'ID card',
  Passport: 'Passport',
  DriverLicense: 'Driving licence',
  ResidencePermit: 'Residence permit',
};

export function documentTypeLabel(type: string): string {
  return lookup(DOCUMENT_TYPE, type) ?? type;
}

/** `DateOfBirth` → "Date of birth"; keys that are not CamelCase are returned as they are. */
export function humanizeKey(key: string): string {
  if (!/^[A-Z][A-Za-z0-9]*$/.test(key)) return key;
  const words = key.replace(/([a-z0-9])([A-Z])/g, '$1 $2').split(' ');
  return words.map((word, i) => (i === 0 ? word : word.toLowerCase())).join(' ');
}

// ---------------------------------------------------------------------------------------------------
// Files

const PART: Record<string, string> = {
  Front: 'Document front',
  Back: 'Document back',
  FrontCover: 'Passport cover',
  DataPage: 'Passport data page',
  Selfie: 'Selfie',
  Face: 'Selfie',
};

/** Front and data page: the document photo a selfie is compared with. */
export function isDocumentFace(file: Pick<KycFileInfo, 'part' | 'fileType'>): boolean {
  return file.part === 'Front' || file.part === 'DataPage';
}

/** What the image shows, for headings and alt text ("Document front", "Selfie", or the raw part). */
export function filePartLabel(file: Pick<KycFileInfo, 'part' | 'fileType'>): string {
  const part = file.part?.trim() || null;
  const known = part ? lookup(PART, part) : undefined;
  if (known) return known;
  if (isSelfie(file)) return part ? `Selfie (${part})` : 'Selfie';
  if (part) return `Document image (${part})`;
  if (file.fileType) return humanizeKey(file.fileType);
  return 'Document image';
}

// ---------------------------------------------------------------------------------------------------
// Decisions

export const DECISION_TEXT: Record<Decision, { verb: string; past: string; tone: Tone; icon: IconName }> = {
  accept: { verb: 'Accept', past: 'Accepted', tone: 'ok', icon: 'check' },
  reject: { verb: 'Reject', past: 'Rejected', tone: 'bad', icon: 'cross' },
  escalate: { verb: 'Escalate', past: 'Escalated', tone: 'warn', icon: 'warning' },
};

export function decisionText(decision: string): { verb: string; past: string; tone: Tone; icon: IconName } {
  return (
    lookup(DECISION_TEXT, decision) ?? { verb: decision, past: decision, tone: 'neutral', icon: 'question' }
  );
}

/** The label of a reason code; the raw code when it is not in the list (e.g. from a newer build). */
export function reasonLabel(decision: string, code: string | null): string | null {
  if (code === null) return null;
  const list = lookup(DECISION_REASONS, decision) ?? [];
  return list.find((reason) => reason.code === code)?.label ?? code;
}

// ---------------------------------------------------------------------------------------------------
// Timeline

export interface TimelineEntry {
  title: string;
  detail: string | null;
  who: string;
  tone: Tone;
  icon: IconName;
  /** The action is not one KYC Desk knows; `title` is its raw name. */
  unknown: boolean;
}

const str = (details: JsonObject, key: string): string | null => {
  const value = details[key];
  return typeof value === 'string' && value !== '' ? value : typeof value === 'number' ? String(value) : null;
};

function idvTransition(
  from: string | null,
  to: string | null,
): Pick<TimelineEntry, 'title' | 'tone' | 'icon'> {
  switch (to) {
    case 'InProgress':
      return from === 'Suspended'
        ? { title: 'Customer came back to the verification', tone: 'info', icon: 'dot' }
        : { title: 'Customer opened the link', tone: 'info', icon: 'dot' };
    case 'Completed':
      return { title: 'Customer completed the verification', tone: 'info', icon: 'check' };
    case 'Aborted':
      return { title: 'Customer quit the verification', tone: 'warn', icon: 'cross' };
    case 'Suspended':
      return { title: 'Customer paused to continue later', tone: 'neutral', icon: 'pause' };
    case 'Expired':
      return { title: 'Verification link expired', tone: 'warn', icon: 'clock' };
    case 'Pending':
      return { title: 'Verification is pending', tone: 'neutral', icon: 'clock' };
    default:
      return {
        title: `Verification status changed to ${to ?? 'unknown'}`,
        tone: 'neutral',
        icon: 'question',
      };
  }
}

function kycOutcome(
  to: string | null,
  reason: string | null,
): Pick<TimelineEntry, 'title' | 'detail' | 'tone' | 'icon'> {
  const because = reason ? statusReasonLabel(reason).text : null;
  switch (to) {
    case 'Approved':
      return { title: 'Ondato approved the identification', detail: because, tone: 'ok', icon: 'check' };
    case 'Rejected':
      return { title: 'Ondato rejected the identification', detail: because, tone: 'bad', icon: 'cross' };
    case 'Awaiting':
      return { title: "Awaiting Ondato's decision", detail: because, tone: 'info', icon: 'clock' };
    default:
      return {
        title: `Ondato set the KYC status to ${to ?? 'unknown'}`,
        detail: because,
        tone: 'neutral',
        icon: 'question',
      };
  }
}

/** Who did it: "Ondato" for what the sync saw upstream, else the officer's name and OS user. */
export function actorOf(event: Pick<AuditEvent, 'action' | 'officerName' | 'osUser'>): string {
  if (
    event.action.startsWith('sync.') ||
    event.action === 'kyc.decided_upstream' ||
    event.action === 'case.synced'
  )
    return 'Ondato';
  if (event.officerName && event.officerName !== event.osUser)
    return `${event.officerName} (${event.osUser})`;
  return event.officerName ?? event.osUser;
}

/** How counter mode was left (`counter.closed`), in the officer's words. */
const COUNTER_CLOSED_HOW: Record<string, string> = {
  pin: 'with the officer’s PIN',
  confirmation: 'confirmed by the officer',
  'workspace-switch': 'another workspace was opened',
};

export function timelineEntry(event: AuditEvent): TimelineEntry {
  const d = event.details ?? {};
  const who = actorOf(event);
  const entry = (title: string, tone: Tone, icon: IconName, detail: string | null = null): TimelineEntry => ({
    title,
    detail,
    who,
    tone,
    icon,
    unknown: false,
  });
  switch (event.action) {
    case 'case.created':
      return entry('Case created', 'neutral', 'dot');
    case 'case.synced':
      return entry('Checked with Ondato', 'neutral', 'dot');
    case 'sync.idv_status': {
      const t = idvTransition(str(d, 'from'), str(d, 'to') ?? str(d, 'status'));
      return entry(t.title, t.tone, t.icon);
    }
    case 'sync.kyc_started':
      return entry('Customer started the identity check', 'info', 'dot');
    case 'sync.kyc_submitted':
      return entry('Customer submitted the document', 'info', 'check');
    case 'sync.kyc_status':
    case 'kyc.decided_upstream': {
      const t = kycOutcome(str(d, 'to') ?? str(d, 'status'), str(d, 'reason') ?? str(d, 'statusReason'));
      return entry(t.title, t.tone, t.icon, t.detail);
    }
    case 'sync.document_updated':
      return entry('Ondato updated the document data', 'info', 'info');
    case 'sync.files_cached': {
      const count = str(d, 'count');
      return entry(
        count ? `${count} image${count === '1' ? '' : 's'} downloaded` : 'Images downloaded',
        'neutral',
        'dot',
      );
    }
    case 'decision.recorded': {
      const decision = str(d, 'decision') ?? '';
      const text = decisionText(decision);
      const reason = reasonLabel(decision, str(d, 'reasonCode'));
      const supersedes = str(d, 'supersedesId');
      const detail = [reason, supersedes ? 'replaces the earlier decision' : null].filter(Boolean).join('; ');
      return entry(`Decision recorded: ${text.past}`, text.tone, text.icon, detail || null);
    }
    case 'link.copied':
      return entry('Customer link copied', 'neutral', 'dot');
    case 'qr.shown':
      return entry('QR code shown', 'neutral', 'dot');
    case 'link.opened':
      return entry('Customer link opened in the browser', 'neutral', 'dot');
    case 'qr.saved':
      return entry('QR code saved as PNG', 'neutral', 'dot', str(d, 'where'));
    case 'counter.shown':
      return entry('Counter view shown to the customer', 'neutral', 'dot');
    case 'counter.closed':
      return entry(
        'Counter view closed',
        'neutral',
        'dot',
        COUNTER_CLOSED_HOW[str(d, 'confirmedWith') ?? ''] ?? null,
      );
    default:
      return { title: event.action, detail: null, who, tone: 'neutral', icon: 'question', unknown: true };
  }
}
