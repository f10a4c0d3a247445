/** The image viewer's pure state: what each control does to the view, testable without a DOM. */
export interface ViewState {
  zoom: number;
  /** Degrees clockwise: 0, 90, 180 or 270. */
  rotation: number;
  x: number;
  y: number;
}

export const INITIAL_VIEW: ViewState = { zoom: 1, rotation: 0, x: 0, y: 0 };
export const MIN_ZOOM = 0.5;
/** 400 %: enough to read a hologram's micro-text on a phone photo, not so much it turns to blocks. */
export const MAX_ZOOM = 4;
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

/** The key that moves focus from an image into its toolbar (the toolbar is out of the Tab order). */
export const TOOLBAR_KEY = 't';
