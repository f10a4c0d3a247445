import { BodyTooLargeError, readLimited, type ReadContext } from './body';
import { OndatoError } from './errors';
import { looksLikeDocument, sniffMime } from './sniff';

export interface KycFileContent {
  bytes: Buffer;
  /** Sniffed from the bytes (Content-Type is ignored); null when the format is not recognised. */
  mime: string | null;
  size: number;
}

export const DEFAULT_MAX_FILE_BYTES = 25 * 1024 * 1024;

/**
 * Reads a KYC file body with a size cap. Decisions:
 * - larger than `maxBytes` (by Content-Length or while streaming) → `bad_response`, nothing kept;
 * - empty, or a document (an HTML proxy login page, a JSON error answered with 200) → `bad_response`:
 *   such a body is never the customer's media;
 * - any other bytes come back with the MIME sniffed from the magic number, or `mime: null` when the
 *   format is unknown (the sync engine decides what to do with non-images).
 */
export async function readKycFile(
  response: Response,
  ctx: ReadContext,
  maxBytes: number = DEFAULT_MAX_FILE_BYTES,
): Promise<KycFileContent> {
  let bytes: Buffer;
  try {
    bytes = await readLimited(response, maxBytes);
  } catch (error) {
    if (!(error instanceof BodyTooLargeError)) throw error;
    ctx.logger.warn('ondato: file too large', { route: ctx.route, limit: maxBytes });
    const mb = Math.max(1, Math.round(maxBytes / 1024 / 1024));
    throw new OndatoError('bad_response', {
      operation: ctx.operation,
      status: response.status,
      message: `The file from Ondato is larger than the limit of ${mb} MB; it was not downloaded.`,
    });
  }
  if (bytes.length === 0 || looksLikeDocument(bytes)) {
    ctx.logger.warn('ondato: file is not media', { route: ctx.route, size: bytes.length });
    throw new OndatoError('bad_response', { operation: ctx.operation, status: response.status });
  }
  return { bytes, mime: sniffMime(bytes), size: bytes.length };
}
