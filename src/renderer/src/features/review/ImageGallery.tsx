import { useState } from 'react';
import type { KycFileInfo } from '../../../../shared/domain/case';
import type { SyncErrorView } from '../../../../shared/domain/views';
import { Modal } from '../../components/Modal';
import { Icon } from './Badge';
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

function EnlargeDialog({
  caseId,
  file,
  label,
  syncError,
  onClose,
}: {
  caseId: string;
  file: KycFileInfo;
  label: string;
  syncError: string | null;
  onClose: () => void;
}): React.JSX.Element {
  const titleId = `rv-enlarge-${file.fileId}`;
  // The shell's Modal: the app is inert behind it, Tab stays inside, Esc closes, focus goes back.
  return (
    <Modal labelledBy={titleId} onClose={onClose} className="rv-enlarge">
      <div className="rv-dialog-head">
        <h2 id={titleId}>{label}</h2>
        <button type="button" className="rv-button" onClick={onClose}>
          <Icon name="cross" />
          Close <span className="rv-kbd">Esc</span>
        </button>
      </div>
      <ImageViewer
        caseId={caseId}
        file={file}
        label={label}
        syncError={syncError}
        shape="large"
        wheel="always"
        autoFocus
      />
    </Modal>
  );
}

export function ImageGallery({
  caseId,
  files,
  syncErrors,
}: {
  caseId: string;
  files: readonly KycFileInfo[];
  syncErrors: readonly SyncErrorView[];
}): React.JSX.Element {
  const ordered = orderFiles(files);
  const labels = fileLabels(ordered);
  const [enlarged, setEnlarged] = useState<string | null>(null);
  const [compare, setCompare] = useState(false);
  const documentFaces = ordered.filter((f) => isDocumentFace(f));
  const selfies = ordered.filter((f) => isSelfie(f));
  const [docChoice, setDocChoice] = useState<string | null>(null);
  const canCompare = documentFaces.length > 0 && selfies.length > 0;
  const comparing = compare && canCompare;
  const doc = documentFaces.find((f) => f.fileId === docChoice) ?? documentFaces[0];
  const selfie = selfies[0];
  const enlargedFile = ordered.find((f) => f.fileId === enlarged) ?? null;

  const viewer = (file: KycFileInfo, shape: 'doc' | 'square'): React.JSX.Element => {
    const label = labels.get(file.fileId) ?? filePartLabel(file);
    return (
      // Focusable by click only: a click on the caption lands here, so a letter typed next is the
      // image's and never a decision shortcut (see useDecisionKeys).
      <figure className="rv-figure" key={file.fileId} tabIndex={-1} data-own-keys="">
        <ImageViewer
          caseId={caseId}
          file={file}
          label={label}
          syncError={fileSyncError(syncErrors, file.fileId)}
          shape={shape}
          onEnlarge={() => setEnlarged(file.fileId)}
        />
        <figcaption>
          <span className="rv-figure-title">{label}</span>
          {file.fileName ? <span className="rv-note rv-mono">{file.fileName}</span> : null}
        </figcaption>
      </figure>
    );
  };

  return (
    <section className="rv-card" aria-labelledby="rv-images-title">
      <div className="rv-card-head">
        <h2 id="rv-images-title">Images</h2>
        {canCompare ? (
          <button
            type="button"
            className="rv-button"
            aria-pressed={comparing}
            onClick={() => setCompare((c) => !c)}
          >
            {comparing ? 'Show all images' : 'Compare document photo with selfie'}
          </button>
        ) : null}
      </div>
      {ordered.length === 0 ? (
        <p className="rv-muted">No images yet: they appear once the customer submits the document.</p>
      ) : comparing && doc && selfie ? (
        <>
          {documentFaces.length > 1 ? (
            <div className="rv-field rv-field-inline">
              <label htmlFor="rv-compare-doc">Document photo</label>
              <select
                id="rv-compare-doc"
                className="rv-select"
                value={doc.fileId}
                onChange={(event) => setDocChoice(event.target.value)}
              >
                {documentFaces.map((f) => (
                  <option key={f.fileId} value={f.fileId}>
                    {labels.get(f.fileId)}
                  </option>
                ))}
              </select>
            </div>
          ) : null}
          <div className="rv-compare">
            {viewer(doc, 'square')}
            {viewer(selfie, 'square')}
          </div>
        </>
      ) : (
        <div className="rv-gallery">{ordered.map((file) => viewer(file, 'doc'))}</div>
      )}
      {ordered.length ? (
        <p className="rv-hint">
          Click or Tab into an image, then <span className="rv-kbd">+</span> <span className="rv-kbd">−</span>{' '}
          zoom, <span className="rv-kbd">R</span> rotate, arrow keys move, <span className="rv-kbd">F</span>{' '}
          fit, <span className="rv-kbd">0</span> reset. Drag to move; the wheel zooms a selected image
          (Ctrl+wheel anywhere).
        </p>
      ) : null}
      {enlargedFile ? (
        <EnlargeDialog
          caseId={caseId}
          file={enlargedFile}
          label={labels.get(enlargedFile.fileId) ?? filePartLabel(enlargedFile)}
          syncError={fileSyncError(syncErrors, enlargedFile.fileId)}
          onClose={() => setEnlarged(null)}
        />
      ) : null}
    </section>
  );
}
