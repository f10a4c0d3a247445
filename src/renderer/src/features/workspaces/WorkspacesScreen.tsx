import { useState } from 'react';
import { Icon } from '../../components/Icon';
import { useStore } from '../../store';
import { DemoForm } from './DemoForm';
import { WorkspaceCard } from './WorkspaceCard';
import { WorkspaceForm } from './WorkspaceForm';

type Adding = 'ondato' | 'demo' | null;

export function WorkspacesScreen(): React.JSX.Element {
  const workspaces = useStore((s) => s.workspaces);
  const activeId = useStore((s) => s.activeWorkspaceId);
  const [adding, setAdding] = useState<Adding>(null);

  return (
    <div className="page page-narrow">
      <div className="page-head">
        <h1 className="page-title" tabIndex={-1}>
          Workspaces
        </h1>
      </div>
      <p className="lead">
        A workspace is one Ondato API client. Cases, images and decisions are kept per workspace, encrypted on
        this computer.
      </p>
      {workspaces.length === 0 ? <p className="muted">No workspaces yet.</p> : null}
      {workspaces.map((w) => (
        <WorkspaceCard key={w.id} workspace={w} active={w.id === activeId} />
      ))}
      {adding === null ? (
        <div className="button-row">
          <button type="button" className="btn" onClick={() => setAdding('ondato')}>
            <Icon name="plus" />
            Connect an Ondato workspace
          </button>
          <button type="button" className="btn" onClick={() => setAdding('demo')}>
            <Icon name="plus" />
            Add a demo workspace
          </button>
        </div>
      ) : (
        <section className="card" aria-labelledby="ws-add-title">
          <h2 id="ws-add-title" className="section-title">
            {adding === 'ondato' ? 'Connect to Ondato' : 'Add a demo workspace'}
          </h2>
          {adding === 'ondato' ? (
            <WorkspaceForm onCancel={() => setAdding(null)} />
          ) : (
            <DemoForm idPrefix="add-demo" />
          )}
          {adding === 'demo' ? (
            <button type="button" className="btn btn-ghost" onClick={() => setAdding(null)}>
              Cancel
            </button>
          ) : null}
        </section>
      )}
    </div>
  );
}
