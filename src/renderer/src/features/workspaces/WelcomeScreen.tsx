import { DemoForm } from './DemoForm';
import { WorkspaceForm } from './WorkspaceForm';

export function WelcomeScreen(): React.JSX.Element {
  return (
    <div className="page page-narrow">
      <h1 className="page-title" tabIndex={-1}>
        Welcome to KYC Desk
      </h1>
      <p className="lead">
        Create identity verification cases, hand customers their link or QR code, and review the results, even
        offline. Start with the demo, or connect your company’s Ondato account.
      </p>
      <section className="card" aria-labelledby="welcome-demo">
        <h2 id="welcome-demo" className="section-title">
          Try the demo
        </h2>
        <p className="muted">
          A built-in Ondato simulator with made-up customers and documents. Nothing is sent to Ondato.
        </p>
        <DemoForm />
      </section>
      <section className="card" aria-labelledby="welcome-connect">
        <h2 id="welcome-connect" className="section-title">
          Connect to Ondato
        </h2>
        <p className="muted">Use the API client ID and secret Ondato gave your company.</p>
        <WorkspaceForm />
      </section>
    </div>
  );
}
