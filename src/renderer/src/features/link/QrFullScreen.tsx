import { useEffect } from 'react';
import { Modal } from '../../components/Modal';

interface QrFullScreenProps {
  src: string;
  host: string;
  onShown(): void;
  onClose(): void;
}

/** The QR code as large as the window allows, dark on white whatever the theme, for a customer's phone. */
export function QrFullScreen({ src, host, onShown, onClose }: QrFullScreenProps): React.JSX.Element {
  useEffect(() => {
    onShown();
    // Once per opening; the callback identity does not matter.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  return (
    <Modal labelledBy="qr-full-title" describedBy="qr-full-hint" onClose={onClose} className="qr-full">
      <h2 id="qr-full-title" className="qr-full-title">
        Scan with your phone camera
      </h2>
      <img className="qr-full-image" src={src} alt="QR code of the customer's verification link" />
      <p id="qr-full-hint" className="qr-full-hint">
        Opens the identity verification on {host}
      </p>
      <button type="button" className="btn qr-full-close" onClick={onClose} data-autofocus>
        Close <kbd>Esc</kbd>
      </button>
    </Modal>
  );
}
