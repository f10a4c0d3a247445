import { useEffect, useId, useRef, useState } from 'react';
import { EnvBadge } from '../../components/EnvBadge';
import { Icon } from '../../components/Icon';
import { useStore } from '../../store';
import { selectActiveWorkspace } from '../../store/workspace-slice';

/** The active workspace, always on screen, and the way to switch to another (a disclosure, not a menu). */
export function WorkspaceSwitcher(): React.JSX.Element {
  const workspaces = useStore((s) => s.workspaces);
  const active = useStore(selectActiveWorkspace);
  const activate = useStore((s) => s.activateWorkspace);
  const navigate = useStore((s) => s.navigate);
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const panelId = useId();
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return undefined;
    const onPointer = (event: PointerEvent): void => {
      if (root.current && !root.current.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointer);
    return () => document.removeEventListener('pointerdown', onPointer);
  }, [open]);

  const close = (): void => {
    setOpen(false);
    setError(null);
    button.current?.focus();
  };

  const choose = async (id: string): Promise<void> => {
    if (id === active?.id) return close();
    setBusy(id);
    setError(null);
    const result = await activate(id);
    setBusy(null);
    if (result.ok) close();
    else setError(result.error.message);
  };

  return (
    <div
      className="ws-switcher"
      ref={root}
      onKeyDown={(event) => {
        if (event.key === 'Escape' && open) {
          event.stopPropagation();
          close();
        }
      }}
    >
      <button
        ref={button}
        type="button"
        className="ws-button"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((value) => !value)}
      >
        <span className="sr-only">Workspace: </span>
        {active ? (
          <>
            <EnvBadge environment={active.environment} />
            {/* The full name on hover: a long one is cut short with an ellipsis to keep the bar one line. */}
            <span className="ws-name" title={active.name}>
              {active.name}
            </span>
          </>
        ) : (
          <span className="ws-name">No workspace</span>
        )}
        <Icon name="chevronDown" />
      </button>
      {open ? (
        <div className="ws-panel" id={panelId}>
          <h2 className="ws-panel-title">Switch workspace</h2>
          <ul className="ws-list">
            {workspaces.map((w) => (
              <li key={w.id}>
                <button
                  type="button"
                  className="ws-option"
                  aria-current={w.id === active?.id ? 'true' : undefined}
                  disabled={busy !== null}
                  onClick={() => void choose(w.id)}
                >
                  <span className="ws-check">{w.id === active?.id ? <Icon name="check" /> : null}</span>
                  <span className="ws-option-name" title={w.name}>
                    {w.name}
                  </span>
                  <EnvBadge environment={w.environment} />
                  <span className="sr-only">
                    {w.id === active?.id ? ', current' : ''}
                    {busy === w.id ? ', switching…' : ''}
                  </span>
                </button>
              </li>
            ))}
          </ul>
          {error ? (
            <p className="ws-error" role="alert">
              {error}
            </p>
          ) : null}
          <button
            type="button"
            className="btn btn-ghost ws-manage"
            onClick={() => {
              setOpen(false);
              navigate({ name: 'workspaces' });
            }}
          >
            Manage workspaces…
          </button>
        </div>
      ) : null}
    </div>
  );
}
