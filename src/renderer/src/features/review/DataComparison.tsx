import { useMemo } from 'react';
import type { CaseView } from '../../../../shared/domain/views';
import { Badge, Icon } from './Badge';
import { compareCase, type ComparisonRow, type Segment } from '../../../../shared/domain/compare';
import { ocrWarning, rowOutcome, type OutcomeTone } from '../../../../shared/domain/compare-text';
import { formatDate } from '../../../../shared/domain/dates';
import { humanizeKey, type IconName } from './labels';
import './comparison.css';

const ICON: Record<OutcomeTone, IconName> = { ok: 'check', warn: 'warning', bad: 'cross', neutral: 'dot' };

/**
 * A value with its differing characters marked. The marks are for the eye; the row's "Differs — …"
 * line says the same in words for screen readers (a <mark> is not announced everywhere).
 */
function Marked({
  value,
  segments,
}: {
  value: string;
  segments: readonly Segment[] | undefined;
}): React.ReactNode {
  // Only when the segments spell exactly the value shown (they always should; never show a wrong mark).
  if (!segments || segments.map((s) => s.text).join('') !== value.normalize('NFC')) return value;
  return (
    <span className="rv-diff">
      {segments.map((s, i) =>
        s.differs ? (
          <mark key={i} className="rv-diff-mark">
            {s.text.replace(/ /g, '\u00a0')}
          </mark>
        ) : (
          <span key={i}>{s.text}</span>
        ),
      )}
    </span>
  );
}

function Value({
  value,
  segments,
}: {
  value: string | null;
  segments?: readonly Segment[];
}): React.ReactNode {
  return value === null ? <span className="rv-muted">—</span> : <Marked value={value} segments={segments} />;
}

function ResultCell({ row }: { row: ComparisonRow }): React.JSX.Element {
  const outcome = rowOutcome(row);
  return (
    <td>
      <Badge tone={outcome.tone} icon={row.verdict === 'waiting' ? 'clock' : ICON[outcome.tone]}>
        {outcome.text}
      </Badge>
      {row.caveat ? (
        <span className="rv-caveat">
          <Icon name="warning" />
          <span>{row.caveat.text}</span>
        </span>
      ) : null}
      {row.note ? <span className="rv-note">{row.note}</span> : null}
      {row.diff ? <span className="rv-note rv-diff-summary">{row.diff.summary}</span> : null}
    </td>
  );
}

function Summary({
  counts,
}: {
  counts: { match: number; mismatch: number; missing: number; caveat: number };
}): React.JSX.Element {
  return (
    <p className="rv-summary">
      {counts.match} match
      {counts.caveat ? ` (${counts.caveat} with a caveat)` : null}
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
  );
}

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
        <Summary counts={counts} />
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
              const warning = ocrWarning(row);
              return (
                <tr
                  key={row.key}
                  className={`rv-row-${row.verdict}${row.caveat ? ' rv-row-caveat' : ''}`}
                  data-kind={row.kind ?? undefined}
                  data-field={row.key}
                >
                  <th scope="row">{row.label}</th>
                  <td>
                    <Value value={row.entered} segments={row.diff?.entered} />
                  </td>
                  <td>
                    <Value value={row.document} segments={row.diff?.document} />
                    {warning ? (
                      <span className="rv-ocr">
                        <Icon name="warning" />
                        {warning}
                      </span>
                    ) : null}
                  </td>
                  <ResultCell row={row} />
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
