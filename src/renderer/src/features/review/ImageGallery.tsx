import { useState } from 'react';
import type { KycFileInfo } from '../../../../shared/domain/case';
import type { SyncErrorView } from '../../../../shared/domain/views';
import { EnlargeDialog } from './EnlargeDialog';
import { IMAGE_PANEL_ID, ImageTabs, imageTabId } from './ImageTabs';
import { ImageViewer } from './ImageViewer';
import { filePartLabel, isDocumentFace, isSelfie, orderFiles } from './labels';

/** The latest sync error about one file, if any. */
export function fileSyncError(errors: readonly SyncErrorView[], fileId: string): string | null {
  let latest: SyncErrorView | null = null;
  for (const error of errors)
    if (error.fileId === fileId && (!latest || error.at > latest.at)) latest = error;
  return latest?.message ?? null;
}

/** Labels for a list of files, numbered when two files would otherwise read the same ("Selfie 2"). */
export function fileLabels(files: readonly KycFileInfo[]): Map<string, string> {
  const base = files.map((file) => filePartLabel(file));
  const labels = new Map<string, string>();
  files.forEach((file, i) => {
    const same = base.filter((b) => b === base[i]).length;
    const nth = base.slice(0, i + 1).filter((b) => b === base[i]).length;
    labels.set(file.fileId, same > 1 ? `${base[i]} ${nth}` : base[i]!);
  });
  return labels;
}

export const IMAGES_TITLE_ID = 'rv-images-title';

/**
 * The document pane: one image at a time, as large as the pane allows, with front/back/selfie as
 * tabs; or, in compare mode, the document photo and the selfie side by side.
 */
export function ImageGallery({
  caseId,
  files,
  syncErrors,
  empty,
}: {
  caseId: string;
  files: readonly KycFileInfo[];
  syncErrors: readonly SyncErrorView[];
  /** Shown under "No images yet" (the customer link while the customer can still use it). */
  empty?: React.ReactNode;
}): React.JSX.Element {
  const ordered = orderFiles(files);
  const labels = fileLabels(ordered);
  const [enlarged, setEnlarged] = useState<string | null>(null);
  const [compare, setCompare] = useState(false);
  const [shown, setShown] = useState<string | null>(null);
  const documentFaces = ordered.filter((f) => isDocumentFace(f));
  const selfies = ordered.filter((f) => isSelfie(f));
  const canCompare = documentFaces.length > 0 && selfies.length > 0;
  const comparing = compare && canCompare;
  const current = ordered.find((f) => f.fileId === shown) ?? ordered[0];
  // In compare mode the chosen tab picks which document face (front or data page) sits by the selfie.
  const doc = (current && isDocumentFace(current) ? current : null) ?? documentFaces[0];
  const selfie = (current && isSelfie(current) ? current : null) ?? selfies[0];
  const enlargedFile = ordered.find((f) => f.fileId === enlarged) ?? null;
  const labelOf = (file: KycFileInfo): string => labels.get(file.fileId) ?? filePartLabel(file);

  const viewer = (file: KycFileInfo): React.JSX.Element => (
    <ImageViewer
      key={file.fileId}
      caseId={caseId}
      file={file}
      label={labelOf(file)}
      syncError={fileSyncError(syncErrors, file.fileId)}
      shape="fill"
      onEnlarge={() => setEnlarged(file.fileId)}
    />
  );

  return (
    <section className="rv-docpane" aria-labelledby={IMAGES_TITLE_ID}>
      <div className="rv-docpane-head">
        <h2 id={IMAGES_TITLE_ID} className="rv-docpane-title rv-visually-hidden" tabIndex={-1}>
          Images
        </h2>
        {current ? (
          <ImageTabs
            caseId={caseId}
            files={ordered}
            labels={labels}
            selected={current.fileId}
            onSelect={setShown}
          />
        ) : null}
        {canCompare ? (
          <button
            type="button"
            className="rv-button rv-button-small rv-compare-toggle"
            aria-pressed={comparing}
            onClick={() => setCompare((c) => !c)}
            title="Show the document photo and the selfie side by side"
          >
            Compare with selfie
          </button>
        ) : null}
      </div>
      {!current ? (
        <div className="rv-docpane-empty">
          <p className="rv-muted">No images yet: they appear once the customer submits the document.</p>
          {empty}
        </div>
      ) : (
        <div
          id={IMAGE_PANEL_ID}
          className={`rv-docpane-body${comparing ? ' rv-compare' : ''}`}
          role="tabpanel"
          aria-labelledby={imageTabId(current.fileId)}
        >
          {comparing && doc && selfie ? (
            <>
              {/* Focusable by click only: a letter typed after clicking a caption is the image's, never a
                  decision shortcut (see useDecisionKeys). */}
              <figure className="rv-figure" tabIndex={-1} data-own-keys="">
                {viewer(doc)}
                <figcaption>{labelOf(doc)}</figcaption>
              </figure>
              <figure className="rv-figure" tabIndex={-1} data-own-keys="">
                {viewer(selfie)}
                <figcaption>{labelOf(selfie)}</figcaption>
              </figure>
            </>
          ) : (
            viewer(current)
          )}
        </div>
      )}
      {enlargedFile ? (
        <EnlargeDialog
          caseId={caseId}
          file={enlargedFile}
          label={labelOf(enlargedFile)}
          syncError={fileSyncError(syncErrors, enlargedFile.fileId)}
          onClose={() => setEnlarged(null)}
        />
      ) : null}
    </section>
  );
}
