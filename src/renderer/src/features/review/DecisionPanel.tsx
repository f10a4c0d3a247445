import { useLayoutEffect } from 'react';
import type { Decision, DecisionRecord } from '../../../../shared/domain/decision';
import type { RiskFlag } from '../../../../shared/domain/risk-flags';
import type { TeamCaseState } from '../../../../shared/domain/team';
import { useStore } from '../../store';
import type { DecideInput, FormError } from '../../store/review-slice';
import { teamStateText } from '../team/team-text';
import { Icon } from './Badge';
import { DecisionChoice, NoteField, ReasonField, ShortcutHint } from './DecisionFields';
import { CurrentDecision, decisionHistory } from './DecisionHistory';
import { OverrideChecklist } from './RiskFlags';
import { useDecisionForm } from './useDecisionForm';
import { useDecisionKeys } from './useDecisionKeys';

export const DECISION_TITLE_ID = 'rv-decision-title';

/** Team states in which the decision recorded here is not the team's decision yet. */
const NOT_IN_FORCE: ReadonlySet<TeamCaseState> = new Set([
  'pending-push',
  'proposed',
  'sent_back',
  'conflict',
]);

export interface DecisionPanelProps {
  caseId: string;
  decisions: readonly DecisionRecord[] | null;
  /** The case's latest decision from the case view, shown until the full list arrives. */
  latest: DecisionRecord | null;
  decisionsError: string | null;
  onRetryDecisions: () => void;
  deciding: boolean;
  decideError: FormError | null;
  onDecide: (input: DecideInput) => Promise<DecisionRecord | null>;
  onClearError: () => void;
  shortcutsEnabled: boolean;
  now: number;
  /** The case's risk flags today; an accept must tick each one. */
  flags?: readonly RiskFlag[];
  /** Lets the Decide bar pick a decision here (it owns no form state of its own). */
  chooseRef?: React.RefObject<((decision: Decision) => void) | null>;
  /** Opens the history (earlier decisions live there, out of the way of the form). */
  onShowHistory?: () => void;
}

/**
 * The decision, in Tab order: the choice (one radio group), the reason, the note, Record. Nothing
 * focusable comes before the choice, so it is the first Tab stop of the panel.
 */
export function DecisionPanel(props: DecisionPanelProps): React.JSX.Element {
  const { decisions, latest, deciding, decideError, shortcutsEnabled, now } = props;
  const flags = props.flags ?? [];
  const api = useDecisionForm({ ...props, flags });
  const { form, ids, panelRef } = api;
  const { chooseRef } = props;
  useLayoutEffect(() => {
    if (!chooseRef) return undefined;
    chooseRef.current = api.choose;
    return () => {
      chooseRef.current = null;
    };
  });

  const teamState = useStore((s) => s.teamCases[props.caseId]?.state ?? null);
  const teamNotice = teamState && NOT_IN_FORCE.has(teamState) ? teamStateText(teamState) : null;
  const history = decisionHistory(decisions ?? (latest ? [latest] : []));
  const current = history.current;
  const formMessage = decideError?.message ?? null;

  useDecisionKeys(panelRef, shortcutsEnabled, {
    onDecision: api.choose,
    onSubmit: () => void api.submit(),
  });

  return (
    <section ref={panelRef} className="rv-card rv-decision" aria-labelledby={DECISION_TITLE_ID}>
      <h2 id={DECISION_TITLE_ID} tabIndex={-1}>
        Your decision
      </h2>
      <CurrentDecision current={current} now={now} teamNotice={teamNotice} />
      <form
        className="rv-form"
        noValidate
        aria-describedby={ids.hint}
        onSubmit={(event) => {
          event.preventDefault();
          void api.submit();
        }}
      >
        <DecisionChoice
          api={api}
          legend={current ? 'Record a new decision' : 'Decision'}
          shortcutsEnabled={shortcutsEnabled}
        />
        <ReasonField api={api} />
        {form.decision === 'accept' ? (
          <OverrideChecklist
            flags={flags}
            ticked={form.overrides}
            onChange={(overrides) => api.update({ overrides })}
            error={api.fieldError('overrides')}
            errorId={ids.overridesError}
          />
        ) : null}
        <NoteField api={api} flags={flags} />
        {formMessage ? (
          <p className="rv-inline-error" role="alert">
            <Icon name="warning" />
            <span>The decision was not recorded: {formMessage}</span>
          </p>
        ) : null}
        <div className="rv-submit">
          <button type="submit" className="rv-button rv-button-primary" aria-disabled={deciding || undefined}>
            {deciding ? 'Recording…' : current ? 'Record new decision' : 'Record decision'}
          </button>
          <p className="rv-note">
            Saved on this computer with your name and the time
            {current ? '; the current decision stays in the history' : ''}. Ondato is not changed.
          </p>
        </div>
        <ShortcutHint id={ids.hint} enabled={shortcutsEnabled} />
      </form>
      {props.decisionsError ? (
        <div className="rv-inline-error" role="alert">
          <Icon name="warning" />
          <span>Could not load earlier decisions: {props.decisionsError}</span>
          <button type="button" className="rv-button rv-button-small" onClick={props.onRetryDecisions}>
            Try again
          </button>
        </div>
      ) : null}
      {history.earlier.length && props.onShowHistory ? (
        <button type="button" className="rv-linkish" onClick={props.onShowHistory}>
          {history.earlier.length} earlier decision{history.earlier.length === 1 ? '' : 's'} in History
        </button>
      ) : null}
    </section>
  );
}
