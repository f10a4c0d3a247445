import { useEffect } from 'react';
import { useStore } from '../../store';
import { LinkPanel } from '../link/LinkPanel';
import { NewCaseForm } from './NewCaseForm';

export function NewCaseScreen(): React.JSX.Element {
  const created = useStore((s) => s.createdCase);
  const clearCreated = useStore((s) => s.clearCreatedCase);
  const navigate = useStore((s) => s.navigate);

  // Coming back to "New case" later starts a new one, not the last success page.
  useEffect(() => () => clearCreated(), [clearCreated]);

  if (!created) {
    return (
      <div className="page page-narrow">
        <h1 className="page-title" tabIndex={-1}>
          New case
        </h1>
        <NewCaseForm />
      </div>
    );
  }

  return (
    <div className="page page-narrow">
      <h1 className="page-title" tabIndex={-1}>
        Case created
      </h1>
      <p className="lead" role="status">
        {created.fullName ?? 'The customer'}’s case is ready
        {created.externalRef ? ` (reference ${created.externalRef})` : ''}. Hand them the link or let them
        scan the QR code.
      </p>
      <LinkPanel caseId={created.id} customerUrl={created.customerUrl} externalRef={created.externalRef} />
      <div className="button-row">
        <button
          type="button"
          className="btn btn-primary"
          onClick={() => navigate({ name: 'case', caseId: created.id })}
        >
          Open case
        </button>
        <button type="button" className="btn" onClick={clearCreated}>
          Create another case
        </button>
      </div>
    </div>
  );
}
