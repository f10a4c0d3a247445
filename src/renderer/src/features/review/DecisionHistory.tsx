import type { DecisionRecord } from '../../../../shared/domain/decision';
import { Badge, Icon } from './Badge';
import { decisionText, reasonLabel } from './labels';
import { formatWhen, isoOf } from './time';

/** Earlier decisions with the one that replaced each; the current one last. Oldest first in, newest first out. */
export function decisionHistory(decisions: readonly DecisionRecord[]): {
  current: DecisionRecord | null;
  earlier: { record: DecisionRecord; supersededBy: DecisionRecord | null }[];
} {
  const sorted = [...decisions].sort((a, b) => a.id - b.id);
  const current = sorted.at(-1) ?? null;
  const earlier = sorted
    .slice(0, -1)
    .reverse()
    .map((record) => ({
      record,
      supersededBy:
        sorted.find((d) => d.supersedesId === record.id) ?? sorted[sorted.indexOf(record) + 1] ?? null,
    }));
  return { current, earlier };
}

function who(record: DecisionRecord): string {
  if (record.officerName && record.officerName !== record.osUser)
    return `${record.officerName} (${record.osUser})`;
  return record.officerName ?? record.osUser;
}

function Overridden({ record }: { record: DecisionRecord }): React.JSX.Element | null {
  if (!record.overriddenFlags.length) return null;
  const labels = record.overriddenFlags.map(
    (code) => record.riskFlags.find((f) => f.code === code)?.label ?? code,
  );
  return <p className="rv-note">Accepted over risk flags: {labels.join('; ')}</p>;
}

export function CurrentDecision({
  current,
  now,
  teamNotice = null,
}: {
  current: DecisionRecord | null;
  now: number;
  /**
   * In a team workspace, why this desk's decision is not (yet) the team's: proposed and waiting for a
   * second officer, sent back, in conflict, or not pushed yet. Null when it is in force.
   */
  teamNotice?: string | null;
}): React.JSX.Element {
  if (!current) return <p className="rv-muted">No decision recorded yet.</p>;
  const text = decisionText(current.decision);
  return (
    <div className={`rv-current rv-tone-border-${teamNotice ? 'warn' : text.tone}`}>
      <p className="rv-current-label">
        {teamNotice ? 'Your decision, not yet in force' : 'Current decision'}
      </p>
      {teamNotice ? (
        <p className="rv-current-team" role="note">
          <Icon name="warning" />
          <span>In the team: {teamNotice}</span>
        </p>
      ) : null}
      <p className="rv-current-value">
        <Badge tone={text.tone} icon={text.icon}>
          {text.past}
        </Badge>
        <span>{reasonLabel(current.decision, current.reasonCode) ?? 'No reason given'}</span>
      </p>
      {current.note ? <p className="rv-current-note">{current.note}</p> : null}
      <Overridden record={current} />
      <p className="rv-note">
        By {who(current)},{' '}
        <time dateTime={isoOf(current.decidedAt)}>{formatWhen(current.decidedAt, now)}</time>
      </p>
    </div>
  );
}

export function EarlierDecisions({
  earlier,
  now,
}: {
  earlier: ReturnType<typeof decisionHistory>['earlier'];
  now: number;
}): React.JSX.Element | null {
  if (!earlier.length) return null;
  return (
    <details className="rv-history">
      <summary>
        {earlier.length} earlier decision{earlier.length === 1 ? '' : 's'}
      </summary>
      <ol>
        {earlier.map(({ record, supersededBy }) => (
          <li key={record.id}>
            <span className="rv-history-what">
              {decisionText(record.decision).past}:{' '}
              {reasonLabel(record.decision, record.reasonCode) ?? 'no reason'}
            </span>
            <span className="rv-note">
              by {who(record)},{' '}
              <time dateTime={isoOf(record.decidedAt)}>{formatWhen(record.decidedAt, now)}</time>
            </span>
            {record.note ? <span className="rv-note rv-history-note">{record.note}</span> : null}
            <span className="rv-superseded">
              Superseded by{' '}
              {supersededBy
                ? `${decisionText(supersededBy.decision).past} (${formatWhen(supersededBy.decidedAt, now)})`
                : 'a later decision'}
            </span>
          </li>
        ))}
      </ol>
    </details>
  );
}
