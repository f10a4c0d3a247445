import { useEffect } from 'react';
import type { CounterStage, CounterView } from '../../../../shared/domain/counter';
import { useAppliedTheme } from '../shell/use-theme';
import { paragraphs, stageText, typedLink } from './counter-text';
import { CounterExitDialog } from './CounterExitDialog';
import { CounterSteps } from './CounterSteps';
import { useCounterView, useSvgUrl } from './use-counter-view';

const FINAL: ReadonlySet<CounterStage> = new Set<CounterStage>(['done', 'stopped', 'expired']);

/**
 * The customer-facing counter view (ADR 0018): the code to scan, the link, the branch's instructions
 * and the customer's progress, large and calm. Esc (or the window's close button) asks for the officer.
 */
export function CounterApp({ caseId }: { caseId: string }): React.JSX.Element {
  const { state, exiting, setExiting, leave } = useCounterView(caseId);
  const view = state.status === 'ready' ? state.view : null;
  useAppliedTheme(view?.theme ?? 'system');

  useEffect(() => {
    document.title = 'Identity verification';
  }, []);

  if (state.status === 'ended') {
    return (
      <main className="counter counter-message" id="main">
        <h1>This screen is closed</h1>
        <p>A member of staff will take it from here.</p>
      </main>
    );
  }

  return (
    <>
      {state.status === 'error' ? (
        <main className="counter counter-message" id="main">
          <h1>This screen is not available</h1>
          <p role="alert">{state.message}</p>
        </main>
      ) : view ? (
        <CounterScreen view={view} />
      ) : (
        <main className="counter counter-message" id="main" aria-busy="true">
          <h1>Identity verification</h1>
          <p role="status">Getting ready…</p>
        </main>
      )}
      {exiting && state.status !== 'error' ? (
        <CounterExitDialog
          needsPin={view?.exitNeedsPin ?? true}
          onStay={() => setExiting(false)}
          onLeave={leave}
        />
      ) : null}
    </>
  );
}

function CounterScreen({ view }: { view: CounterView }): React.JSX.Element {
  const qrUrl = useSvgUrl(view.qrSvg);
  const { stage, steps } = view.progress;
  const done = stage === 'done';
  return (
    <main className="counter" id="main" aria-labelledby="counter-title" data-stage={stage}>
      <div className="counter-body">
        <section className="counter-code" aria-label={done ? 'Finished' : 'Code to scan'}>
          {done ? (
            <div className="counter-done" aria-hidden="true">
              ✓
            </div>
          ) : qrUrl ? (
            <img className="counter-qr" src={qrUrl} alt="QR code of your verification link" />
          ) : (
            <div className="counter-qr counter-qr-pending" />
          )}
          {done ? null : (
            <div className="counter-link-box">
              <p className="counter-link-label" id="counter-link-label">
                Or open this address on your phone
              </p>
              <p className="counter-link" aria-labelledby="counter-link-label">
                {typedLink(view.url)}
              </p>
            </div>
          )}
        </section>
        <section className="counter-info">
          <h1 id="counter-title" className="counter-title">
            Verify your identity
          </h1>
          <p className="counter-stage" role="status" data-stage={stage}>
            {stageText(stage)}
          </p>
          {/* Once the customer is finished or has stopped, the instructions are no longer theirs to follow. */}
          {!FINAL.has(stage) && paragraphs(view.instructions).length > 0 ? (
            <div className="counter-instructions">
              {paragraphs(view.instructions).map((line, index) => (
                <p key={index}>{line}</p>
              ))}
            </div>
          ) : null}
          <CounterSteps steps={steps} />
        </section>
      </div>
      <p className="counter-foot">For staff: press Esc to close this screen.</p>
    </main>
  );
}
