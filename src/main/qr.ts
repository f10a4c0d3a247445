import QRCode from 'qrcode';

// Error correction M and the full 4-module quiet zone: phone cameras in a bank branch read it at a
// distance and off a glossy screen; a smaller margin is the usual reason a QR code "does not scan".
const options = { errorCorrectionLevel: 'M', margin: 4 } as const;

/** A PNG of the QR code; `scale` is pixels per module. */
export function qrPng(text: string, scale = 10): Promise<Buffer> {
  return QRCode.toBuffer(text, {
    ...options,
    type: 'png',
    scale,
    color: { dark: '#000000', light: '#ffffff' },
  });
}

/** The QR code as a self-contained SVG string (no scripts, no external references). */
export function qrSvg(text: string): Promise<string> {
  return QRCode.toString(text, { ...options, type: 'svg' });
}
