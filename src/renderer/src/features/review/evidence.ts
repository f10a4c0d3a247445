import type { RiskFlag, RiskSection } from '../../../../shared/domain/risk-flags';
import { IMAGES_TITLE_ID } from './ImageGallery';

/** Where each section's evidence starts (the section headings; the status is in the case header). */
const SECTION_TARGET: Record<RiskSection, string> = {
  status: '.rv-header .rv-facts',
  checks: '#rv-checks-title',
  comparison: '#rv-compare-title',
  images: `#${IMAGES_TITLE_ID}`,
};

/** The element that shows a flag's evidence: the comparison row of its field when there is one. */
export function evidenceTarget(anchor: RiskFlag['anchor'], root: ParentNode = document): HTMLElement | null {
  if (anchor.section === 'comparison' && anchor.field) {
    for (const row of root.querySelectorAll<HTMLElement>('[data-field]'))
      if (row.dataset.field === anchor.field) return row;
  }
  return root.querySelector<HTMLElement>(SECTION_TARGET[anchor.section]);
}

/**
 * Takes the officer to a flag's evidence: scrolls it into the middle of its pane, moves focus there
 * (so a screen reader reads it and Tab continues from it) and marks it briefly.
 */
export function showEvidence(anchor: RiskFlag['anchor']): boolean {
  const target = evidenceTarget(anchor);
  if (!target) return false;
  if (!target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1');
  target.scrollIntoView?.({ block: 'center', behavior: 'smooth' });
  target.focus({ preventScroll: true });
  target.classList.remove('rv-evidence');
  // Restart the mark's animation when the same evidence is asked for twice.
  void target.offsetWidth;
  target.classList.add('rv-evidence');
  target.addEventListener('animationend', () => target.classList.remove('rv-evidence'), { once: true });
  return true;
}
