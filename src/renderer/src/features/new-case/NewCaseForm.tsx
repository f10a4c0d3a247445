import { useRef } from 'react';
import { CaseSection, ContactSection, CustomerSection } from './NewCaseFields';
import { useNewCaseForm } from './use-new-case-form';

/** Registers a customer with Ondato: the form's behaviour is in `useNewCaseForm`, its parts alongside. */
export function NewCaseForm(): React.JSX.Element {
  const ref = useRef<HTMLFormElement>(null);
  const form = useNewCaseForm(ref);
  return (
    <form
      ref={ref}
      className="form"
      noValidate
      onSubmit={(event) => void form.submit(event)}
      aria-describedby="nc-required"
    >
      <p id="nc-required" className="muted">
        First and last name are required; everything else helps Ondato match the document.
      </p>
      <CustomerSection form={form} />
      <ContactSection form={form} />
      <CaseSection form={form} />
      <div className="form-footer">
        {form.formError ? (
          <p className="form-error" role="alert">
            {form.formError}
          </p>
        ) : null}
        {form.offline ? (
          <p id="nc-offline" className="form-blocked">
            You are offline: a case can only be created while Ondato is reachable. What you typed stays here.
          </p>
        ) : null}
        <button
          type="submit"
          className="btn btn-primary"
          disabled={form.offline || form.busy}
          aria-describedby={form.offline ? 'nc-offline' : undefined}
        >
          {form.busy ? 'Creating case…' : 'Create case'}
        </button>
      </div>
    </form>
  );
}
