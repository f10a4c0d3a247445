import type { CaseAttention } from '../../../../shared/domain/queues';
import type { RiskSeverity } from '../../../../shared/domain/risk-flags';
import { Icon } from '../../components/Icon';
import type { Tone } from '../../components/status';

const SEVERITY: Record<RiskSeverity, { word: string; tone: Tone }> = {
  block: { word: 'blocking', tone: 'danger' },
  high: { word: 'high', tone: 'danger' },
  medium: { word: 'medium', tone: 'warning' },
  low: { word: 'low', tone: 'neutral' },
};

/**
 * The attention column: how many risk flags the case has and the worst one, in words (the severity is
 * said, not only coloured), so the officer sees which rows need care before opening any.
 */
export function AttentionCell({ attention }: { attention: CaseAttention }): React.JSX.Element {
  const { count, worst } = attention;
  if (count === 0 || worst === null) {
    return (
      <span className="cell cell-attention" data-tone="success">
        <span className="sr-only">Attention: </span>
        <span className="attention-none">No flags</span>
      </span>
    );
  }
  const severity = SEVERITY[worst.severity];
  return (
    <span className="cell cell-attention" title={worst.label}>
      <span className="sr-only">Attention: </span>
      <span className="attention-count status" data-tone={severity.tone}>
        <Icon name="alert" />
        <span>
          {count} {count === 1 ? 'flag' : 'flags'}
          <span className="sr-only">, worst ({severity.word}):</span>
        </span>
      </span>
      <span className="attention-worst">{worst.label}</span>
    </span>
  );
}
