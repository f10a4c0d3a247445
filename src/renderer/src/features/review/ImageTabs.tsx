import { useRef } from 'react';
import type { KycFileInfo } from '../../../../shared/domain/case';
import { useImage } from './useImage';

/**
 * A small picture of the file on its tab: decorative, the tab's text names it. Other tabs' pictures
 * wait until the shown image has loaded, so opening a case paints its document first.
 */
function Thumb({
  caseId,
  file,
  enabled,
}: {
  caseId: string;
  file: KycFileInfo;
  enabled: boolean;
}): React.JSX.Element {
  const { image } = useImage(caseId, enabled ? file : { ...file, cached: false });
  const url = image.status === 'ready' && image.mime !== 'application/pdf' ? image.url : null;
  return (
    <span className="rv-thumb" aria-hidden="true">
      {url ? <img src={url} alt="" draggable={false} /> : null}
    </span>
  );
}

export const imageTabId = (fileId: string): string => `rv-image-tab-${fileId}`;
export const IMAGE_PANEL_ID = 'rv-image-panel';

/**
 * Front, back, selfie… as tabs with thumbnails: one Tab stop, arrow keys move and show (the ARIA
 * tabs pattern with automatic activation: showing an image is cheap and reversible).
 */
export function ImageTabs({
  caseId,
  files,
  labels,
  selected,
  onSelect,
}: {
  caseId: string;
  files: readonly KycFileInfo[];
  labels: ReadonlyMap<string, string>;
  selected: string;
  onSelect: (fileId: string) => void;
}): React.JSX.Element {
  const list = useRef<HTMLDivElement | null>(null);
  const shown = files.find((f) => f.fileId === selected) ?? files[0]!;
  // The same shared entry as the pane's (no second load): only its state is read here.
  const shownDone = useImage(caseId, shown).image.status !== 'loading';
  const onKeyDown = (event: React.KeyboardEvent<HTMLDivElement>): void => {
    const at = files.findIndex((f) => f.fileId === selected);
    let next: number;
    switch (event.key) {
      case 'ArrowRight':
        next = at + 1;
        break;
      case 'ArrowLeft':
        next = at - 1;
        break;
      case 'Home':
        next = 0;
        break;
      case 'End':
        next = files.length - 1;
        break;
      default:
        return;
    }
    event.preventDefault();
    event.stopPropagation();
    const file = files[(next + files.length) % files.length];
    if (!file) return;
    onSelect(file.fileId);
    document.getElementById(imageTabId(file.fileId))?.focus();
  };
  return (
    <div ref={list} className="rv-image-tabs" role="tablist" aria-label="Images" onKeyDown={onKeyDown}>
      {files.map((file) => {
        const on = file.fileId === selected;
        return (
          <button
            key={file.fileId}
            id={imageTabId(file.fileId)}
            type="button"
            role="tab"
            className="rv-image-tab"
            aria-selected={on}
            aria-controls={IMAGE_PANEL_ID}
            tabIndex={on ? 0 : -1}
            onClick={() => onSelect(file.fileId)}
          >
            <Thumb caseId={caseId} file={file} enabled={on || shownDone} />
            <span>{labels.get(file.fileId)}</span>
          </button>
        );
      })}
    </div>
  );
}
