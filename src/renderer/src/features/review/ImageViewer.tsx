import { useCallback, useEffect, useId, useRef, useState } from 'react';
import type { KycFileInfo } from '../../../../shared/domain/case';
import { Icon } from './Badge';
import { formatBytes } from '../../components/format';
import { useImage } from './useImage';

export interface ViewState {
  zoom: number;
  /** Degrees clockwise: 0, 90, 180 or 270. */
  rotation: number;
  x: number;
  y: number;
}

export const INITIAL_VIEW: ViewState = { zoom: 1, rotation: 0, x: 0, y: 0 };
export const MIN_ZOOM = 0.5;
export const MAX_ZOOM = 8;
const ZOOM_STEP = 1.25;
const PAN_STEP = 40;
const PAN_LIMIT = 4000;

export type ViewAction =
  | { type: 'zoom-in' }
  | { type: 'zoom-out' }
  | { type: 'rotate'; by: 90 | -90 }
  | { type: 'pan'; dx: number; dy: number }
  | { type: 'fit' }
  | { type: 'reset' };

const clamp = (value: number, min: number, max: number): number => Math.min(max, Math.max(min, value));

/** Pure: what each control does to the view. `fit` keeps the rotation, `reset` forgets it too. */
export function nextView(view: ViewState, action: ViewAction): ViewState {
  switch (action.type) {
    case 'zoom-in':
      return { ...view, zoom: clamp(Math.round(view.zoom * ZOOM_STEP * 1000) / 1000, MIN_ZOOM, MAX_ZOOM) };
    case 'zoom-out': {
      const zoom = clamp(Math.round((view.zoom / ZOOM_STEP) * 1000) / 1000, MIN_ZOOM, MAX_ZOOM);
      // Zooming back to the fitted size or below re-centres: nothing is left to pan to.
      return zoom <= 1 ? { ...view, zoom, x: 0, y: 0 } : { ...view, zoom };
    }
    case 'rotate':
      return { ...view, rotation: (view.rotation + action.by + 360) % 360 };
    case 'pan':
      return {
        ...view,
        x: clamp(view.x + action.dx, -PAN_LIMIT, PAN_LIMIT),
        y: clamp(view.y + action.dy, -PAN_LIMIT, PAN_LIMIT),
      };
    case 'fit':
      return { ...view, zoom: 1, x: 0, y: 0 };
    case 'reset':
      return INITIAL_VIEW;
  }
}

/**
 * The extra scale that keeps a quarter-turned image inside the pane. The image is laid out with
 * object-fit: contain in a pane of aspect `pane` (w/h); turned by 90°, its box swaps sides.
 */
export function rotationFit(rotation: number, image: number, pane: number): number {
  if (rotation % 180 === 0 || !(image > 0) || !(pane > 0)) return 1;
  return image >= pane ? Math.min(image, 1 / pane) : Math.min(pane, 1 / image);
}

/** The key a pane handles, as a view action; null for keys it leaves alone. */
export function keyAction(
  event: Pick<KeyboardEvent, 'key' | 'shiftKey' | 'ctrlKey' | 'metaKey' | 'altKey'>,
): ViewAction | null {
  if (event.ctrlKey || event.metaKey || event.altKey) return null;
  const step = event.shiftKey ? PAN_STEP * 3 : PAN_STEP;
  switch (event.key) {
    case '+':
    case '=':
      return { type: 'zoom-in' };
    case '-':
    case '_':
    case '−':
      return { type: 'zoom-out' };
    case 'r':
      return { type: 'rotate', by: 90 };
    case 'R':
      return { type: 'rotate', by: -90 };
    case '0':
      return { type: 'reset' };
    case 'f':
    case 'F':
      return { type: 'fit' };
    case 'ArrowLeft':
      return { type: 'pan', dx: -step, dy: 0 };
    case 'ArrowRight':
      return { type: 'pan', dx: step, dy: 0 };
    case 'ArrowUp':
      return { type: 'pan', dx: 0, dy: -step };
    case 'ArrowDown':
      return { type: 'pan', dx: 0, dy: step };
    default:
      return null;
  }
}

