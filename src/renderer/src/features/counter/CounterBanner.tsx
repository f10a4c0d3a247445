import { useEffect, useState } from 'react';
import { Icon } from '../../components/Icon';
import { useStore } from '../../store';
import './counter-officer.css';
import { officerStageText } from './counter-text';
import { CounterExitDialog } from './CounterExitDialog';

/**
 * On the officer's screen while a case is on the counter screen: where the customer is, a way to close
 * the counter view, and — once the customer has finished — the offer to open the review.
 */
export function CounterBanner(): React.JSX.Element | null {
  const counter = useStore((s) => s.counter);
  const listenCounter = useStore((s) => s.listenCounter);
  const closeCounter = useStore((s) => s.closeCounter);
  const dismiss = useStore((s) => s.dismissCounterOffer);
  const navigate = useStore((s) => s.navigate);
  const route = useStore((s) => s.route);
  const needsPin = useStore((s) => s.lock?.pinSet === true && s.settings.autoLockMinutes > 0);
  const [closing, setClosing] = useState(false);

  useEffect(() => listenCounter(), [listenCounter]);

  if (!counter) return null;
  const finished = counter.stage === 'done' && !counter.offerDismissed;
  const onReview = route.name === 'case' && route.caseId === counter.caseId;

  return (
    <section
      className="counter-banner"
      data-finished={finished ? 'true' : undefined}
      aria-label="Counter mode"
    >
      <Icon name={finished ? 'check' : 'counter'} />
      <p role="status" className="counter-banner-text">
        {finished
          ? 'The customer has finished the verification.'
          : `Counter view is showing: ${officerStageText(counter.stage)}.`}
      </p>
      <div className="button-row">
        {finished && !onReview ? (
          <button
            type="button"
            className="btn btn-primary"
            onClick={() => navigate({ name: 'case', caseId: counter.caseId })}
          >
            Open the review
          </button>
        ) : null}
        {finished ? (
          <button type="button" className="btn" onClick={dismiss}>
            Not now
          </button>
        ) : null}
        <button type="button" className="btn" onClick={() => setClosing(true)}>
          Close counter view
        </button>
      </div>
      {closing ? (
        <CounterExitDialog
          needsPin={needsPin}
          onStay={() => setClosing(false)}
          onLeave={async (pin) => {
            const result = await closeCounter(pin);
            if (result.ok) setClosing(false);
            return result;
          }}
        />
      ) : null}
    </section>
  );
}
