import { useState } from 'react';
import type { ExportOutcome } from '../../../shared/domain/views';
import type { ActionResult } from '../store/action-result';
import { Icon } from './Icon';

type Shown = { kind: 'ok' | 'error'; text: string } | null;

function describe(outcome: ExportOutcome, what: string): Shown {
  if (outcome.status === 'cancelled') return null;
  const count = outcome.cases === 1 ? '' : ` (${outcome.cases} cases)`;
  return { kind: 'ok', text: `${what}${count} saved to ${outcome.path}` };
}

/**
 * A button that runs an export and then says where the file went, or why it failed, in a live region
 * next to it. Cancelling the save dialog says nothing: the officer chose that.
 */
export function ExportButton({
  label,
  what,
  run,
  className = 'btn',
}: {
  label: string;
  /** "Evidence pack", "Case register": the start of the success message. */
  what: string;
  run(): Promise<ActionResult<ExportOutcome>>;
  className?: string;
}): React.JSX.Element {
  const [busy, setBusy] = useState(false);
  const [shown, setShown] = useState<Shown>(null);

  const onClick = async (): Promise<void> => {
    if (busy) return;
    setBusy(true);
    setShown(null);
    const result = await run();
    setBusy(false);
    setShown(
      result.ok
        ? describe(result.value, what)
        : { kind: 'error', text: `Export failed: ${result.error.message}` },
    );
  };

  return (
    <span className="export-action">
      <button
        type="button"
        className={className}
        onClick={() => void onClick()}
        aria-disabled={busy || undefined}
      >
        <Icon name="download" />
        {busy ? 'Exporting…' : label}
      </button>
      <span
        className={shown?.kind === 'error' ? 'export-status export-error' : 'export-status'}
        role="status"
      >
        {shown?.text ?? ''}
      </span>
    </span>
  );
}
