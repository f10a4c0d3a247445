import { useMemo } from 'react';
import type { CaseView } from '../../../../shared/domain/views';
import { Badge, Icon } from './Badge';
import { compareCase, type Verdict } from '../../../../shared/domain/compare';
import { formatDate } from '../../../../shared/domain/dates';
import { humanizeKey, type IconName, type Tone } from './labels';

const VERDICT: Record<Verdict, { text: string; tone: Tone; icon: IconName }> = {
  match: { text: 'Match', tone: 'ok', icon: 'check' },
  mismatch: { text: 'Mismatch', tone: 'bad', icon: 'cross' },
  missing: { text: 'Missing', tone: 'warn', icon: 'warning' },
  absent: { text: 'Not given', tone: 'neutral', icon: 'dot' },
  'document-only': { text: 'From document', tone: 'neutral', icon: 'info' },
  waiting: { text: 'Awaiting document', tone: 'neutral', icon: 'clock' },
};

export function DataComparison({ view, now }: { view: CaseView; now: number }): React.JSX.Element {
  const day = new Date(now).toDateString();
  const comparison = useMemo(
    () => compareCase(view.registration, view.kyc?.payload ?? null, new Date(day)),
    [view.registration, view.kyc?.payload, day],
  );
  const { rows, counts, expiry, age } = comparison;

  return (
    <section className="rv-card" aria-labelledby="rv-compare-title">
      <h2 id="rv-compare-title">Data comparison</h2>
      {!comparison.hasDocument ? (
        <p className="rv-muted">
          Ondato has not read a document yet: it appears here once the customer submits it.
        </p>
      ) : (
        <p className="rv-summary">
          {counts.match} match
          {counts.mismatch ? (
            <>
              ,{' '}
              <strong>
                {counts.mismatch} mismatch{counts.mismatch === 1 ? '' : 'es'}
              </strong>
            </>
          ) : null}
          {counts.missing ? `, ${counts.missing} missing` : null}
        </p>
      )}
      {!comparison.hasRegistration ? (
        <p className="rv-muted">
          This case was not created in KYC Desk, so there is no data entered by an officer to compare.
        </p>
      ) : null}

      {expiry?.expired || age?.under18 ? (
        <ul className="rv-flags" aria-label="Warnings">
          {expiry?.expired ? (
            <li>
              <Badge tone="bad" icon="warning">
                Document expired on {formatDate(expiry.date)}
              </Badge>
            </li>
          ) : null}
          {age?.under18 ? (
            <li>
              <Badge tone="bad" icon="warning">
                Customer is under 18 ({age.years} years old, from the{' '}
                {age.source === 'document' ? 'document' : 'entered'} date of birth)
              </Badge>
            </li>
          ) : null}
        </ul>
      ) : null}

      <div className="rv-table-wrap">
        <table className="rv-table">
          <thead>
            <tr>
              <th scope="col">Field</th>
              <th scope="col">Entered by officer</th>
              <th scope="col">Read from document</th>
              <th scope="col">Result</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => {
              const verdict = VERDICT[row.verdict];
              return (
                <tr key={row.key} className={`rv-row-${row.verdict}`} data-field={row.key}>
                  <th scope="row">{row.label}</th>
                  <td>{row.entered ?? <span className="rv-muted">—</span>}</td>
                  <td>
                    {row.document ?? <span className="rv-muted">—</span>}
                    {row.ocrInvalid ? (
                      <span className="rv-ocr">
                        <Icon name="warning" />
                        Ondato could not validate this field
                      </span>
                    ) : null}
                  </td>
                  <td>
                    <Badge tone={verdict.tone} icon={verdict.icon}>
                      {verdict.text}
                    </Badge>
                    {row.note ? <span className="rv-note">{row.note}</span> : null}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {comparison.otherOcrFailures.length ? (
        <p className="rv-ocr-other">
          <Icon name="warning" />
          <span>
            Ondato could not validate other fields:{' '}
            {comparison.otherOcrFailures.map((key) => humanizeKey(key)).join(', ')}
          </span>
        </p>
      ) : null}
    </section>
  );
}
