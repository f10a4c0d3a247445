import { useEffect, useId, useState } from 'react';
import type { KycFileInfo } from '../../../../shared/domain/case';
import { formatBytes } from '../../components/format';
import { Icon } from './Badge';
import { useImage, type ImageState } from './useImage';
import { useZoomPan } from './useZoomPan';
import { ViewerToolbar } from './ViewerToolbar';

export {
  INITIAL_VIEW,
  keyAction,
  MAX_ZOOM,
  MIN_ZOOM,
  nextView,
  rotationFit,
  type ViewAction,
  type ViewState,
} from './view-state';

/** `fill` takes the height its container gives it (the workspace's document pane). */
export type PaneShape = 'doc' | 'square' | 'large' | 'fill';

export interface ImageViewerProps {
  caseId: string;
  file: KycFileInfo;
  /** What the image shows: alt text and the name of its controls ("Document front"). */
  label: string;
  /** The last sync error for this file, shown when it is not downloaded yet. */
  syncError: string | null;
  /** Pane shape (a CSS class): fixed aspect or filling, so nothing jumps while the image loads. */
  shape?: PaneShape;
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
  const [broken, setBroken] = useState<string | null>(null);
  const hintId = useId();
  const showsImage = image.status === 'ready' && image.mime !== 'application/pdf' && broken !== image.url;
  const zp = useZoomPan(showsImage, wheel, defaultAspect(shape));
  const { paneRef } = zp;

  useEffect(() => {
    if (autoFocus && showsImage) paneRef.current?.focus();
  }, [autoFocus, showsImage, paneRef]);

  return (
    // The image's own keys (zoom, rotate, pan) and never the decision shortcuts: see useDecisionKeys.
    <div className={`rv-viewer rv-viewer-${shape}`} data-own-keys="">
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
              'aria-keyshortcuts': '+ - R F 0 T',
              ...zp.paneHandlers,
            }
          : {})}
      >
        <PaneBody
          image={image}
          broken={broken}
          label={label}
          syncError={syncError}
          transform={zp.transform}
          onRetry={retry}
          onBroken={setBroken}
          onLoad={(img) => {
            if (img.naturalWidth > 0 && img.naturalHeight > 0)
              zp.setNatural(img.naturalWidth / img.naturalHeight);
          }}
        />
        {image.status === 'loading' ? <span className="rv-visually-hidden">Loading {label}…</span> : null}
      </div>
      <span id={hintId} className="rv-visually-hidden">
        Plus and minus zoom, R rotates, arrow keys move, F fits, 0 resets, T goes to the image controls.
      </span>
      {showsImage ? (
        <ViewerToolbar
          label={label}
          view={zp.view}
          changed={zp.changed}
          apply={zp.apply}
          toolbarRef={zp.toolbarRef}
          paneRef={paneRef}
          onEnlarge={onEnlarge}
        />
      ) : (
        <div className="rv-tools rv-tools-placeholder" aria-hidden="true" />
      )}
    </div>
  );
}

function PaneBody({
  image,
  broken,
  label,
  syncError,
  transform,
  onRetry,
  onBroken,
  onLoad,
}: {
  image: ImageState;
  broken: string | null;
  label: string;
  syncError: string | null;
  transform: string;
  onRetry: () => void;
  onBroken: (url: string) => void;
  onLoad: (img: HTMLImageElement) => void;
}): React.JSX.Element {
  switch (image.status) {
    case 'not-cached':
      return (
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
    case 'loading':
      return <div className="rv-skeleton" aria-hidden="true" />;
    case 'error':
      return (
        <div className="rv-pane-message" role="alert">
          <Icon name="warning" />
          <p>Could not load this image from the cache</p>
          <p className="rv-note">{image.message}</p>
          <button type="button" className="rv-button rv-button-small" onClick={onRetry}>
            Try again
          </button>
        </div>
      );
    case 'ready':
      break;
  }
  if (image.mime === 'application/pdf')
    return (
      <div className="rv-pane-message rv-pdf">
        <Icon name="file" />
        <p>PDF document</p>
        <p className="rv-note">
          {formatBytes(image.size)}. PDF files are kept in the case cache but cannot be shown inside KYC Desk.
        </p>
      </div>
    );
  if (broken === image.url)
    return (
      <div className="rv-pane-message" role="alert">
        <Icon name="warning" />
        <p>The image file could not be displayed</p>
        <p className="rv-note">It may be damaged. {formatBytes(image.size)} cached.</p>
      </div>
    );
  return (
    <img
      className="rv-img"
      src={image.url}
      alt={label}
      draggable={false}
      style={{ transform }}
      onLoad={(event) => onLoad(event.currentTarget)}
      onError={() => onBroken(image.url)}
    />
  );
}

function defaultAspect(shape: PaneShape): number {
  return shape === 'square' ? 1 : shape === 'large' ? 16 / 10 : 4 / 3;
}
