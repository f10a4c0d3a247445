import { memo } from 'react';
import type { CaseSummary } from '../../../../shared/domain/case';
import { differingNames } from '../../../../shared/domain/case-names';
import { formatAgo, formatUtc } from '../../components/format';
import { Status, decisionInfo, idvStatusInfo, kycStatusInfo } from '../../components/status';
import { AttentionCell } from './AttentionCell';

export const ROW_HEIGHT = 52;

interface CaseRowProps {
  index: number;
  total: number;
  row: CaseSummary | undefined;
  selected: boolean;
  now: number;
  /**
   * The list is flung faster than anyone reads (a page or more a frame): the row shows its name and
   * reference only, and its full cells once the list slows down.
   */
  skimming: boolean;
  onClick(index: number): void;
}

export function caseRowId(index: number): string {
  return `case-row-${index}`;
}

/**
 * One option of the case listbox, absolutely placed at its index (the list is windowed). Memoised: while
 * scrolling only the rows that come into view render.
 */
export const CaseRow = memo(function CaseRow({
  index,
  total,
  row,
  selected,
  now,
  skimming,
  onClick,
}: CaseRowProps): React.JSX.Element {
  const common = {
    id: caseRowId(index),
    role: 'option' as const,
    'aria-selected': selected,
    'aria-setsize': total,
    'aria-posinset': index + 1,
    style: { top: index * ROW_HEIGHT, height: ROW_HEIGHT },
  };
  if (!row) {
    return (
      <div {...common} className="case-row case-row-loading" aria-busy="true" aria-label="Loading case…">
        <span className="skeleton-line" />
      </div>
    );
  }
  return (
    <div {...common} className="case-row" onClick={() => onClick(index)}>
      <span className="cell cell-name">
        <span className="case-name">
          {row.fullName ?? (row.personalDataRemoved ? 'Personal data removed' : 'Name not known yet')}
        </span>
        <span className="case-ref">
          {row.externalRef ?? row.id}
          <AsRead row={row} />
        </span>
      </span>
      {skimming ? null : <Cells row={row} now={now} />}
    </div>
  );
});

function Cells({ row, now }: { row: CaseSummary; now: number }): React.JSX.Element {
  return (
    <>
      <AttentionCell attention={row.attention} />
      <span className="cell">
        <span className="sr-only">IDV: </span>
        <Status info={idvStatusInfo(row.idvStatus)} />
      </span>
      <span className="cell">
        <span className="sr-only">KYC: </span>
        <Status info={kycStatusInfo(row.kycStatus)} />
      </span>
      <span className="cell">
        <span className="sr-only">Decision: </span>
        <Status info={decisionInfo(row.decision)} />
      </span>
      <span className="cell cell-date">
        <span className="sr-only">Created </span>
        {formatUtc(row.createdUtc)}
      </span>
      <span className="cell cell-fresh">
        <span className="sr-only">Synced </span>
        {row.syncedAt === null ? 'not yet' : formatAgo(row.syncedAt, now)}
      </span>
    </>
  );
}

/** The document's name beside the registered one, when the customer's document says another name. */
function AsRead({ row }: { row: CaseSummary }): React.JSX.Element | null {
  const names = differingNames(row);
  return names ? <span className="case-as-read"> · As read: {names.asRead}</span> : null;
}
