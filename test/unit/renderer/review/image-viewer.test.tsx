// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ImageGallery } from '../../../../src/renderer/src/features/review/ImageGallery';
import {
  ImageViewer,
  INITIAL_VIEW,
  keyAction,
  MAX_ZOOM,
  MIN_ZOOM,
  nextView,
  rotationFit,
} from '../../../../src/renderer/src/features/review/ImageViewer';
import { resetImageCache } from '../../../../src/renderer/src/features/review/useImage';
import { useStore } from '../../../../src/renderer/src/store';
import type { KycFileInfo } from '../../../../src/shared/domain/case';
import { caseHandlers, failure, fakeBridge, PNG_BYTES, type FakeBridge } from './fixtures';

let bridge: FakeBridge;

beforeEach(() => {
  bridge = fakeBridge(caseHandlers());
  window.kycDesk = bridge;
  useStore.setState(useStore.getInitialState(), true);
});

afterEach(() => {
  cleanup();
  resetImageCache();
});

const front: KycFileInfo = {
  fileId: 'file-front',
  part: 'Front',
  fileType: 'DocumentPhoto',
  fileName: 'front.jpeg',
  extension: 'jpeg',
  createdUtc: null,
  cached: true,
};
const selfie: KycFileInfo = {
  ...front,
  fileId: 'file-selfie',
  part: 'Selfie',
  fileType: 'FacePhoto',
  fileName: 'face.png',
};

const transformOf = (img: HTMLElement): string => img.style.transform;

describe('nextView', () => {
  it('zooms in steps within limits and re-centres when back at fit', () => {
    let view = INITIAL_VIEW;
    view = nextView(view, { type: 'zoom-in' });
    expect(view.zoom).toBe(1.25);
    view = nextView(nextView(view, { type: 'pan', dx: 30, dy: -10 }), { type: 'zoom-out' });
    expect(view).toEqual({ zoom: 1, rotation: 0, x: 0, y: 0 });
    for (let i = 0; i < 30; i += 1) view = nextView(view, { type: 'zoom-in' });
    expect(view.zoom).toBe(MAX_ZOOM);
    for (let i = 0; i < 30; i += 1) view = nextView(view, { type: 'zoom-out' });
    expect(view.zoom).toBe(MIN_ZOOM);
  });

  it('rotates in quarter turns both ways; fit keeps the rotation, reset does not', () => {
    let view = nextView(INITIAL_VIEW, { type: 'rotate', by: -90 });
    expect(view.rotation).toBe(270);
    view = nextView(nextView(view, { type: 'rotate', by: 90 }), { type: 'rotate', by: 90 });
    expect(view.rotation).toBe(90);
    view = nextView(nextView(view, { type: 'zoom-in' }), { type: 'pan', dx: 5, dy: 5 });
    expect(nextView(view, { type: 'fit' })).toEqual({ zoom: 1, rotation: 90, x: 0, y: 0 });
    expect(nextView(view, { type: 'reset' })).toEqual(INITIAL_VIEW);
  });

  it('fits a quarter-turned image inside the pane', () => {
    expect(rotationFit(0, 1.6, 4 / 3)).toBe(1);
    expect(rotationFit(180, 1.6, 4 / 3)).toBe(1);
    // A landscape card in a landscape pane shrinks to the pane's height/width.
    expect(rotationFit(90, 1.6, 4 / 3)).toBeCloseTo(0.75);
    // A portrait selfie in a landscape pane grows until its long side fills the width.
    expect(rotationFit(270, 0.75, 4 / 3)).toBeCloseTo(4 / 3);
    expect(rotationFit(90, 0, 4 / 3)).toBe(1);
  });

  it('maps keys to actions and leaves modified keys alone', () => {
    const key = (k: string, extra: Partial<KeyboardEvent> = {}) =>
      keyAction({ key: k, shiftKey: false, ctrlKey: false, metaKey: false, altKey: false, ...extra });
    expect(key('+')).toEqual({ type: 'zoom-in' });
    expect(key('-')).toEqual({ type: 'zoom-out' });
    expect(key('r')).toEqual({ type: 'rotate', by: 90 });
    expect(key('R', { shiftKey: true })).toEqual({ type: 'rotate', by: -90 });
    expect(key('0')).toEqual({ type: 'reset' });
    expect(key('f')).toEqual({ type: 'fit' });
    expect(key('ArrowLeft')).toEqual({ type: 'pan', dx: -40, dy: 0 });
    expect(key('ArrowDown', { shiftKey: true })).toEqual({ type: 'pan', dx: 0, dy: 120 });
    expect(key('+', { ctrlKey: true })).toBeNull();
    expect(key('a')).toBeNull();
  });
});

