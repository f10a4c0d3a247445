import { Icon } from '../../components/Icon';
import type { ConnectionProblem } from './connection-errors';

export function ProblemMessage({ problem }: { problem: ConnectionProblem }): React.JSX.Element {
  return (
    <div className="problem" role="alert">
      <Icon name="alert" />
      <div>
        <p className="problem-message">{problem.message}</p>
        {problem.detail ? <p className="problem-detail">Details: {problem.detail}</p> : null}
      </div>
    </div>
  );
}
