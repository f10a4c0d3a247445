import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * The main window's bounds, remembered in `<userData>/window-state.json`. The file is ours but still
 * untrusted input (hand edits, another version, a monitor that is gone): it is parsed strictly and
 * fitted to the displays that exist now, so the window never opens off-screen or absurdly sized.
 */
export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface WindowState {
  bounds: Rect;
  maximized: boolean;
}

/** What BrowserWindow gets: a size always; a position only when it is visible on a display. */
export interface WindowPlacement {
  width: number;
  height: number;
  x?: number;
  y?: number;
  maximized: boolean;
}

export const DEFAULT_SIZE = { width: 1280, height: 820 } as const;
export const MIN_SIZE = { width: 900, height: 600 } as const;
const MAX_COORD = 100_000;
/** How much of the window must lie on a display for the saved position to be kept. */
const MIN_VISIBLE = { width: 200, height: 100 } as const;

export const WINDOW_STATE_FILE = 'window-state.json';

export function windowStatePath(userData: string): string {
  return join(userData, WINDOW_STATE_FILE);
}

function isCoord(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && Math.abs(value) <= MAX_COORD;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A well-formed state or null; anything odd (types, NaN, huge numbers, extra nesting) is dropped. */
export function parseWindowState(raw: unknown): WindowState | null {
  if (!isObject(raw) || !isObject(raw.bounds) || typeof raw.maximized !== 'boolean') return null;
  const { x, y, width, height } = raw.bounds;
  if (!isCoord(x) || !isCoord(y) || !isCoord(width) || !isCoord(height)) return null;
  if (width <= 0 || height <= 0) return null;
  return { bounds: { x, y, width, height }, maximized: raw.maximized };
}

function overlap(a: Rect, b: Rect): { width: number; height: number } {
  const width = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const height = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return { width: Math.max(0, width), height: Math.max(0, height) };
}

/**
 * Fits a saved state to the current displays' work areas (`primary` first is not required; the
 * largest is used for the size cap). No state, or no display: the defaults, centred by Electron.
 */
export function placeWindow(state: WindowState | null, workAreas: readonly Rect[]): WindowPlacement {
  const largest = workAreas.reduce<Rect | null>(
    (best, area) => (!best || area.width * area.height > best.width * best.height ? area : best),
    null,
  );
  const capW = largest ? Math.max(MIN_SIZE.width, largest.width) : DEFAULT_SIZE.width;
  const capH = largest ? Math.max(MIN_SIZE.height, largest.height) : DEFAULT_SIZE.height;
  if (!state) {
    return {
      width: Math.min(DEFAULT_SIZE.width, capW),
      height: Math.min(DEFAULT_SIZE.height, capH),
      maximized: false,
    };
  }
  const width = Math.min(Math.max(state.bounds.width, MIN_SIZE.width), capW);
  const height = Math.min(Math.max(state.bounds.height, MIN_SIZE.height), capH);
  const placed = { ...state.bounds, width, height };
  const visible = workAreas.some((area) => {
    const seen = overlap(placed, area);
    return seen.width >= MIN_VISIBLE.width && seen.height >= MIN_VISIBLE.height;
  });
  // Off every display (a monitor was unplugged): keep the size, let Electron centre it.
  return visible
    ? { width, height, x: placed.x, y: placed.y, maximized: state.maximized }
    : { width, height, maximized: state.maximized };
}

export function loadWindowState(file: string): WindowState | null {
  try {
    return parseWindowState(JSON.parse(readFileSync(file, 'utf8')));
  } catch {
    return null;
  }
}

/** Written to a temp file and renamed, so a crash mid-write leaves the old state, not half a file. */
export function saveWindowState(file: string, state: WindowState): void {
  try {
    mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
    const temp = `${file}.tmp`;
    writeFileSync(temp, `${JSON.stringify(state)}\n`, { mode: 0o600 });
    renameSync(temp, file);
  } catch {
    // Remembering the window is a nicety; a read-only profile must not break quitting.
  }
}
