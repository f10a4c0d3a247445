import { createHash } from 'node:crypto';
import { stmt, type Db } from '../sql';
import { refreshAttention } from './attention';

export type ImageMime = 'image/jpeg' | 'image/png' | 'application/pdf';

export interface StoredImage {
  fileId: string;
  sha256: string;
  mime: ImageMime;
  size: number;
  bytes: Buffer;
  fetchedAt: number;
}

/**
 * 'stored': new; 'exists': the file id was cached already (images are immutable per file id, the first
 * copy is kept); 'orphan': no KYC file refers to this id any more (it vanished while the download was
 * in flight), so nothing is stored.
 */
export type PutResult = 'stored' | 'exists' | 'orphan';

export function put(
  db: Db,
  image: { fileId: string; mime: ImageMime; bytes: Buffer; fetchedAt: number },
): PutResult {
  const sha256 = createHash('sha256').update(image.bytes).digest('hex');
  const changes = stmt(
    db,
    `INSERT OR IGNORE INTO images (file_id, sha256, mime, size, bytes, fetched_at)
    SELECT ?, ?, ?, ?, ?, ? WHERE EXISTS (SELECT 1 FROM files WHERE file_id = ?)`,
  ).run(
    image.fileId,
    sha256,
    image.mime,
    image.bytes.length,
    image.bytes,
    image.fetchedAt,
    image.fileId,
  ).changes;
  if (changes > 0) {
    // A downloaded image can clear the case's "images missing" flag.
    for (const { id } of stmt<{ id: string }>(
      db,
      'SELECT DISTINCT k.case_id AS id FROM files f JOIN kyc k ON k.id = f.kyc_id WHERE f.file_id = ?',
    ).all(image.fileId))
      refreshAttention(db, id);
    return 'stored';
  }
  return has(db, image.fileId) ? 'exists' : 'orphan';
}

/** Only returns an image some case of this workspace refers to. */
export function get(db: Db, ws: string, fileId: string): StoredImage | null {
  const row = stmt<{
    file_id: string;
    sha256: string;
    mime: ImageMime;
    size: number;
    bytes: Buffer;
    fetched_at: number;
  }>(
    db,
    `SELECT i.file_id, i.sha256, i.mime, i.size, i.bytes, i.fetched_at FROM images i
    WHERE i.file_id = ? AND EXISTS (
      SELECT 1 FROM files f JOIN kyc k ON k.id = f.kyc_id JOIN cases c ON c.id = k.case_id
      WHERE f.file_id = i.file_id AND c.workspace_id = ?)`,
  ).get(fileId, ws);
  if (!row) return null;
  return {
    fileId: row.file_id,
    sha256: row.sha256,
    mime: row.mime,
    size: row.size,
    bytes: row.bytes,
    fetchedAt: row.fetched_at,
  };
}

export function has(db: Db, fileId: string): boolean {
  return stmt(db, 'SELECT 1 FROM images WHERE file_id = ?').get(fileId) !== undefined;
}

/** File ids of a KYC identification whose bytes are not cached yet, in display order. */
export function missingFor(db: Db, kycId: string): string[] {
  return stmt<{ file_id: string }>(
    db,
    `SELECT f.file_id FROM files f WHERE f.kyc_id = ?
      AND NOT EXISTS (SELECT 1 FROM images i WHERE i.file_id = f.file_id) ORDER BY f.ord`,
  )
    .all(kycId)
    .map((r) => r.file_id);
}
