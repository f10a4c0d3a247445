import type { IconName, Tone } from './labels';

const PATHS: Record<IconName, string> = {
  check: 'M3.5 8.5l3 3 6-7',
  cross: 'M4.5 4.5l7 7M11.5 4.5l-7 7',
  warning: 'M8 2.5l6 11H2zM8 7v3M8 11.8v.2',
  info: 'M8 7.2v4.3M8 4.6v.2M8 1.8a6.2 6.2 0 1 1 0 12.4A6.2 6.2 0 0 1 8 1.8z',
  clock: 'M8 4.5V8l2.5 1.8M8 1.8a6.2 6.2 0 1 1 0 12.4A6.2 6.2 0 0 1 8 1.8z',
  pause: 'M6 4.5v7M10 4.5v7',
  question: 'M6 6.2a2 2 0 1 1 2.8 1.8c-.6.3-.8.7-.8 1.3v.4M8 11.8v.2',
  dot: 'M8 5.5a2.5 2.5 0 1 1 0 5 2.5 2.5 0 0 1 0-5z',
  plus: 'M8 3v10M3 8h10',
  minus: 'M3 8h10',
  rotate: 'M12.5 7.5A4.6 4.6 0 1 0 11 11.3M12.8 3.5v4h-4',
  fit: 'M2.5 6V2.5H6M10 2.5h3.5V6M13.5 10v3.5H10M6 13.5H2.5V10',
  reset: 'M3.5 8.5A4.6 4.6 0 1 0 5 4.7M3.2 2.5v4h4',
  expand: 'M9.5 2.5h4v4M13.5 2.5L9 7M6.5 13.5h-4v-4M2.5 13.5L7 9',
  refresh: 'M13 8a5 5 0 1 1-1.5-3.6M13.2 2.5v3.5H9.7',
  file: 'M4 1.8h5l3 3v9.4H4zM9 1.8v3h3',
  back: 'M13 8H3.5M7.5 4 3.5 8l4 4',
  up: 'M4 10l4-4 4 4',
  down: 'M4 6l4 4 4-4',
};

/** A decorative 16px icon; the text next to it carries the meaning (never colour or shape alone). */
export function Icon({ name, className }: { name: IconName; className?: string }): React.JSX.Element {
  return (
    <svg
      className={`rv-icon${className ? ` ${className}` : ''}`}
      viewBox="0 0 16 16"
      width="16"
      height="16"
      aria-hidden="true"
      focusable="false"
    >
      <path
        d={PATHS[name]}
        fill={name === 'dot' ? 'currentColor' : 'none'}
        stroke="currentColor"
        strokeWidth="1.8"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  );
}

/** Icon + text in a tinted pill. `title` carries the raw value when the text is a translation of it. */
export function Badge({
  tone,
  icon,
  children,
  title,
}: {
  tone: Tone;
  icon: IconName;
  children: React.ReactNode;
  title?: string;
}): React.JSX.Element {
  return (
    <span className={`rv-badge rv-tone-${tone}`} title={title}>
      <Icon name={icon} />
      <span>{children}</span>
    </span>
  );
}
