import type { TeamQueueRow } from '../../../../shared/domain/team';
import { EmptyState, ErrorState } from '../../components/states';
import { useStore } from '../../store';
import { TEAM_QUEUE_LABELS, formatWaiting, teamStateText } from './team-text';

function Row({ row, onOpen }: { row: TeamQueueRow; onOpen: (caseId: string) => void }): React.JSX.Element {
  return (
    <tr data-case-id={row.caseId}>
      <td>
        <button type="button" className="link-button" onClick={() => onOpen(row.caseId)}>
          {row.fullName ?? row.externalRef ?? row.caseId}
        </button>
        {row.fullName && row.externalRef ? <span className="muted"> {row.externalRef}</span> : null}
      </td>
      <td>{row.idvStatus}</td>
      <td>
        {teamStateText(row.state)}
        {row.proposer ? <span className="muted"> by {row.proposer}</span> : null}
      </td>
      <td>{row.assignee ?? <span className="muted">Nobody</span>}</td>
      <td>
        {row.waitingMs === null ? <span className="muted">Not finished</span> : formatWaiting(row.waitingMs)}
        {row.overdue ? <span className="team-overdue">Overdue</span> : null}
      </td>
    </tr>
  );
}

/** A team queue's cases (at most 500, most urgent first as main orders them); a row opens the review. */
export function TeamQueueList(): React.JSX.Element | null {
  const queue = useStore((s) => s.teamQueue);
  const rows = useStore((s) => s.teamRows);
  const refresh = useStore((s) => s.teamRefresh);
  const navigate = useStore((s) => s.navigate);
  if (queue === null) return null;
  const title = TEAM_QUEUE_LABELS[queue];
  if (rows.status === 'error') {
    return (
      <ErrorState
        title="The team queue could not be loaded"
        message={rows.message}
        onRetry={() => void refresh()}
      />
    );
  }
  if (rows.status !== 'ready') {
    return (
      <p className="muted" role="status">
        Loading “{title}”…
      </p>
    );
  }
  if (rows.value.length === 0) {
    return (
      <EmptyState title={`Nothing in “${title}”`}>
        <p className="state-text">No team case is in this queue right now.</p>
      </EmptyState>
    );
  }
  return (
    <div className="team-queue-scroll">
      <table className="team-queue-table">
        <caption className="sr-only">Team queue: {title}</caption>
        <thead>
          <tr>
            <th scope="col">Customer</th>
            <th scope="col">Verification</th>
            <th scope="col">Team decision</th>
            <th scope="col">Assignee</th>
            <th scope="col">Customer waiting</th>
          </tr>
        </thead>
        <tbody>
          {rows.value.map((row) => (
            <Row key={row.caseId} row={row} onOpen={(caseId) => navigate({ name: 'case', caseId })} />
          ))}
        </tbody>
      </table>
    </div>
  );
}
