import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  DEFAULT_SIZE,
  loadWindowState,
  MIN_SIZE,
  parseWindowState,
  placeWindow,
  saveWindowState,
  windowStatePath,
} from '../../../../src/main/electron/window-state';

const laptop = { x: 0, y: 0, width: 1920, height: 1050 };
const rightMonitor = { x: 1920, y: 0, width: 2560, height: 1410 };

describe('parseWindowState', () => {
  it('accepts a well-formed state', () => {
    const state = { bounds: { x: 10, y: 20, width: 1200, height: 800 }, maximized: true };
    expect(parseWindowState(state)).toEqual(state);
  });

  it.each([
    null,
    'x',
    [],
    {},
    { bounds: { x: 0, y: 0, width: 1200, height: 800 } },
    { bounds: { x: 0, y: 0, width: 1200 }, maximized: false },
    { bounds: { x: '0', y: 0, width: 1200, height: 800 }, maximized: false },
    { bounds: { x: 0.5, y: 0, width: 1200, height: 800 }, maximized: false },
    { bounds: { x: Number.NaN, y: 0, width: 1200, height: 800 }, maximized: false },
    { bounds: { x: 0, y: 0, width: 1e9, height: 800 }, maximized: false },
    { bounds: { x: 0, y: 0, width: -5, height: 800 }, maximized: false },
    { bounds: { x: 0, y: 0, width: 1200, height: 800 }, maximized: 'yes' },
  ])('refuses %j', (raw) => {
    expect(parseWindowState(raw)).toBeNull();
  });
});

describe('placeWindow', () => {
  it('uses the defaults without a saved state', () => {
    expect(placeWindow(null, [laptop])).toEqual({ ...DEFAULT_SIZE, maximized: false });
  });

  it('keeps a saved position that is visible on a current display', () => {
    const state = { bounds: { x: 2100, y: 100, width: 1400, height: 900 }, maximized: false };
    expect(placeWindow(state, [laptop, rightMonitor])).toEqual({
      x: 2100,
      y: 100,
      width: 1400,
      height: 900,
      maximized: false,
    });
  });

  it('drops the position when its display is gone (the window is centred instead)', () => {
    const state = { bounds: { x: 2100, y: 100, width: 1400, height: 900 }, maximized: true };
    expect(placeWindow(state, [laptop])).toEqual({ width: 1400, height: 900, maximized: true });
  });

  it('drops a position that leaves only a sliver on screen', () => {
    const state = { bounds: { x: 1850, y: 1000, width: 1000, height: 700 }, maximized: false };
    expect(placeWindow(state, [laptop]).x).toBeUndefined();
  });

  it('clamps the size between the minimum and the largest display', () => {
    const tiny = { bounds: { x: 0, y: 0, width: 100, height: 50 }, maximized: false };
    expect(placeWindow(tiny, [laptop])).toMatchObject({ width: MIN_SIZE.width, height: MIN_SIZE.height });
    const huge = { bounds: { x: 0, y: 0, width: 9000, height: 9000 }, maximized: false };
    expect(placeWindow(huge, [laptop])).toMatchObject({ width: 1920, height: 1050 });
  });
});

describe('window-state.json', () => {
  let dir = '';
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('round-trips through userData and ignores a corrupt file', () => {
    dir = mkdtempSync(join(tmpdir(), 'kyc-desk-ws-'));
    const file = windowStatePath(dir);
    expect(file).toBe(join(dir, 'window-state.json'));
    expect(loadWindowState(file)).toBeNull();
    const state = { bounds: { x: 1, y: 2, width: 1000, height: 700 }, maximized: false };
    saveWindowState(file, state);
    expect(loadWindowState(file)).toEqual(state);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(state);
    writeFileSync(file, '{"bounds": ');
    expect(loadWindowState(file)).toBeNull();
  });
});
