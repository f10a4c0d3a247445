import { useEffect, useState } from 'react';
import type { KycFileInfo } from '../../../../shared/domain/case';
import type { ImageData } from '../../../../shared/domain/views';
import type { ImageResult } from '../../store/review-slice';
import { useStore } from '../../store';

export type LoadedImage =
  | { status: 'ready'; url: string; mime: ImageData['mime']; size: number }
  | { status: 'error'; message: string };

export type ImageState = LoadedImage | { status: 'loading' } | { status: 'not-cached' };

interface Entry {
  refs: number;
  promise: Promise<LoadedImage>;
  url: string | null;
  timer: ReturnType<typeof setTimeout> | null;
}

/*
 * One object URL per cached file, shared by every pane that shows it (gallery, compare, enlarged) and
 * revoked shortly after the last one lets go. The short grace period lets a pane hand the image over
 * to the enlarged view, and React's development double-mount, without loading the bytes again.
 */
const entries = new Map<string, Entry>();
const RELEASE_AFTER_MS = 2000;

function acquire(key: string, load: () => Promise<ImageResult>): Promise<LoadedImage> {
  const existing = entries.get(key);
  if (existing) {
    existing.refs += 1;
    if (existing.timer) clearTimeout(existing.timer);
    existing.timer = null;
    return existing.promise;
  }
  const entry = { refs: 1, url: null, timer: null } as Omit<Entry, 'promise'> as Entry;
  entry.promise = load().then((result): LoadedImage => {
    if (!result.ok) {
      if (entries.get(key) === entry) entries.delete(key); // a failure is not cached: the next try loads again
      return { status: 'error', message: result.message };
    }
    const { mime, bytes } = result.image;
    const url = URL.createObjectURL(new Blob([bytes as Uint8Array<ArrayBuffer>], { type: mime }));
    if (entries.get(key) !== entry) {
      URL.revokeObjectURL(url); // released while loading
      return { status: 'error', message: 'The image was closed while loading.' };
    }
    entry.url = url;
    return { status: 'ready', url, mime, size: bytes.byteLength };
  });
  entries.set(key, entry);
  return entry.promise;
}

function release(key: string): void {
  const entry = entries.get(key);
  if (!entry) return;
  entry.refs -= 1;
  if (entry.refs > 0) return;
  if (entry.timer) clearTimeout(entry.timer);
  entry.timer = setTimeout(() => {
    if (entry.refs > 0 || entries.get(key) !== entry) return;
    entries.delete(key);
    if (entry.url) URL.revokeObjectURL(entry.url);
  }, RELEASE_AFTER_MS);
}

/** The bytes of one KYC file from the local cache, as an object URL; works offline. */
export function useImage(caseId: string, file: KycFileInfo): { image: ImageState; retry: () => void } {
  const load = useStore((state) => state.reviewImage);
  const [attempt, setAttempt] = useState(0);
  const [loaded, setLoaded] = useState<{ token: string; value: LoadedImage } | null>(null);
  const key = `${caseId}/${file.fileId}`;
  const token = `${key}#${attempt}`;
  const { cached, fileId } = file;

  useEffect(() => {
    if (!cached) return undefined;
    let alive = true;
    void acquire(key, () => load(caseId, fileId)).then((value) => {
      if (alive) setLoaded({ token, value });
    });
    return () => {
      alive = false;
      release(key);
    };
  }, [key, token, cached, caseId, fileId, load]);

  const image: ImageState = !cached
    ? { status: 'not-cached' }
    : loaded && loaded.token === token
      ? loaded.value
      : { status: 'loading' };
  return { image, retry: () => setAttempt((n) => n + 1) };
}

/**
 * Starts loading a file's image ahead of the pane that will show it: the pane's own load then takes
 * the same entry (kept for the grace period if no pane comes).
 */
export function preloadImage(
  caseId: string,
  file: KycFileInfo,
  load: (caseId: string, fileId: string) => Promise<ImageResult>,
): void {
  if (!file.cached) return;
  const key = `${caseId}/${file.fileId}`;
  void acquire(key, () => load(caseId, file.fileId));
  release(key);
}

/** For tests: forget every shared image at once. */
export function resetImageCache(): void {
  for (const entry of entries.values()) {
    if (entry.timer) clearTimeout(entry.timer);
    if (entry.url) URL.revokeObjectURL(entry.url);
  }
  entries.clear();
}
