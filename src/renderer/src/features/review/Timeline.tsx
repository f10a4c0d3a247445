import type { AuditEvent } from '../../../../shared/domain/audit';
import { Icon } from './Badge';
import { timelineEntry } from './labels';
import { formatWhen, isoOf } from './time';

export function Timeline({
  events,
  error,
  onRetry,
  now,
}: {
  events: readonly AuditEvent[] | null;
  error: string | null;
  onRetry: () => void;
  now: number;
}): React.JSX.Element {
  // Newest first, whatever order arrived.
  const sorted = events ? [...events].sort((a, b) => b.at - a.at || b.seq - a.seq) : null;
  return (
    <section className="rv-card" aria-labelledby="rv-timeline-title">
      <h2 id="rv-timeline-title">
        Timeline <span className="rv-muted rv-h3-note">newest first</span>
      </h2>
      {error ? (
        <div className="rv-inline-error" role="alert">
          <Icon name="warning" />
          <span>Could not load the timeline: {error}</span>
          <button type="button" className="rv-button rv-button-small" onClick={onRetry}>
            Try again
          </button>
        </div>
      ) : null}
      {sorted === null ? (
        error ? null : (
          <p className="rv-muted" aria-busy="true">
            Loading the timeline…
          </p>
        )
      ) : sorted.length === 0 ? (
        <p className="rv-muted">Nothing has happened to this case yet.</p>
      ) : (
        <ol className="rv-timeline">
          {sorted.map((event) => {
            const entry = timelineEntry(event);
            return (
              <li key={event.seq} className={`rv-tl-${entry.tone}`}>
                <span className={`rv-tl-dot rv-tone-${entry.tone}`}>
                  <Icon name={entry.icon} />
                </span>
                <div className="rv-tl-body">
                  <p className="rv-tl-title">
                    {entry.unknown ? <span className="rv-mono">{entry.title}</span> : entry.title}
                  </p>
                  {entry.detail ? <p className="rv-note">{entry.detail}</p> : null}
                  <p className="rv-note">
                    <time dateTime={isoOf(event.at)}>{formatWhen(event.at, now)}</time>
                    <span aria-hidden="true"> · </span>
                    {entry.who}
                  </p>
                </div>
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
