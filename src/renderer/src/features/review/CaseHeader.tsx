import type { CaseView } from '../../../../shared/domain/views';
import { ExportButton } from '../../components/ExportButton';
import { useStore } from '../../store';
import { Badge, Icon } from './Badge';
import { documentOf } from '../../../../shared/domain/compare';
import { differingNames } from '../../../../shared/domain/case-names';
import { idvStatusLabel, kycStatusLabel, statusReasonLabel } from './labels';
import { formatAgo, formatWhen, isoOf } from './time';
import './comparison.css';

export const TITLE_ID = 'rv-title';

/** The customer's name as best known: the case's, else the registration's, else the document's. */
export function customerName(view: CaseView): string | null {
  if (view.fullName?.trim()) return view.fullName.trim();
  const reg = view.registration;
  const entered = [reg?.firstName, reg?.middleName, reg?.lastName].filter((p) => p && p.trim()).join(' ');
  if (entered) return entered;
  const full = documentOf(view.kyc?.payload)?.fullName;
  return typeof full === 'string' && full.trim() ? full.trim() : null;
}

function NameLine({ view }: { view: CaseView }): React.JSX.Element | null {
  const names = differingNames(view);
  if (names)
    return (
      <p className="rv-names" data-testid="case-names">
        <Icon name="warning" />
        <span>
          <span className="rv-names-label">Registered:</span> {names.registered}
          <span aria-hidden="true"> · </span>
          <span className="sr-only">; </span>
          <span className="rv-names-label">As read from the document:</span> {names.asRead}
        </span>
      </p>
    );
  if (!view.registeredName?.trim() && view.nameAsRead?.trim())
    return <p className="rv-muted rv-names-source">Name as read from the document (no registered name)</p>;
  return null;
}

/** When the case was last checked with Ondato: the later of the IDV's and the KYC's sync. */
export function lastSyncedAt(view: CaseView): number | null {
  const times = [view.syncedAt, view.kyc?.syncedAt ?? null].filter((t): t is number => typeof t === 'number');
  return times.length ? Math.max(...times) : null;
}

export function CaseHeader({
  view,
  refreshing,
  refreshError,
  onRefresh,
  now,
}: {
  view: CaseView;
  refreshing: boolean;
  refreshError: string | null;
  onRefresh: () => void;
  now: number;
}): React.JSX.Element {
  const name = customerName(view);
  const idv = idvStatusLabel(view.idvStatus);
  const kycStatus = view.kyc?.status ?? view.kycStatus;
  const kyc = kycStatusLabel(kycStatus);
  const reasonRaw = view.kyc?.statusReason ?? view.kycStatusReason;
  const reason = reasonRaw ? statusReasonLabel(reasonRaw) : null;
  const crossChecked = view.kyc?.isCrossChecked ?? null;
  const mrz = documentOf(view.kyc?.payload)?.mrzVerified;
  const synced = lastSyncedAt(view);
  const exportCasePdf = useStore((s) => s.exportCasePdf);

  return (
    <header className="rv-header">
      <div className="rv-title-row">
        <div>
          <h1 id={TITLE_ID} className="rv-title">
            {name ?? 'Unnamed customer'}
          </h1>
          <NameLine view={view} />
          <p className="rv-subtitle">
            {view.externalRef ? (
              <>
                External reference <span className="rv-mono">{view.externalRef}</span>
              </>
            ) : (
              'No external reference'
            )}
            <span aria-hidden="true"> · </span>
            Case <span className="rv-mono">{view.id}</span>
          </p>
        </div>
        <div className="rv-refresh">
          <button
            type="button"
            className="rv-button"
            onClick={() => {
              if (!refreshing) onRefresh();
            }}
            aria-disabled={refreshing || undefined}
            aria-describedby="rv-synced"
          >
            <Icon name="refresh" className={refreshing ? 'rv-spin' : undefined} />
            {refreshing ? 'Refreshing…' : 'Refresh'}
          </button>
          <span id="rv-synced" className="rv-muted">
            {synced === null ? (
              'Not synced with Ondato yet'
            ) : (
              <>
                Last synced <time dateTime={isoOf(synced)}>{formatWhen(synced, now)}</time> (
                {formatAgo(synced, now)})
              </>
            )}
          </span>
          <ExportButton
            label="Export PDF"
            what="Evidence pack"
            className="rv-button"
            run={() => exportCasePdf(view.id)}
          />
        </div>
      </div>
      {refreshError ? (
        <p className="rv-inline-error" role="alert">
          <Icon name="warning" />
          <span>
            Could not refresh from Ondato: {refreshError} The data below is what KYC Desk has cached.
          </span>
        </p>
      ) : null}
      <dl className="rv-facts">
        <div>
          <dt>Verification (IDV)</dt>
          <dd>
            <Badge tone={idv.tone} icon={idv.icon} title={idv.unknown ? undefined : view.idvStatus}>
              {idv.text}
            </Badge>
          </dd>
        </div>
        <div>
          <dt>Ondato KYC status</dt>
          <dd>
            <Badge tone={kyc.tone} icon={kyc.icon} title={kyc.unknown || !kycStatus ? undefined : kycStatus}>
              {kyc.text}
            </Badge>
            {reason ? (
              <span className="rv-reason" title={reason.unknown ? undefined : (reasonRaw ?? undefined)}>
                {reason.text}
              </span>
            ) : null}
          </dd>
        </div>
        <div>
          <dt>Ondato review</dt>
          <dd>
            {crossChecked === true ? (
              <Badge tone="ok" icon="check">
                Reviewed by Ondato&apos;s team
              </Badge>
            ) : crossChecked === false ? (
              <Badge tone="neutral" icon="info">
                Automatic checks only
              </Badge>
            ) : (
              <span className="rv-muted">Not known yet</span>
            )}
          </dd>
        </div>
        <div>
          <dt>MRZ</dt>
          <dd>
            {mrz === true ? (
              <Badge tone="ok" icon="check">
                Verified
              </Badge>
            ) : mrz === false ? (
              <Badge tone="warn" icon="warning">
                Not verified
              </Badge>
            ) : (
              <span className="rv-muted">Not read</span>
            )}
          </dd>
        </div>
      </dl>
    </header>
  );
}
