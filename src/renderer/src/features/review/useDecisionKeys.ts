import { useEffect, useEffectEvent, type RefObject } from 'react';
import type { Decision } from '../../../../shared/domain/decision';

const SHORTCUT: Record<string, Decision> = { a: 'accept', r: 'reject', e: 'escalate' };

/** Shortcut letters must never fire while the officer types into a field. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!target || typeof (target as Element).closest !== 'function') return false;
  const element = target as HTMLElement;
  if (element.isContentEditable) return true;
  const tag = element.tagName;
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (tag === 'INPUT') {
    const type = (element as HTMLInputElement).type;
    return !['radio', 'checkbox', 'button', 'submit', 'reset', 'range', 'color', 'file', 'image'].includes(
      type,
    );
  }
  return false;
}

/**
 * Where a key press happened, for the decision keys: `panel` inside the decision panel, `page` on the
 * page itself (the body, or an element the app focuses programmatically such as the main area or the
 * case heading, which have tabindex -1), null anywhere else. An image, its toolbar, a caption, a
 * button elsewhere or any field is null: a key meant for them must never record a decision.
 */
export function decisionKeyScope(target: EventTarget | null, panel: Element | null): 'panel' | 'page' | null {
  if (!target || target === document.body || target === document.documentElement) return 'page';
  if (typeof (target as Element).closest !== 'function') return null;
  const element = target as HTMLElement;
  if (panel?.contains(element)) return 'panel';
  if (element.closest('[data-own-keys]')) return null;
  if (isTypingTarget(element) || element.tagName === 'INPUT') return null;
  return element.getAttribute('tabindex') === '-1' ? 'page' : null;
}

export interface DecisionKeyHandlers {
  onDecision: (decision: Decision) => void;
  onSubmit: () => void;
}

/**
 * A accept, R reject, E escalate and Ctrl+Enter record, from the decision panel or the page only (see
 * decisionKeyScope); letters never from a text field, Ctrl+Enter also from the panel's note. Never
 * behind a dialog (enlarged image, QR code, shortcut help).
 */
export function useDecisionKeys(
  panel: RefObject<HTMLElement | null>,
  enabled: boolean,
  handlers: DecisionKeyHandlers,
): void {
  const onKey = useEffectEvent((event: KeyboardEvent) => {
    if (event.defaultPrevented || event.isComposing) return;
    if (document.querySelector('[aria-modal="true"], dialog[open]')) return;
    const scope = decisionKeyScope(event.target, panel.current);
    if (scope === null) return;
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey) {
      event.preventDefault();
      handlers.onSubmit();
      return;
    }
    if (event.ctrlKey || event.metaKey || event.altKey || event.shiftKey || isTypingTarget(event.target))
      return;
    const decision = SHORTCUT[event.key.toLowerCase()];
    if (!decision) return;
    event.preventDefault();
    handlers.onDecision(decision);
  });

  useEffect(() => {
    if (!enabled) return undefined;
    const listener = (event: KeyboardEvent): void => onKey(event);
    document.addEventListener('keydown', listener);
    return () => document.removeEventListener('keydown', listener);
  }, [enabled]);
}
