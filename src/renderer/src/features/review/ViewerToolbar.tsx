import { Icon } from './Badge';
import type { IconName } from './labels';
import { keyAction, MAX_ZOOM, MIN_ZOOM, type ViewAction, type ViewState } from './view-state';

interface Tool {
  label: string;
  title: string;
  icon: IconName;
  action: ViewAction;
  disabled?: boolean;
}

/**
 * The image's controls. Out of the Tab order on purpose (the image itself is the one Tab stop; its
 * keys do the same), reached from the image with T; arrow keys move between the buttons, Esc returns
 * to the image.
 */
export function ViewerToolbar({
  label,
  view,
  changed,
  apply,
  toolbarRef,
  paneRef,
  onEnlarge,
}: {
  label: string;
  view: ViewState;
  changed: boolean;
  apply: (action: ViewAction) => void;
  toolbarRef: React.RefObject<HTMLDivElement | null>;
  paneRef: React.RefObject<HTMLDivElement | null>;
  onEnlarge?: () => void;
}): React.JSX.Element {
  const tools: Tool[] = [
    {
      label: 'Zoom out',
      title: 'Zoom out (−)',
      icon: 'minus',
      action: { type: 'zoom-out' },
      disabled: view.zoom <= MIN_ZOOM,
    },
    {
      label: 'Zoom in',
      title: 'Zoom in (+)',
      icon: 'plus',
      action: { type: 'zoom-in' },
      disabled: view.zoom >= MAX_ZOOM,
    },
    {
      label: 'Rotate 90 degrees',
      title: 'Rotate 90° (R)',
      icon: 'rotate',
      action: { type: 'rotate', by: 90 },
    },
    { label: 'Fit to pane', title: 'Fit to pane (F)', icon: 'fit', action: { type: 'fit' } },
    { label: 'Reset view', title: 'Reset (0)', icon: 'reset', action: { type: 'reset' }, disabled: !changed },
  ];

  const onKeyDown = (event: React.KeyboardEvent<HTMLDivElement>): void => {
    const buttons = [...(toolbarRef.current?.querySelectorAll<HTMLButtonElement>('button') ?? [])];
    const at = buttons.indexOf(event.target as HTMLButtonElement);
    const move = (to: number): void => {
      event.preventDefault();
      event.stopPropagation();
      buttons[(to + buttons.length) % buttons.length]?.focus();
    };
    switch (event.key) {
      case 'ArrowRight':
        return move(at + 1);
      case 'ArrowLeft':
        return move(at - 1);
      case 'Home':
        return move(0);
      case 'End':
        return move(buttons.length - 1);
      case 'Escape':
        event.preventDefault();
        event.stopPropagation();
        paneRef.current?.focus();
        return;
      case 'ArrowUp':
      case 'ArrowDown':
        return;
      default: {
        const action = keyAction(event);
        if (!action) return;
        event.preventDefault();
        event.stopPropagation();
        apply(action);
      }
    }
  };

  return (
    <div
      ref={toolbarRef}
      className="rv-tools"
      role="toolbar"
      aria-label={`${label} controls`}
      onKeyDown={onKeyDown}
    >
      {tools.slice(0, 1).map((tool) => (
        <ToolButton key={tool.label} tool={tool} apply={apply} />
      ))}
      <span className="rv-zoom" role="status" aria-label="Zoom level">
        {Math.round(view.zoom * 100)}%
      </span>
      {tools.slice(1).map((tool) => (
        <ToolButton key={tool.label} tool={tool} apply={apply} />
      ))}
      {onEnlarge ? (
        <button
          type="button"
          tabIndex={-1}
          className="rv-tool rv-tool-text"
          onClick={onEnlarge}
          title="Show this image over the whole window"
        >
          <Icon name="expand" />
          <span className="rv-tool-label">Enlarge</span>
        </button>
      ) : null}
    </div>
  );
}

function ToolButton({ tool, apply }: { tool: Tool; apply: (action: ViewAction) => void }): React.JSX.Element {
  return (
    <button
      type="button"
      tabIndex={-1}
      className="rv-tool"
      onClick={() => apply(tool.action)}
      aria-label={tool.label}
      title={tool.title}
      aria-disabled={tool.disabled || undefined}
    >
      <Icon name={tool.icon} />
    </button>
  );
}