export interface ImageViewerProps {
  caseId: string;
  file: KycFileInfo;
  /** What the image shows: alt text and the name of its controls ("Document front"). */
  label: string;
  /** The last sync error for this file, shown when it is not downloaded yet. */
  syncError: string | null;
  /** Pane shape (a CSS class): fixed aspect, so nothing jumps while the image loads. */
  shape?: 'doc' | 'square' | 'large';
  /** Plain wheel zooms when the pane has focus ('focus') or always ('always'); Ctrl+wheel always does. */
  wheel?: 'focus' | 'always';
  onEnlarge?: () => void;
  autoFocus?: boolean;
}

export function ImageViewer({
  caseId,
  file,
  label,
  syncError,
  shape = 'doc',
  wheel = 'focus',
  onEnlarge,
  autoFocus,
}: ImageViewerProps): React.JSX.Element {
  const { image, retry } = useImage(caseId, file);
  const [view, setView] = useState<ViewState>(INITIAL_VIEW);
  const [natural, setNatural] = useState<number>(0);
  const [paneAspect, setPaneAspect] = useState<number>(0);
  const [broken, setBroken] = useState<string | null>(null);
  const paneRef = useRef<HTMLDivElement | null>(null);
  const drag = useRef<{ id: number; x: number; y: number } | null>(null);
  const hintId = useId();
  const url = image.status === 'ready' ? image.url : null;
  const showsImage = image.status === 'ready' && image.mime !== 'application/pdf' && broken !== image.url;

  const apply = useCallback((action: ViewAction) => setView((v) => nextView(v, action)), []);

  // The pane's aspect, for fitting a rotated image (panes have a fixed aspect, the dialog's follows the window).
  useEffect(() => {
    const pane = paneRef.current;
    if (!pane || typeof ResizeObserver === 'undefined') return undefined;
    const observer = new ResizeObserver((entries) => {
      const box = entries[0]?.contentRect;
      if (box && box.width > 0 && box.height > 0) setPaneAspect(box.width / box.height);
    });
    observer.observe(pane);
    return () => observer.disconnect();
  }, [showsImage]);

  // Wheel zoom needs a non-passive listener to keep the page from scrolling at the same time.
  useEffect(() => {
    const pane = paneRef.current;
    if (!pane || !showsImage) return undefined;
    const onWheel = (event: WheelEvent): void => {
      const focused = pane.ownerDocument.activeElement === pane;
      if (!(event.ctrlKey || event.metaKey || wheel === 'always' || focused)) return;
      if (event.deltaY === 0) return;
      event.preventDefault();
      apply({ type: event.deltaY < 0 ? 'zoom-in' : 'zoom-out' });
    };
    pane.addEventListener('wheel', onWheel, { passive: false });
    return () => pane.removeEventListener('wheel', onWheel);
  }, [apply, wheel, showsImage]);

  useEffect(() => {
    if (autoFocus && showsImage) paneRef.current?.focus();
  }, [autoFocus, showsImage]);

  const onKeyDown = (event: React.KeyboardEvent<HTMLDivElement>): void => {
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

  const scale = view.zoom * rotationFit(view.rotation, natural, paneAspect || defaultAspect(shape));
  const transform = `translate(${view.x}px, ${view.y}px) rotate(${view.rotation}deg) scale(${scale})`;
  const changed = view.zoom !== 1 || view.rotation !== 0 || view.x !== 0 || view.y !== 0;

  let body: React.ReactNode;
  if (image.status === 'not-cached') {
    body = (
      <div className="rv-pane-message">
        <Icon name="clock" />
        <p>Image not downloaded yet</p>
        <p className="rv-note">
          {syncError
            ? `The last download failed: ${syncError} KYC Desk tries again on the next sync.`
            : 'KYC Desk downloads it on the next sync; it then works offline.'}
        </p>
      </div>
    );
  } else if (image.status === 'loading') {
    body = <div className="rv-skeleton" aria-hidden="true" />;
  } else if (image.status === 'error') {
    body = (
      <div className="rv-pane-message" role="alert">
        <Icon name="warning" />
        <p>Could not load this image from the cache</p>
        <p className="rv-note">{image.message}</p>
        <button type="button" className="rv-button rv-button-small" onClick={retry}>
          Try again
        </button>
      </div>
    );
  } else if (image.mime === 'application/pdf') {
    body = (
      <div className="rv-pane-message rv-pdf">
        <Icon name="file" />
        <p>PDF document</p>
        <p className="rv-note">
          {formatBytes(image.size)}. PDF files are kept in the case cache but cannot be shown inside KYC Desk.
        </p>
      </div>
    );
  } else if (broken === image.url) {
    body = (
      <div className="rv-pane-message" role="alert">
        <Icon name="warning" />
        <p>The image file could not be displayed</p>
        <p className="rv-note">It may be damaged. {formatBytes(image.size)} cached.</p>
      </div>
    );
  } else {
    body = (
      <img
        className="rv-img"
        src={image.url}
        alt={label}
        draggable={false}
        style={{ transform }}
        onLoad={(event) => {
          const img = event.currentTarget;
          if (img.naturalWidth > 0 && img.naturalHeight > 0) setNatural(img.naturalWidth / img.naturalHeight);
        }}
        onError={() => setBroken(url)}
      />
    );
  }

  return (
    // The image's own keys (zoom, rotate, pan) and never the decision shortcuts: see useDecisionKeys.
    <div className="rv-viewer" data-own-keys="">
      <div
        ref={paneRef}
        className={`rv-pane rv-pane-${shape}${showsImage ? ' rv-pane-interactive' : ''}`}
        aria-busy={image.status === 'loading' || undefined}
        {...(showsImage
          ? {
              tabIndex: 0,
              role: 'group',
              'aria-label': `${label}, image viewer`,
              'aria-describedby': hintId,
              onKeyDown,
              onPointerDown,
              onPointerMove,
              onPointerUp: endDrag,
              onPointerCancel: endDrag,
            }
          : {})}
      >
        {body}
        {image.status === 'loading' ? <span className="rv-visually-hidden">Loading {label}…</span> : null}
      </div>
      <span id={hintId} className="rv-visually-hidden">
        Plus and minus zoom, R rotates, arrow keys move, F fits, 0 resets.
      </span>
      {showsImage ? (
        <div className="rv-tools" role="group" aria-label={`${label} controls`} onKeyDown={onKeyDown}>
          <button
            type="button"
            className="rv-tool"
            onClick={() => apply({ type: 'zoom-out' })}
            aria-label="Zoom out"
            title="Zoom out (−)"
            aria-disabled={view.zoom <= MIN_ZOOM || undefined}
          >
            <Icon name="minus" />
          </button>
          <span className="rv-zoom" aria-label="Zoom level">
            {Math.round(view.zoom * 100)}%
          </span>
          <button
            type="button"
            className="rv-tool"
            onClick={() => apply({ type: 'zoom-in' })}
            aria-label="Zoom in"
            title="Zoom in (+)"
            aria-disabled={view.zoom >= MAX_ZOOM || undefined}
          >
            <Icon name="plus" />
          </button>
          <button
            type="button"
            className="rv-tool"
            onClick={() => apply({ type: 'rotate', by: 90 })}
            aria-label="Rotate 90 degrees"
            title="Rotate 90° (R)"
          >
            <Icon name="rotate" />
          </button>
          <button
            type="button"
            className="rv-tool"
            onClick={() => apply({ type: 'fit' })}
            aria-label="Fit to pane"
            title="Fit to pane (F)"
          >
            <Icon name="fit" />
          </button>
          <button
            type="button"
            className="rv-tool"
            onClick={() => apply({ type: 'reset' })}
            aria-label="Reset view"
            title="Reset (0)"
            aria-disabled={!changed || undefined}
          >
            <Icon name="reset" />
          </button>
          {onEnlarge ? (
            <button
              type="button"
              className="rv-tool rv-tool-text"
              onClick={onEnlarge}
              title="Show this image large"
            >
              <Icon name="expand" />
              Enlarge
            </button>
          ) : null}
        </div>
      ) : (
        <div className="rv-tools rv-tools-placeholder" aria-hidden="true" />
      )}
    </div>
  );
}

function defaultAspect(shape: 'doc' | 'square' | 'large'): number {
  return shape === 'square' ? 1 : shape === 'large' ? 16 / 10 : 4 / 3;
}
