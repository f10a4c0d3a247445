import { Component, type ReactNode } from 'react';
import { ErrorState } from './components/states';

interface Props {
  /** The screen shown: another one clears the error. */
  screen: string;
  children: ReactNode;
}

interface State {
  failed: boolean;
}

/**
 * A screen that failed to load or render says so in place of a blank window; the top bar stays, so the
 * officer can go to another screen. Restarting loads every screen again.
 */
export class ScreenBoundary extends Component<Props, State> {
  override state: State = { failed: false };

  static getDerivedStateFromError(): State {
    return { failed: true };
  }

  override componentDidUpdate(previous: Props): void {
    if (this.state.failed && previous.screen !== this.props.screen) this.setState({ failed: false });
  }

  override render(): ReactNode {
    if (!this.state.failed) return this.props.children;
    return (
      <ErrorState
        title="This screen could not be shown"
        message="KYC Desk could not open this screen. Restart the app; if it keeps happening, reinstall it."
      />
    );
  }
}
