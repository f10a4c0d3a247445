import type { Decision } from '../../../shared/domain/decision';
import { Icon, type IconName } from './Icon';

export type Tone = 'neutral' | 'progress' | 'success' | 'danger' | 'warning';

interface StatusInfo {
  label: string;
  icon: IconName;
  tone: Tone;
}

const IDV: Record<string, StatusInfo> = {
  Pending: { label: 'Pending', icon: 'clock', tone: 'neutral' },
  InProgress: { label: 'In progress', icon: 'progress', tone: 'progress' },
  Completed: { label: 'Completed', icon: 'checkCircle', tone: 'success' },
  Aborted: { label: 'Aborted', icon: 'xCircle', tone: 'danger' },
  Expired: { label: 'Expired', icon: 'hourglass', tone: 'warning' },
  Suspended: { label: 'Suspended', icon: 'pause', tone: 'warning' },
};

const KYC: Record<string, StatusInfo> = {
  Awaiting: { label: 'Awaiting', icon: 'clock', tone: 'progress' },
  Approved: { label: 'Approved', icon: 'checkCircle', tone: 'success' },
  Rejected: { label: 'Rejected', icon: 'xCircle', tone: 'danger' },
};

const DECISION: Record<Decision, StatusInfo> = {
  accept: { label: 'Accepted', icon: 'checkCircle', tone: 'success' },
  reject: { label: 'Rejected', icon: 'xCircle', tone: 'danger' },
  escalate: { label: 'Escalated', icon: 'flag', tone: 'warning' },
};

// Unknown values Ondato may add later are shown as they are, never hidden.
const unknown = (value: string): StatusInfo => ({ label: value, icon: 'minus', tone: 'neutral' });

export const IDV_STATUSES = Object.keys(IDV);
export const KYC_STATUSES = Object.keys(KYC);

export function idvStatusInfo(value: string): StatusInfo {
  return IDV[value] ?? unknown(value);
}

export function kycStatusInfo(value: string | null): StatusInfo {
  if (value === null) return { label: 'Not started', icon: 'minus', tone: 'neutral' };
  return KYC[value] ?? unknown(value);
}

export function decisionInfo(value: Decision | null): StatusInfo {
  if (value === null) return { label: 'Not decided', icon: 'minus', tone: 'neutral' };
  return DECISION[value];
}

/** A status in words with an icon; colour only reinforces it. */
export function Status({ info }: { info: StatusInfo }): React.JSX.Element {
  return (
    <span className="status" data-tone={info.tone}>
      <Icon name={info.icon} />
      <span>{info.label}</span>
    </span>
  );
}
