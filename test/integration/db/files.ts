import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Every regular file under `dir`, recursively (the db, -wal, -shm, backups/...). */
export function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? filesUnder(p) : [p];
  });
}

/** path (relative to dir) → sha256 of its bytes. */
export function snapshot(dir: string): Record<string, string> {
  return Object.fromEntries(
    filesUnder(dir).map((p) => [
      p.slice(dir.length + 1),
      createHash('sha256').update(readFileSync(p)).digest('hex'),
    ]),
  );
}

/** Which of the needles occur in which files. */
export function findPlaintext(dir: string, needles: Record<string, Buffer>): string[] {
  const hits: string[] = [];
  for (const p of filesUnder(dir)) {
    const bytes = readFileSync(p);
    for (const [label, needle] of Object.entries(needles)) {
      if (bytes.includes(needle)) hits.push(`${label} in ${p.slice(dir.length + 1)}`);
    }
  }
  return hits;
}
