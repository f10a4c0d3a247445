import Database from 'better-sqlite3-multiple-ciphers';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { applyKey } from '../../../src/main/db/connection';
import { CACHE_KEY_ACCOUNT } from '../../../src/main/db/key';
import { cachePath } from '../../../src/main/paths';
import type { SecretStore } from '../../../src/main/secrets/secret-store';
import { filesUnder } from '../db/files';

/** Needles to look for: exact bytes, and ASCII text also matched case-insensitively (MRZ, FTS tokens). */
export interface Needles {
  bytes: Record<string, Buffer>;
  text: Record<string, string>;
}

function hits(haystack: Buffer, needles: Needles, where: string): string[] {
  const out: string[] = [];
  const lower = Buffer.from(haystack.toString('latin1').toLowerCase(), 'latin1');
  for (const [label, needle] of Object.entries(needles.bytes)) {
    if (haystack.includes(needle)) out.push(`${label} in ${where}`);
  }
  for (const [label, text] of Object.entries(needles.text)) {
    if (lower.includes(Buffer.from(text.toLowerCase(), 'utf8'))) out.push(`${label} in ${where}`);
  }
  return out;
}

/** Every file of the data directory as stored on disk (the cache is encrypted, so this is the outsider's view). */
export function scanDataDir(dir: string, needles: Needles): string[] {
  return filesUnder(dir).flatMap((p) => hits(readFileSync(p), needles, p.slice(dir.length + 1)));
}

/**
 * The key holder's view: a copy of the cache (database and WAL) opened with the key from the keychain,
 * its WAL folded in, then decrypted in place (`rekey` to no key), so every page, free ones included,
 * is plaintext on disk; that whole file is scanned.
 */
export async function scanDecrypted(
  dataDir: string,
  secrets: SecretStore,
  needles: Needles,
): Promise<string[]> {
  const key = await secrets.get(CACHE_KEY_ACCOUNT);
  if (key === null) throw new Error('no cache key in the test keychain');
  const tmp = mkdtempSync(join(tmpdir(), 'kyc-desk-scan-'));
  try {
    const copy = join(tmp, 'cache.db');
    const source = cachePath(dataDir);
    copyFileSync(source, copy);
    if (existsSync(`${source}-wal`)) copyFileSync(`${source}-wal`, `${copy}-wal`);
    const db = new Database(copy);
    try {
      applyKey(db, key);
      db.pragma('journal_mode = DELETE');
      db.pragma(`rekey = ''`);
    } finally {
      db.close();
    }
    const plain = readFileSync(copy);
    if (plain.subarray(0, 15).toString('latin1') !== 'SQLite format 3') throw new Error('copy not decrypted');
    return hits(plain, needles, 'decrypted cache');
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

/** Three 32-byte slices of an image: enough to recognise it, unlikely to occur by chance. */
export function imageSlices(label: string, bytes: Uint8Array): Record<string, Buffer> {
  const b = Buffer.from(bytes);
  const at = [Math.floor(b.length / 4), Math.floor(b.length / 2), Math.floor((b.length * 3) / 4)];
  return Object.fromEntries(at.map((o, i) => [`${label}#${i}`, b.subarray(o, o + 32)]));
}
