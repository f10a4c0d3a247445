import type { CounterStep } from '../../../../shared/domain/counter';
import { STEP_LABELS, STEP_STATES } from './counter-text';

const MARKS = { done: '✓', current: '', waiting: '', skipped: '–' } as const;

/** The customer's progress as a short numbered list: done, now, still to do. */
export function CounterSteps({ steps }: { steps: CounterStep[] }): React.JSX.Element {
  return (
    <ol className="counter-steps" aria-label="Your progress">
      {steps.map((step, index) => (
        <li
          key={step.key}
          className="counter-step"
          data-state={step.state}
          aria-current={step.state === 'current' ? 'step' : undefined}
        >
          <span className="counter-step-mark" aria-hidden="true">
            {MARKS[step.state] || index + 1}
          </span>
          <span className="counter-step-label">{STEP_LABELS[step.key]}</span>
          <span className="sr-only">: {STEP_STATES[step.state]}</span>
        </li>
      ))}
    </ol>
  );
}
