import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { useStore } from './store';
// The review workspace's chunk loads later (lazy-screens.ts), but its styles stay in the first style
// sheet, in the order they always had before the app's own: the cascade does not depend on which
// screen was opened first.
import './features/review/comparison.css';
import './features/review/review.css';
import './features/review/workspace.css';
import './features/review/document-pane.css';
import './features/review/data-pane.css';
import './features/review/workspace-narrow.css';
import './styles/index.css';

const root = document.getElementById('root');
if (root) {
  // Main is asked for what the first screen needs before React renders anything (the boot screen's
  // render and paint would otherwise come first); the subscription to main's events comes first, so
  // no change made meanwhile is missed.
  const { listen, start } = useStore.getState();
  listen();
  void start();
  createRoot(root).render(
    <StrictMode>
      <App started />
    </StrictMode>,
  );
}
