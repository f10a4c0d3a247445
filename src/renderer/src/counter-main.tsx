import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { CounterApp } from './features/counter/CounterApp';
import './styles/tokens.css';
import './styles/base.css';
import './styles/buttons.css';
import './styles/forms.css';
import './styles/modal.css';
import './features/counter/counter.css';

// The counter view's own entry: the customer-facing page carries none of the officer's screens.
const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <CounterApp caseId={decodeURIComponent(window.location.hash.slice(1))} />
    </StrictMode>,
  );
}
