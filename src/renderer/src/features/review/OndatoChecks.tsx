import type { KycDetail } from '../../../../shared/domain/case';
import { Badge, Icon } from './Badge';
import { documentOf, ocrValidationsOf, rulesOf, textOf } from '../../../../shared/domain/compare';
import {
  documentTypeLabel,
  humanizeKey,
  kycStatusLabel,
  ruleNameLabel,
  ruleStatusLabel,
  statusReasonLabel,
} from './labels';
import './comparison.css';

function rulesSummary(total: number, failed: number, unsettled: number): string {
  const passed = total - failed - unsettled;
  if (failed === 0 && unsettled === 0) return `all ${total} passed`;
  return [
    failed ? `${failed} of ${total} failed` : null,
    unsettled ? `${unsettled} without a result` : null,
    passed ? `${passed} passed` : null,
  ]
    .filter(Boolean)
    .join(', ');
}

export function OndatoChecks({ kyc }: { kyc: KycDetail | null }): React.JSX.Element {
  if (!kyc) {
    return (
      <section className="rv-card" aria-labelledby="rv-checks-title">
        <h2 id="rv-checks-title">Ondato checks</h2>
        <p className="rv-muted">The customer has not started the identity check yet.</p>
      </section>
    );
  }
  const doc = documentOf(kyc.payload);
  const rules = rulesOf(kyc.payload);
  const ocr = ocrValidationsOf(doc);
  const ocrFailed = ocr.filter((v) => v.isValid === false);
  const ocrUnknown = ocr.filter((v) => v.isValid === null);
  const status = kycStatusLabel(kyc.status);
  const reason = kyc.statusReason ? statusReasonLabel(kyc.statusReason) : null;
  const type = doc ? textOf(doc.type) : null;
  const mrz = doc?.mrzVerified;
  const failedRules = rules.filter((r) => r.status === 'Fail').length;
  // A check without a known outcome is not a pass: it is never counted or coloured as one.
  const unsettledRules = rules.filter((r) => r.status !== 'Fail' && r.status !== 'Success').length;
  const mrzMatters = mrz === false && type !== 'DriverLicense';

  return (
    <section className="rv-card" aria-labelledby="rv-checks-title">
      <h2 id="rv-checks-title">Ondato checks</h2>
      <dl className="rv-facts rv-facts-compact">
        <div>
          <dt>Status</dt>
          <dd>
            <Badge tone={status.tone} icon={status.icon}>
              {status.text}
            </Badge>
            {status.unknown ? null : <span className="rv-note">Ondato: {kyc.status}</span>}
          </dd>
        </div>
        <div>
          <dt>Reason</dt>
          <dd>
            {reason ? (
              reason.unknown ? (
                <span className="rv-mono">{kyc.statusReason}</span>
              ) : (
                <>
                  {reason.text} <span className="rv-muted">({kyc.statusReason})</span>
                </>
              )
            ) : (
              <span className="rv-muted">None given</span>
            )}
          </dd>
        </div>
        <div>
          <dt>Document type</dt>
          <dd>{type ? documentTypeLabel(type) : <span className="rv-muted">Not read</span>}</dd>
        </div>
        <div>
          <dt>MRZ</dt>
          <dd>
            {mrz === true ? (
              <Badge tone="ok" icon="check">
                Verified
              </Badge>
            ) : mrz === false ? (
              <>
                <Badge tone="warn" icon="warning">
                  Not verified
                </Badge>
                {mrzMatters ? (
                  <span className="rv-note">
                    Matches on the name, date of birth, personal code and nationality carry a caveat.
                  </span>
                ) : null}
              </>
            ) : (
              <span className="rv-muted">Not read</span>
            )}
          </dd>
        </div>
        <div>
          <dt>Text recognition (OCR)</dt>
          <dd>
            {ocr.length === 0 ? (
              <span className="rv-muted">No results</span>
            ) : ocrFailed.length === 0 ? (
              <Badge tone="ok" icon="check">
                All {ocr.length} fields valid
              </Badge>
            ) : (
              <>
                <Badge tone="warn" icon="warning">
                  {ocrFailed.length} of {ocr.length} not valid
                </Badge>
                <span className="rv-note">{ocrFailed.map((v) => humanizeKey(v.key)).join(', ')}</span>
              </>
            )}
            {ocrUnknown.length ? (
              <span className="rv-note">
                No result for {ocrUnknown.map((v) => humanizeKey(v.key)).join(', ')}
              </span>
            ) : null}
            {ocrFailed.length || ocrUnknown.length ? (
              <span className="rv-caveat">
                <Icon name="warning" />
                <span>
                  Ondato could not validate these fields: where the data comparison shows them as matching,
                  the match carries a caveat.
                </span>
              </span>
            ) : null}
          </dd>
        </div>
      </dl>

      <h3 className="rv-h3">
        Automatic checks{' '}
        {rules.length ? (
          <span className="rv-muted rv-h3-note">
            {rulesSummary(rules.length, failedRules, unsettledRules)}
          </span>
        ) : null}
      </h3>
      {rules.length === 0 ? (
        <p className="rv-muted">Ondato has not run any checks yet.</p>
      ) : (
        <ul className="rv-rules">
          {rules.map((rule, index) => {
            const name = ruleNameLabel(rule.name);
            const result = ruleStatusLabel(rule.status);
            return (
              <li
                key={`${rule.name}-${index}`}
                className={rule.status === 'Fail' ? 'rv-rule-fail' : undefined}
              >
                <Badge tone={result.tone} icon={result.icon}>
                  {result.text}
                </Badge>
                <span className="rv-rule-name">
                  {name.unknown ? <span className="rv-mono">{rule.name}</span> : name.text}
                  {rule.reason ? <span className="rv-note">{rule.reason}</span> : null}
                  {rule.status !== 'Fail' && rule.status !== 'Success' ? (
                    <span className="rv-caveat">
                      <Icon name="warning" />
                      <span>Ondato did not report this check as passed.</span>
                    </span>
                  ) : null}
                </span>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