describe('ImageViewer', () => {
  it('loads the cached bytes and answers +, −, R, arrows and 0 when focused', async () => {
    const user = userEvent.setup();
    render(<ImageViewer caseId="case-1" file={front} label="Document front" syncError={null} />);
    const img = await screen.findByRole('img', { name: 'Document front' });
    expect(img.getAttribute('src')).toMatch(/^blob:/);
    expect(bridge.callsTo('cases:image')).toEqual([{ caseId: 'case-1', fileId: 'file-front' }]);

    const pane = screen.getByRole('group', { name: 'Document front, image viewer' });
    act(() => pane.focus());
    await user.keyboard('+');
    expect(transformOf(img)).toContain('scale(1.25)');
    expect(screen.getByText('125%')).toBeTruthy();
    await user.keyboard('r');
    expect(transformOf(img)).toContain('rotate(90deg)');
    await user.keyboard('{ArrowRight}{ArrowRight}{ArrowUp}');
    expect(transformOf(img)).toContain('translate(80px, -40px)');
    await user.keyboard('-');
    expect(transformOf(img)).toContain('translate(0px, 0px)');
    await user.keyboard('0');
    expect(transformOf(img)).toBe('translate(0px, 0px) rotate(0deg) scale(1)');
  });

  it('has buttons for the same controls', async () => {
    const user = userEvent.setup();
    render(<ImageViewer caseId="case-1" file={front} label="Document front" syncError={null} />);
    const img = await screen.findByRole('img', { name: 'Document front' });
    await user.click(screen.getByRole('button', { name: 'Zoom in' }));
    await user.click(screen.getByRole('button', { name: 'Zoom in' }));
    expect(screen.getByText('156%')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Rotate 90 degrees' }));
    expect(transformOf(img)).toContain('rotate(90deg)');
    await user.click(screen.getByRole('button', { name: 'Fit to pane' }));
    expect(transformOf(img)).toContain('rotate(90deg)');
    expect(screen.getByText('100%')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Reset view' }));
    expect(transformOf(img)).toContain('rotate(0deg)');
  });

  it('zooms with Ctrl+wheel, and with the plain wheel only once the pane has focus', async () => {
    render(<ImageViewer caseId="case-1" file={front} label="Document front" syncError={null} />);
    const img = await screen.findByRole('img', { name: 'Document front' });
    const pane = screen.getByRole('group', { name: 'Document front, image viewer' });
    const wheel = (deltaY: number, ctrlKey = false): WheelEvent => {
      const event = new WheelEvent('wheel', { deltaY, bubbles: true, cancelable: true });
      // happy-dom's WheelEvent drops modifier keys from the init dictionary.
      Object.defineProperty(event, 'ctrlKey', { value: ctrlKey });
      act(() => {
        pane.dispatchEvent(event);
      });
      return event;
    };
    expect(wheel(-100).defaultPrevented).toBe(false);
    expect(transformOf(img)).toContain('scale(1)');
    expect(wheel(-100, true).defaultPrevented).toBe(true);
    expect(transformOf(img)).toContain('scale(1.25)');
    act(() => pane.focus());
    wheel(100);
    expect(transformOf(img)).toContain('scale(1)');
  });

  it('pans by dragging', async () => {
    render(<ImageViewer caseId="case-1" file={front} label="Document front" syncError={null} />);
    const img = await screen.findByRole('img', { name: 'Document front' });
    const pane = screen.getByRole('group', { name: 'Document front, image viewer' });
    fireEvent.pointerDown(pane, { pointerId: 1, button: 0, clientX: 10, clientY: 10 });
    fireEvent.pointerMove(pane, { pointerId: 1, clientX: 40, clientY: 25 });
    fireEvent.pointerUp(pane, { pointerId: 1, clientX: 40, clientY: 25 });
    fireEvent.pointerMove(pane, { pointerId: 1, clientX: 90, clientY: 90 });
    expect(transformOf(img)).toContain('translate(30px, 15px)');
  });

  it('revokes the object URL once no pane shows the image any more', async () => {
    const revoke = vi.spyOn(URL, 'revokeObjectURL');
    const { unmount } = render(
      <ImageViewer caseId="case-1" file={front} label="Document front" syncError={null} />,
    );
    const url = (await screen.findByRole('img', { name: 'Document front' })).getAttribute('src');
    vi.useFakeTimers();
    try {
      unmount();
      expect(revoke).not.toHaveBeenCalledWith(url);
      vi.advanceTimersByTime(5000);
      expect(revoke).toHaveBeenCalledWith(url);
    } finally {
      vi.useRealTimers();
    }
  });

  it('says an image is not downloaded yet, with the sync error', () => {
    render(
      <ImageViewer
        caseId="case-1"
        file={{ ...front, cached: false }}
        label="Document front"
        syncError="Ondato answered with an HTML page."
        shape="doc"
      />,
    );
    expect(screen.getByText('Image not downloaded yet')).toBeTruthy();
    expect(screen.getByText(/Ondato answered with an HTML page\./)).toBeTruthy();
    expect(bridge.callsTo('cases:image')).toEqual([]);
  });

  it('shows a PDF as a labelled tile with its size', async () => {
    bridge.handlers['cases:image'] = () => ({ mime: 'application/pdf', bytes: new Uint8Array(2048) });
    render(<ImageViewer caseId="case-1" file={front} label="Document front" syncError={null} />);
    expect(await screen.findByText('PDF document')).toBeTruthy();
    expect(screen.getByText(/2\.0 KB/)).toBeTruthy();
    expect(screen.queryByRole('img')).toBeNull();
  });

  it('offers Try again when the cache read fails', async () => {
    const user = userEvent.setup();
    bridge.handlers['cases:image'] = () => failure('internal', 'Disk trouble.');
    render(<ImageViewer caseId="case-1" file={front} label="Document front" syncError={null} />);
    expect(await screen.findByText('Disk trouble.')).toBeTruthy();
    bridge.handlers['cases:image'] = () => ({ mime: 'image/png', bytes: PNG_BYTES });
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('img', { name: 'Document front' })).toBeTruthy();
  });
});

describe('ImageGallery', () => {
  it('shows one image at a time as tabs in the order front, back, selfie; arrows move between them', async () => {
    const user = userEvent.setup();
    const back = { ...front, fileId: 'file-back', part: 'Back' };
    render(<ImageGallery caseId="case-1" files={[selfie, back, front]} syncErrors={[]} />);
    const tabs = screen.getAllByRole('tab');
    expect(tabs.map((t) => t.textContent)).toEqual(['Document front', 'Document back', 'Selfie']);
    expect(tabs.map((t) => t.getAttribute('tabindex'))).toEqual(['0', '-1', '-1']);
    expect((await screen.findAllByRole('img')).map((i) => i.getAttribute('alt'))).toEqual(['Document front']);
    act(() => tabs[0]!.focus());
    await user.keyboard('{ArrowRight}');
    expect(document.activeElement).toBe(tabs[1]);
    expect(tabs[1]!.getAttribute('aria-selected')).toBe('true');
    expect((await screen.findAllByRole('img')).map((i) => i.getAttribute('alt'))).toEqual(['Document back']);
    await user.keyboard('{End}');
    expect((await screen.findAllByRole('img')).map((i) => i.getAttribute('alt'))).toEqual(['Selfie']);
    // The tab panel is named by its tab.
    expect(screen.getByRole('tabpanel', { name: 'Selfie' })).toBeTruthy();
  });

  it('keeps the image toolbar out of the Tab order: T from the image reaches it, Esc goes back', async () => {
    const user = userEvent.setup();
    render(<ImageGallery caseId="case-1" files={[front]} syncErrors={[]} />);
    const img = await screen.findByRole('img', { name: 'Document front' });
    const toolbar = screen.getByRole('toolbar', { name: 'Document front controls' });
    for (const button of within(toolbar).getAllByRole('button'))
      expect(button.getAttribute('tabindex')).toBe('-1');
    const pane = screen.getByRole('group', { name: 'Document front, image viewer' });
    act(() => pane.focus());
    await user.keyboard('t');
    expect(document.activeElement?.getAttribute('aria-label')).toBe('Zoom out');
    await user.keyboard('{ArrowRight}');
    expect(document.activeElement?.getAttribute('aria-label')).toBe('Zoom in');
    await user.keyboard('{Enter}');
    expect(transformOf(img)).toContain('scale(1.25)');
    await user.keyboard('+');
    expect(transformOf(img)).toContain('scale(1.563)');
    await user.keyboard('{Escape}');
    expect(document.activeElement).toBe(pane);
  });

  it('zooms to 400 % at most', async () => {
    const user = userEvent.setup();
    render(<ImageViewer caseId="case-1" file={front} label="Document front" syncError={null} />);
    await screen.findByRole('img', { name: 'Document front' });
    act(() => screen.getByRole('group', { name: 'Document front, image viewer' }).focus());
    for (let i = 0; i < 12; i += 1) await user.keyboard('+');
    expect(screen.getByText('400%')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Zoom in' }).getAttribute('aria-disabled')).toBe('true');
  });

  it('enlarges one image in a dialog that Esc closes, returning focus', async () => {
    const user = userEvent.setup();
    render(<ImageGallery caseId="case-1" files={[selfie, front]} syncErrors={[]} />);
    await screen.findByRole('img', { name: 'Document front' });
    await user.click(screen.getByRole('tab', { name: 'Selfie' }));
    expect((await screen.findAllByRole('img')).map((i) => i.getAttribute('alt'))).toEqual(['Selfie']);
    const enlarge = screen.getByRole('button', { name: 'Enlarge' });
    await user.click(enlarge);
    const dialog = await screen.findByRole('dialog', { name: 'Selfie' });
    expect(dialog).toBeTruthy();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(enlarge);
    // One load per file: the tabs' thumbnails, the pane and the dialog share the bytes.
    expect(bridge.callsTo('cases:image')).toHaveLength(2);
  });

  it('compares the document photo with the selfie side by side', async () => {
    const user = userEvent.setup();
    const back = { ...front, fileId: 'file-back', part: 'Back' };
    render(<ImageGallery caseId="case-1" files={[back, selfie, front]} syncErrors={[]} />);
    const toggle = screen.getByRole('button', { name: 'Compare with selfie' });
    expect(toggle.getAttribute('aria-pressed')).toBe('false');
    await user.click(toggle);
    expect(toggle.getAttribute('aria-pressed')).toBe('true');
    const images = await screen.findAllByRole('img');
    expect(images.map((i) => i.getAttribute('alt'))).toEqual(['Document front', 'Selfie']);
  });

  it('shows the sync error of a file that is not downloaded', () => {
    render(
      <ImageGallery
        caseId="case-1"
        files={[{ ...front, cached: false }]}
        syncErrors={[
          { at: 1, code: 'bad_response', message: 'Old failure.', fileId: 'file-front' },
          { at: 2, code: 'bad_response', message: 'Newest failure.', fileId: 'file-front' },
          { at: 3, code: 'network', message: 'Other file.', fileId: 'other' },
        ]}
      />,
    );
    expect(screen.getByText(/Newest failure\./)).toBeTruthy();
    expect(screen.queryByText(/Other file\./)).toBeNull();
  });
});
