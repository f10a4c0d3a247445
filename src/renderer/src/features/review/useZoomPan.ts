import { useCallback, useEffect, useRef, useState } from 'react';
import {
  INITIAL_VIEW,
  keyAction,
  nextView,
  rotationFit,
  TOOLBAR_KEY,
  type ViewAction,
  type ViewState,
} from './view-state';

export interface ZoomPan {
  view: ViewState;
  apply: (action: ViewAction) => void;
  paneRef: React.RefObject<HTMLDivElement | null>;
  toolbarRef: React.RefObject<HTMLDivElement | null>;
  /** The image's natural aspect (w/h), once it has loaded. */
  setNatural: (aspect: number) => void;
  /** The CSS transform for the image. */
  transform: string;
  changed: boolean;
  /** Keys, drag and the toolbar jump for the focusable pane. */
  paneHandlers: {
    onKeyDown: (event: React.KeyboardEvent<HTMLElement>) => void;
    onPointerDown: (event: React.PointerEvent<HTMLDivElement>) => void;
    onPointerMove: (event: React.PointerEvent<HTMLDivElement>) => void;
    onPointerUp: (event: React.PointerEvent<HTMLDivElement>) => void;
    onPointerCancel: (event: React.PointerEvent<HTMLDivElement>) => void;
  };
}

/**
 * Zoom, pan and rotate for one image pane: keys when the pane has focus, drag with the pointer, the
 * wheel (always with Ctrl, plain when the pane has focus or `wheel` is 'always').
 */
export function useZoomPan(active: boolean, wheel: 'focus' | 'always', fallbackAspect: number): ZoomPan {
  const [view, setView] = useState<ViewState>(INITIAL_VIEW);
  const [natural, setNatural] = useState(0);
  const [paneAspect, setPaneAspect] = useState(0);
  const paneRef = useRef<HTMLDivElement | null>(null);
  const toolbarRef = useRef<HTMLDivElement | null>(null);
  const drag = useRef<{ id: number; x: number; y: number } | null>(null);
  const apply = useCallback((action: ViewAction) => setView((v) => nextView(v, action)), []);

  // The pane's aspect, for fitting a rotated image: the pane follows the window.
  useEffect(() => {
    const pane = paneRef.current;
    if (!pane || typeof ResizeObserver === 'undefined') return undefined;
    const observer = new ResizeObserver((entries) => {
      const box = entries[0]?.contentRect;
      if (box && box.width > 0 && box.height > 0) setPaneAspect(box.width / box.height);
    });
    observer.observe(pane);
    return () => observer.disconnect();
  }, [active]);

  // Wheel zoom needs a non-passive listener to keep the page from scrolling at the same time.
  useEffect(() => {
    const pane = paneRef.current;
    if (!pane || !active) return undefined;
    const onWheel = (event: WheelEvent): void => {
      const focused = pane.ownerDocument.activeElement === pane;
      if (!(event.ctrlKey || event.metaKey || wheel === 'always' || focused)) return;
      if (event.deltaY === 0) return;
      event.preventDefault();
      apply({ type: event.deltaY < 0 ? 'zoom-in' : 'zoom-out' });
    };
    pane.addEventListener('wheel', onWheel, { passive: false });
    return () => pane.removeEventListener('wheel', onWheel);
  }, [apply, wheel, active]);

  const onKeyDown = (event: React.KeyboardEvent<HTMLElement>): void => {
    const plain = !event.ctrlKey && !event.metaKey && !event.altKey;
    if (plain && event.key.toLowerCase() === TOOLBAR_KEY) {
      const first = toolbarRef.current?.querySelector<HTMLElement>('button:not([aria-disabled="true"])');
      if (first) {
        event.preventDefault();
        event.stopPropagation();
        first.focus();
      }
      return;
    }
    const action = keyAction(event);
    if (!action) return;
    event.preventDefault();
    event.stopPropagation();
    apply(action);
  };

  const onPointerDown = (event: React.PointerEvent<HTMLDivElement>): void => {
    if (event.button !== 0) return;
    drag.current = { id: event.pointerId, x: event.clientX, y: event.clientY };
    event.currentTarget.setPointerCapture?.(event.pointerId);
  };
  const onPointerMove = (event: React.PointerEvent<HTMLDivElement>): void => {
    const start = drag.current;
    if (!start || start.id !== event.pointerId) return;
    const dx = event.clientX - start.x;
    const dy = event.clientY - start.y;
    if (dx === 0 && dy === 0) return;
    drag.current = { id: event.pointerId, x: event.clientX, y: event.clientY };
    apply({ type: 'pan', dx, dy });
  };
  const endDrag = (event: React.PointerEvent<HTMLDivElement>): void => {
    if (drag.current?.id === event.pointerId) drag.current = null;
  };

  const scale = view.zoom * rotationFit(view.rotation, natural, paneAspect || fallbackAspect);
  return {
    view,
    apply,
    paneRef,
    toolbarRef,
    setNatural,
    transform: `translate(${view.x}px, ${view.y}px) rotate(${view.rotation}deg) scale(${scale})`,
    changed: view.zoom !== 1 || view.rotation !== 0 || view.x !== 0 || view.y !== 0,
    paneHandlers: {
      onKeyDown,
      onPointerDown,
      onPointerMove,
      onPointerUp: endDrag,
      onPointerCancel: endDrag,
    },
  };
}
