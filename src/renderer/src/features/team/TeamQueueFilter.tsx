import { TEAM_QUEUES } from '../../../../shared/domain/team';
import { useStore } from '../../store';
import { TEAM_QUEUE_LIMIT } from '../../store/team-slice';
import { TEAM_QUEUE_LABELS } from './team-text';

/**
 * The team's queues beside the work queues, once the workspace is joined: a segmented filter (pressed
 * buttons), each with its count; pressing the pressed one goes back to the work queues.
 */
export function TeamQueueFilter(): React.JSX.Element | null {
  const joined = useStore((s) => s.teamStatus?.joined === true);
  const current = useStore((s) => s.teamQueue);
  const counts = useStore((s) => s.teamCounts);
  const setQueue = useStore((s) => s.setTeamQueue);
  if (!joined) return null;
  return (
    <div className="team-queues" role="group" aria-label="Team queues">
      <span className="team-queues-label" aria-hidden="true">
        Team
      </span>
      {TEAM_QUEUES.map((queue) => {
        const count = counts[queue];
        const pressed = current === queue;
        return (
          <button
            key={queue}
            type="button"
            className="team-queue"
            data-queue={queue}
            aria-pressed={pressed}
            onClick={() => setQueue(pressed ? null : queue)}
          >
            <span>{TEAM_QUEUE_LABELS[queue]}</span>{' '}
            <span className="queue-count" data-empty={count === 0 || undefined}>
              {count === undefined ? '…' : count >= TEAM_QUEUE_LIMIT ? `${TEAM_QUEUE_LIMIT}+` : count}
            </span>
          </button>
        );
      })}
    </div>
  );
}
