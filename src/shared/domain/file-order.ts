import type { KycFileInfo } from './case';

/*
 * The order a case's files are shown in: document pages first (front, data page, cover, back), then
 * selfies, then anything else as given. The review's document pane shows the first one; main answers
 * `cases:first-image` with it, so the renderer can ask for it before it knows the case's files.
 */

const PART_ORDER = ['Front', 'DataPage', 'FrontCover', 'Back'];

export function isSelfie(file: Pick<KycFileInfo, 'part' | 'fileType'>): boolean {
  return /selfie|face|liveness/i.test(file.part ?? '') || /face|selfie|liveness/i.test(file.fileType ?? '');
}

export function orderFiles<T extends Pick<KycFileInfo, 'part' | 'fileType'>>(files: readonly T[]): T[] {
  const rank = (file: T): number => {
    const i = PART_ORDER.indexOf(file.part ?? '');
    if (i >= 0) return i;
    return isSelfie(file) ? PART_ORDER.length : PART_ORDER.length + 1;
  };
  return files
    .map((file, index) => ({ file, index }))
    .sort((a, b) => rank(a.file) - rank(b.file) || a.index - b.index)
    .map(({ file }) => file);
}
