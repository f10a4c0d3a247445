import type { KycDetail } from '../../../../shared/domain/case';
import { Badge } from './Badge';
import { documentOf, ocrValidationsOf, rulesOf, textOf } from '../../../../shared/domain/compare';
import {
  documentTypeLabel,
  humanizeKey,
  kycStatusLabel,
  ruleNameLabel,
  ruleStatusLabel,
  statusReasonLabel,
} from './labels';

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
              <Badge tone="warn" icon="warning">
                Not verified
              </Badge>
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
          </dd>
        </div>
      </dl>

      <h3 className="rv-h3">
        Automatic checks{' '}
        {rules.length ? (
          <span className="rv-muted rv-h3-note">
            {failedRules ? `${failedRules} of ${rules.length} failed` : `all ${rules.length} passed`}
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
                </span>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
