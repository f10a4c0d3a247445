import type { RiskFlag, RiskSection, RiskSeverity } from '../../../../shared/domain/risk-flags';
import { Badge, Icon } from './Badge';
import { showEvidence } from './evidence';
import type { IconName, Tone } from './labels';

const SEVERITY: Record<RiskSeverity, { text: string; tone: Tone; icon: IconName }> = {
  block: { text: 'Blocks accept', tone: 'bad', icon: 'cross' },
  high: { text: 'High', tone: 'bad', icon: 'warning' },
  medium: { text: 'Medium', tone: 'warn', icon: 'warning' },
  low: { text: 'Low', tone: 'info', icon: 'info' },
};

const SECTION: Record<RiskSection, string> = {
  status: 'case header',
  checks: 'Ondato checks',
  comparison: 'data comparison',
  images: 'images',
};

function FlagText({ flag }: { flag: RiskFlag }): React.JSX.Element {
  const severity = SEVERITY[flag.severity];
  return (
    <>
      <span className="rv-flag-head">
        <Badge tone={severity.tone} icon={severity.icon}>
          {severity.text}
        </Badge>
        <span className="rv-flag-label">{flag.label}</span>
      </span>
      <span className="rv-note">
        {flag.detail} <span className="rv-muted">(see {SECTION[flag.anchor.section]})</span>
      </span>
    </>
  );
}

/**
 * Every risk flag of the case, most severe first, so nothing is missed before deciding; each one
 * takes the officer to its evidence (the comparison row, the check, the header's status).
 */
export function RiskFlagsCard({ flags }: { flags: readonly RiskFlag[] }): React.JSX.Element {
  return (
    <section className="rv-card rv-flags" aria-labelledby="rv-flags-title">
      <h2 id="rv-flags-title">
        Risk flags <span className="rv-muted rv-h3-note">{flags.length ? flags.length : 'none'}</span>
      </h2>
      {flags.length === 0 ? (
        <p className="rv-muted">Nothing stands in the way of an accept.</p>
      ) : (
        <ul className="rv-flag-list">
          {flags.map((flag) => (
            <li key={flag.code} data-flag={flag.code} className={`rv-flag rv-flag-${flag.severity}`}>
              <button
                type="button"
                className="rv-flag-link"
                onClick={() => showEvidence(flag.anchor)}
                aria-describedby="rv-flags-hint"
              >
                <FlagText flag={flag} />
              </button>
            </li>
          ))}
        </ul>
      )}
      {flags.length ? (
        <p id="rv-flags-hint" className="rv-visually-hidden">
          Shows the evidence
        </p>
      ) : null}
    </section>
  );
}

/** With an accept: one checkbox per flag the officer confirms having reviewed. */
export function OverrideChecklist({
  flags,
  ticked,
  onChange,
  error,
  errorId,
}: {
  flags: readonly RiskFlag[];
  ticked: readonly string[];
  onChange: (codes: string[]) => void;
  error: string | null;
  errorId: string;
}): React.JSX.Element | null {
  const overridable = flags.filter((f) => f.severity !== 'block');
  if (overridable.length === 0 || overridable.length !== flags.length) return null;
  const toggle = (code: string, on: boolean): void =>
    onChange(on ? [...ticked.filter((c) => c !== code), code] : ticked.filter((c) => c !== code));
  return (
    <fieldset
      className="rv-overrides"
      aria-describedby={error ? errorId : undefined}
      aria-invalid={error ? true : undefined}
    >
      <legend>Accept over {overridable.length === 1 ? 'this risk flag' : 'these risk flags'}</legend>
      <p className="rv-note">
        Tick each one you reviewed, and explain in the note why it does not stop the accept.
      </p>
      {overridable.map((flag) => (
        <label key={flag.code} className="rv-override">
          <input
            type="checkbox"
            checked={ticked.includes(flag.code)}
            onChange={(event) => toggle(flag.code, event.target.checked)}
          />
          <span>
            <FlagText flag={flag} />
          </span>
        </label>
      ))}
      {error ? (
        <p id={errorId} className="rv-field-error">
          <Icon name="warning" />
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
