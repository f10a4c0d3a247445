import { useRef } from 'react';
import { CASE_QUEUES, QUEUE_LABELS, type CaseQueue } from '../../../../shared/domain/queues';
import { useStore } from '../../store';
import { formatNumber } from '../../components/format';

export const QUEUE_PANEL_ID = 'case-queue-panel';

export function queueTabId(queue: CaseQueue): string {
  return `case-queue-${queue}`;
}

/**
 * The work queues as ARIA tabs: one Tab stop (the selected tab), arrow keys move and select, Home/End
 * jump. Each tab says its count; the counts follow every `cases:changed` main pushes.
 */
export function QueueTabs(): React.JSX.Element {
  const queue = useStore((s) => s.caseList.filters.queue);
  const counts = useStore((s) => s.queueCounts);
  const setQueue = useStore((s) => s.setCaseQueue);
  const teamQueue = useStore((s) => s.teamQueue);
  const setTeamQueue = useStore((s) => s.setTeamQueue);
  const tabs = useRef<Partial<Record<CaseQueue, HTMLButtonElement | null>>>({});

  const select = (next: CaseQueue): void => {
    setTeamQueue(null);
    setQueue(next);
    tabs.current[next]?.focus();
  };

  const onKeyDown = (event: React.KeyboardEvent): void => {
    const index = CASE_QUEUES.indexOf(queue);
    let next: number;
    switch (event.key) {
      case 'ArrowRight':
        next = (index + 1) % CASE_QUEUES.length;
        break;
      case 'ArrowLeft':
        next = (index - 1 + CASE_QUEUES.length) % CASE_QUEUES.length;
        break;
      case 'Home':
        next = 0;
        break;
      case 'End':
        next = CASE_QUEUES.length - 1;
        break;
      default:
        return;
    }
    event.preventDefault();
    select(CASE_QUEUES[next] ?? queue);
  };

  return (
    <div className="queue-tabs" role="tablist" aria-label="Work queues" onKeyDown={onKeyDown}>
      {CASE_QUEUES.map((q) => {
        const selected = q === queue && teamQueue === null;
        const count = counts?.[q];
        return (
          <button
            key={q}
            ref={(el) => {
              tabs.current[q] = el;
            }}
            id={queueTabId(q)}
            type="button"
            role="tab"
            className="queue-tab"
            aria-selected={selected}
            aria-controls={QUEUE_PANEL_ID}
            tabIndex={q === queue ? 0 : -1}
            data-queue={q}
            onClick={() => select(q)}
          >
            {/* The name is what is seen, "Needs my decision 3": the space keeps label and count apart. */}
            <span className="queue-tab-label">{QUEUE_LABELS[q]}</span>{' '}
            <span className="queue-count" data-empty={count === 0 || undefined}>
              {count === undefined ? '…' : formatNumber(count)}
            </span>
          </button>
        );
      })}
    </div>
  );
}
