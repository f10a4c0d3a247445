import { readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { listBackups } from './backup';

/*
 * Two small sidecar files beside the cache, holding no data:
 * - `<cache>.created`, written once the cache exists: from then on a missing or empty cache file is a
 *   LOST cache (deleted, truncated, a failed copy), never "no cache yet";
 * - `<cache>.open-<pid>`, present while a process has the cache open and removed by a clean close:
 *   one left by a process that is gone means that process crashed, so the cache gets a full
 *   integrity check.
 */
export function createdMarker(dbPath: string): string {
  return `${dbPath}.created`;
}

export function markCreated(dbPath: string): void {
  writeFileSync(createdMarker(dbPath), 'This folder holds a KYC Desk cache.\n', { mode: 0o600 });
}

function exists(path: string): boolean {
  try {
    statSync(path);
    return true;
  } catch {
    return false;
  }
}

function hasBytes(path: string): boolean {
  try {
    return statSync(path).size > 0;
  } catch {
    return false;
  }
}

/** True when a cache existed here (marker or backups) but its file is now missing or empty. */
export function cacheVanished(dbPath: string, extraEvidence = false): boolean {
  if (hasBytes(dbPath) || hasBytes(`${dbPath}-wal`)) return false;
  return (
    extraEvidence ||
    exists(createdMarker(dbPath)) ||
    exists(`${dbPath}.recovery`) ||
    listBackups(dbPath).length > 0
  );
}

let opened = 0;

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as { code?: string }).code === 'EPERM';
  }
}

/**
 * Records that this process has the cache open. Returns whether a previous process left its marker
 * behind (it crashed or was killed), and removes those stale markers.
 */
export function markOpen(dbPath: string): { uncleanBefore: boolean; release: () => void } {
  const prefix = `${basename(dbPath)}.open-`;
  let uncleanBefore = false;
  let names: string[];
  try {
    names = readdirSync(dirname(dbPath));
  } catch {
    names = [];
  }
  for (const name of names) {
    if (!name.startsWith(prefix)) continue;
    const pid = Number(name.slice(prefix.length).split('-')[0]);
    if (pid === process.pid || (Number.isInteger(pid) && alive(pid))) continue;
    uncleanBefore = true;
    rmSync(join(dirname(dbPath), name), { force: true });
  }
  const mine = join(dirname(dbPath), `${prefix}${process.pid}-${++opened}`);
  try {
    writeFileSync(mine, '', { mode: 0o600 });
  } catch {
    // Without the marker a later crash is not noticed; the cache itself is unaffected.
  }
  return { uncleanBefore, release: () => rmSync(mine, { force: true }) };
}
