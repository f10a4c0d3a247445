import * as images from '../db/repos/images';
import type { ImageMime } from '../db/repos/images';
import { isOndatoError, type KycFileContent } from '../ondato';
import { failureBackoff } from './cadence';
import type { Runtime } from './options';
import { commitFiles, type FileOutcome } from './persist';

/*
 * KYC files are immutable per file id, so each is downloaded once. Only JPEG, PNG and PDF are kept,
 * judged by their bytes (the client sniffs the magic number; Content-Type is whatever a proxy says).
 * A refused file (an HTML login page, an unknown format, too large, gone) gets a sync error and is
 * not tried again on every check: it backs off from 30 s towards an hour, so a proxy that recovers is
 * noticed but a file that really is bad costs a request an hour, not one every few seconds.
 */

const ACCEPTED: ReadonlySet<string> = new Set<ImageMime>(['image/jpeg', 'image/png', 'application/pdf']);
const FILE_BACKOFF_BASE = 30_000;
const FILE_BACKOFF_CAP = 3_600_000;

export const NOT_MEDIA_MESSAGE = 'The file from Ondato is not a JPEG, PNG or PDF; it was not stored.';

const isAccepted = (mime: string | null): mime is ImageMime => mime !== null && ACCEPTED.has(mime);

/** In memory: after a restart a refused file is tried once more, which is harmless. */
export class FileBackoff {
  private readonly refused = new Map<string, { failures: number; until: number }>();

  constructor(private readonly random: () => number) {}

  blockedUntil(fileId: string, now: number): number | null {
    const entry = this.refused.get(fileId);
    return entry && entry.until > now ? entry.until : null;
  }

  refuse(fileId: string, now: number): number {
    const failures = (this.refused.get(fileId)?.failures ?? 0) + 1;
    const until = now + failureBackoff(failures, this.random, FILE_BACKOFF_BASE, FILE_BACKOFF_CAP);
    this.refused.set(fileId, { failures, until });
    return until;
  }

  accepted(fileId: string): void {
    this.refused.delete(fileId);
  }

  /** Whether any of these files is currently refused. */
  anyBlocked(fileIds: readonly string[], now: number): boolean {
    return fileIds.some((id) => this.blockedUntil(id, now) !== null);
  }
}

export type Call = <T>(priority: number, request: () => Promise<T>) => Promise<T>;

type Verdict = { ok: true; mime: ImageMime } | { ok: false; message: string };

export function judgeFile(content: KycFileContent, maxBytes: number): Verdict {
  if (content.size > maxBytes || content.bytes.length > maxBytes) {
    const mb = Math.max(1, Math.round(maxBytes / 1024 / 1024));
    return {
      ok: false,
      message: `The file from Ondato is larger than the limit of ${mb} MB; it was not stored.`,
    };
  }
  return isAccepted(content.mime)
    ? { ok: true, mime: content.mime }
    : { ok: false, message: NOT_MEDIA_MESSAGE };
}

/**
 * Downloads the KYC's files that are not cached and not backing off, then stores them (one
 * transaction). A transient failure (5xx, network, 429, auth) stops the downloads: what was fetched is
 * still stored, and the error is rethrown for the case's own backoff.
 */
export async function downloadMissing(
  rt: Runtime,
  call: Call,
  backoff: FileBackoff,
  target: { caseId: string; kycId: string; priority: number },
  /** Called once before the first download; returns the release of the download slot. */
  enter: () => Promise<() => void> = () => Promise.resolve(() => undefined),
): Promise<number> {
  const outcome: FileOutcome = { stored: [], refused: [], retryAt: null, complete: true };
  const later = (at: number): void => {
    outcome.retryAt = outcome.retryAt === null ? at : Math.min(outcome.retryAt, at);
  };
  const refuse = (fileId: string, code: string, message: string): void => {
    outcome.refused.push({ fileId, code, message });
    later(backoff.refuse(fileId, rt.now()));
  };
  let failure: { error: unknown } | null = null;
  let release: (() => void) | null = null;
  let missing: ReadonlySet<string> | null = null;
  for (const fileId of images.missingFor(rt.db, target.kycId)) {
    const until = backoff.blockedUntil(fileId, rt.now());
    if (until !== null) {
      later(until);
      continue;
    }
    try {
      if (release === null) {
        release = await enter();
        // An earlier check of the case may have stored some of these while this one waited its turn.
        missing = new Set(images.missingFor(rt.db, target.kycId));
      }
      if (!missing?.has(fileId)) continue;
      const maxBytes = rt.options.maxImageBytes;
      const content = await call(target.priority, () =>
        rt.client.getKycFile(target.kycId, fileId, { maxBytes }),
      );
      const verdict = judgeFile(content, maxBytes);
      if (verdict.ok) {
        backoff.accepted(fileId);
        outcome.stored.push({ fileId, mime: verdict.mime, bytes: content.bytes });
      } else {
        rt.logger.warn('sync: file refused', { caseId: target.caseId, fileId, size: content.size });
        refuse(fileId, 'bad_file', verdict.message);
      }
    } catch (error) {
      if (isOndatoError(error) && (error.code === 'bad_response' || error.code === 'not_found')) {
        rt.logger.warn('sync: file refused', { caseId: target.caseId, fileId, code: error.code });
        refuse(fileId, error.code === 'not_found' ? 'not_found' : 'bad_file', error.message);
        continue;
      }
      failure = { error };
      outcome.complete = false;
      break;
    }
  }
  let stored: number;
  try {
    // Stored before the turn passes on, so the next check of the case sees these files as cached.
    stored = commitFiles(rt, target, outcome);
  } finally {
    release?.();
  }
  if (failure) throw failure.error;
  return stored;
}
