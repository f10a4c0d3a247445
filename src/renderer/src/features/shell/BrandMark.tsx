/**
 * The app's mark, the icon's shapes at 20 px (scripts/make-icon.ts): an ID card with a portrait on the
 * accent square. Decorative: the words "KYC Desk" beside it are the name.
 */
export function BrandMark(): React.JSX.Element {
  return (
    <svg
      className="brand-mark"
      viewBox="0 0 20 20"
      width="20"
      height="20"
      aria-hidden="true"
      focusable="false"
    >
      <rect className="brand-mark-tile" width="20" height="20" rx="5" />
      <rect className="brand-mark-card" x="3" y="5.5" width="14" height="9" rx="1.5" />
      <circle className="brand-mark-ink" cx="7" cy="8.6" r="1.6" />
      <path className="brand-mark-ink" d="M4.4 13.2a2.6 2.3 0 0 1 5.2 0z" />
      <rect className="brand-mark-ink" x="10.6" y="7.6" width="4.6" height="1.2" rx="0.6" />
      <rect className="brand-mark-line" x="10.6" y="10.2" width="3.4" height="1.2" rx="0.6" />
    </svg>
  );
}
