import type { ExportOutcome } from '../../../shared/domain/views';
import { call } from '../api';
import { attempt, type ActionResult, type Loadable } from './action-result';
import type { SliceCreator } from './types';

/** A case's QR code as blob: URLs (the CSP allows blob: images), ready for <img> and a download link. */
export interface QrImages {
  url: string;
  svgUrl: string;
  pngUrl: string;
}

export interface LinkSlice {
  /** QR codes by case id (they never change for a case, so they are kept until the workspace changes). */
  qr: Record<string, Loadable<QrImages>>;
  loadQr(caseId: string): Promise<void>;
  /**
   * Puts the link on the clipboard, then records the copy in the audit trail. Fails only when the
   * clipboard refused; a copy whose audit entry failed is still a copy (`auditError` says why).
   */
  copyLink(caseId: string, url: string): Promise<ActionResult<{ auditError: string | null }>>;
  recordQrShown(caseId: string): Promise<ActionResult<void>>;
  /** Main opens the link in the default browser (only on the workspace's customer host). */
  openLink(caseId: string): Promise<ActionResult<void>>;
  /** Main asks where to save the QR PNG, writes it and records it in the audit trail. */
  saveQr(caseId: string): Promise<ActionResult<ExportOutcome>>;
  clearQr(): void;
}

export const createLinkSlice: SliceCreator<LinkSlice> = (set, get) => ({
  qr: {},

  async loadQr(caseId) {
    const current = get().qr[caseId];
    if (current?.status === 'ready' || current?.status === 'loading') return;
    set((state) => ({ qr: { ...state.qr, [caseId]: { status: 'loading' } } }));
    const result = await attempt(async () => {
      const data = await call('link:qr', { caseId });
      return {
        url: data.url,
        svgUrl: URL.createObjectURL(new Blob([data.svg], { type: 'image/svg+xml' })),
        // Copied into an ArrayBuffer-backed array, which is what Blob takes.
        pngUrl: URL.createObjectURL(new Blob([new Uint8Array(data.png)], { type: 'image/png' })),
      };
    });
    set((state) => ({
      qr: {
        ...state.qr,
        [caseId]: result.ok
          ? { status: 'ready', value: result.value }
          : { status: 'error', message: result.error.message },
      },
    }));
  },

  async copyLink(caseId, url) {
    try {
      await navigator.clipboard.writeText(url);
    } catch {
      return {
        ok: false,
        error: {
          code: 'clipboard',
          message: 'Could not copy. Select the link and press Ctrl+C (⌘C on a Mac).',
          fields: {},
        },
      };
    }
    const audit = await attempt(() => call('link:copied', { caseId }));
    return { ok: true, value: { auditError: audit.ok ? null : audit.error.message } };
  },

  recordQrShown(caseId) {
    return attempt(() => call('link:qr-shown', { caseId }));
  },

  openLink(caseId) {
    return attempt(() => call('link:open', { caseId }));
  },

  saveQr(caseId) {
    return attempt(() => call('link:save-qr', { caseId }));
  },

  clearQr() {
    for (const entry of Object.values(get().qr)) {
      if (entry.status !== 'ready') continue;
      URL.revokeObjectURL(entry.value.svgUrl);
      URL.revokeObjectURL(entry.value.pngUrl);
    }
    set({ qr: {} });
  },
});
