import type { KycFileInfo } from '../../../../shared/domain/case';
import { Modal } from '../../components/Modal';
import { Icon } from './Badge';
import { ImageViewer } from './ImageViewer';

/** One image over the whole window. The shell's Modal: the app is inert behind it, Esc closes. */
export function EnlargeDialog({
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
