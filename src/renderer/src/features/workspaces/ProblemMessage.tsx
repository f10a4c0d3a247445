import { Icon } from '../../components/Icon';
import type { ConnectionProblem } from './connection-errors';

export function ProblemMessage({ problem }: { problem: ConnectionProblem }): React.JSX.Element {
  return (
    <div className="problem" role="alert">
      <Icon name="alert" />
      <div>
        <p className="problem-message">{problem.message}</p>
        {problem.others.length > 0 ? (
          <ul className="problem-list">
            {problem.others.map((text) => (
              <li key={text}>{text}</li>
            ))}
          </ul>
        ) : null}
        {problem.detail ? <p className="problem-detail">{problem.detail}</p> : null}
      </div>
    </div>
  );
}
