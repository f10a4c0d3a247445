import { useEffect, useId, useRef, useState } from 'react';
import { Icon } from '../../components/Icon';
import { useStore } from '../../store';
import { QrFullScreen } from './QrFullScreen';

export interface LinkPanelProps {
  caseId: string;
  customerUrl: string;
  /** Kept for callers; main names the saved PNG from the case's reference. */
  externalRef?: string | null;
  headingLevel?: 2 | 3;
}

type Notice = { kind: 'ok' | 'error'; text: string } | null;

const COPIED_MS = 2500;

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

/**
 * The customer's link: copy it, show it as a QR code (also full screen), put it on the counter screen
 * for the customer (counter mode), open it, save the QR (main asks where, and audits it).
 */
export function LinkPanel({ caseId, customerUrl, headingLevel = 2 }: LinkPanelProps): React.JSX.Element {
  const qr = useStore((s) => s.qr[caseId]);
  const loadQr = useStore((s) => s.loadQr);
  const copyLink = useStore((s) => s.copyLink);
  const openLink = useStore((s) => s.openLink);
  const recordQrShown = useStore((s) => s.recordQrShown);
  const saveQr = useStore((s) => s.saveQr);
  const openCounter = useStore((s) => s.openCounter);
  const [copied, setCopied] = useState(false);
  const [notice, setNotice] = useState<Notice>(null);
  const [fullScreen, setFullScreen] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const headingId = useId();
  const Heading = headingLevel === 2 ? 'h2' : 'h3';

  useEffect(() => {
    void loadQr(caseId);
  }, [caseId, loadQr]);
  useEffect(() => () => clearTimeout(timer.current), []);

  const images = qr?.status === 'ready' ? qr.value : null;
  const svgUrl = images?.svgUrl ?? null;

  const onCopy = async (): Promise<void> => {
    const result = await copyLink(caseId, customerUrl);
    clearTimeout(timer.current);
    if (!result.ok) {
      setCopied(false);
      setNotice({ kind: 'error', text: result.error.message });
      return;
    }
    setCopied(true);
    const audit = result.value.auditError;
    setNotice({
      kind: audit ? 'error' : 'ok',
      text: audit
        ? `Link copied, but the audit trail was not updated: ${audit}`
        : 'Link copied to the clipboard.',
    });
    timer.current = setTimeout(() => setCopied(false), COPIED_MS);
  };

  const onOpen = async (): Promise<void> => {
    const result = await openLink(caseId);
    setNotice(
      result.ok
        ? { kind: 'ok', text: 'Opened in your browser.' }
        : { kind: 'error', text: result.error.message },
    );
  };

  const onSave = async (): Promise<void> => {
    const result = await saveQr(caseId);
    if (!result.ok) setNotice({ kind: 'error', text: `The QR code was not saved. ${result.error.message}` });
    else if (result.value.status === 'written')
      setNotice({ kind: 'ok', text: `QR code saved to ${result.value.path}.` });
  };

  const onCounter = async (): Promise<void> => {
    const result = await openCounter(caseId);
    setNotice(
      result.ok
        ? {
            kind: 'ok',
            text:
              result.value.shownIn === 'window'
                ? 'The counter view is showing on the customer’s screen.'
                : 'The counter view opened in a new window: turn it to the customer.',
          }
        : { kind: 'error', text: `The counter view could not open. ${result.error.message}` },
    );
  };

  return (
    <section className="link-panel" aria-labelledby={headingId}>
      <Heading id={headingId} className="section-title">
        Customer link
      </Heading>
      <div className="link-body">
        <div className="qr-box">
          {svgUrl ? (
            <img className="qr-image" src={svgUrl} alt="QR code of the customer's verification link" />
          ) : qr?.status === 'error' ? (
            <div className="qr-placeholder qr-error" role="alert">
              <p>The QR code could not be made. {qr.message}</p>
              <button type="button" className="btn btn-small" onClick={() => void loadQr(caseId)}>
                Retry
              </button>
            </div>
          ) : (
            <div className="qr-placeholder skeleton" role="status" aria-label="Loading QR code" />
          )}
        </div>
        <div className="link-details">
          <p className="field-label" id={`${headingId}-url`}>
            Link for the customer
          </p>
          <p className="link-url" aria-labelledby={`${headingId}-url`}>
            {customerUrl}
          </p>
          <div className="button-row">
            <button type="button" className="btn btn-primary" onClick={() => void onCopy()}>
              <Icon name={copied ? 'check' : 'copy'} />
              {copied ? 'Copied' : 'Copy link'}
            </button>
            <button type="button" className="btn" disabled={!svgUrl} onClick={() => setFullScreen(true)}>
              <Icon name="expand" />
              Show full screen
            </button>
            <button type="button" className="btn" onClick={() => void onCounter()}>
              <Icon name="counter" />
              Counter mode
            </button>
            <button type="button" className="btn" onClick={() => void onOpen()}>
              <Icon name="external" />
              Open in browser
            </button>
            <button type="button" className="btn" onClick={() => void onSave()}>
              <Icon name="download" />
              Save QR as PNG
            </button>
          </div>
          <p className="link-notice" role="status" data-kind={notice?.kind}>
            {notice?.text ?? ''}
          </p>
        </div>
      </div>
      {fullScreen && svgUrl ? (
        <QrFullScreen
          src={svgUrl}
          host={hostOf(customerUrl)}
          onShown={() => void recordQrShown(caseId)}
          onClose={() => setFullScreen(false)}
        />
      ) : null}
    </section>
  );
}
