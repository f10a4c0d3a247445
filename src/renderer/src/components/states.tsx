import { Icon } from './Icon';

/** A failed load, with the way out. */
export function ErrorState({
  title,
  message,
  onRetry,
}: {
  title: string;
  message: string;
  onRetry?: () => void;
}): React.JSX.Element {
  return (
    <div className="state state-error" role="alert">
      <Icon name="alert" size={24} />
      <div>
        <p className="state-title">{title}</p>
        <p className="state-text">{message}</p>
        {onRetry ? (
          <button type="button" className="btn" onClick={onRetry}>
            Retry
          </button>
        ) : null}
      </div>
    </div>
  );
}

export function EmptyState({
  title,
  children,
}: {
  title: string;
  children?: React.ReactNode;
}): React.JSX.Element {
  return (
    <div className="state">
      <p className="state-title">{title}</p>
      {children}
    </div>
  );
}

/** Grey bars where text will be; keeps the layout from jumping when it arrives. */
export function SkeletonLines({ lines = 3, label }: { lines?: number; label: string }): React.JSX.Element {
  return (
    <div className="skeleton-block" role="status" aria-label={label}>
      {Array.from({ length: lines }, (_, i) => (
        <span key={i} className="skeleton-line" />
      ))}
    </div>
  );
}
