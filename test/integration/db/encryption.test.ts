import Database from 'better-sqlite3-multiple-ciphers';
import { randomBytes } from 'node:crypto';
import { existsSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { listBackups } from '../../../src/main/db/backup';
import { MIGRATIONS } from '../../../src/main/db/migrations';
import { openCache } from '../../../src/main/db/open';
import * as audit from '../../../src/main/db/repos/audit';
import * as cases from '../../../src/main/db/repos/cases';
import * as decisions from '../../../src/main/db/repos/decisions';
import * as images from '../../../src/main/db/repos/images';
import * as kyc from '../../../src/main/db/repos/kyc';
import type { Db } from '../../../src/main/db/sql';
import { idv, kycPayload } from '../../unit/main/db/payloads';
import { addWorkspace, newKey, openKeyedCache, tempDir } from '../../unit/main/db/fixture';
import { filesUnder, findPlaintext } from './files';

const NAME = 'Žydrūnė Specimenaitė';
const CODE = '39001011234';
const MARKER = Buffer.from('KYC-DESK-LEAK-MARKER:'.padEnd(64, '#'));

/** Anything that would betray the customer: UTF-8 text, the tokens the search index stores, the image. */
const NEEDLES: Record<string, Buffer> = {
  name: Buffer.from(NAME, 'utf8'),
  lastName: Buffer.from('Specimenait', 'utf8'),
  ftsToken: Buffer.from('specimenaite', 'utf8'),
  ftsFirstName: Buffer.from('zydrune', 'utf8'),
  personalCode: Buffer.from(CODE, 'utf8'),
  imageMarker: MARKER,
};

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function writeCustomerData(db: Db): void {
  addWorkspace(db, 'ws1');
  cases.insertCreated(db, 'ws1', {
    idvId: 'idv-1',
    externalRef: `ref-${CODE}`,
    setupId: null,
    registration: { firstName: 'Žydrūnė', lastName: 'Specimenaitė', personalCode: CODE },
    createdUtc: '2025-01-01T00:00:00.000Z',
  });
  cases.applyIdv(
    db,
    'ws1',
    idv('idv-1', {
      status: 'Completed',
      registration: { firstName: 'Žydrūnė', lastName: 'Specimenaitė', personalCode: CODE },
      step: { kycIdentification: { id: 'kyc-1' } },
    }),
    1,
  );
  kyc.applyKyc(db, 'ws1', 'idv-1', kycPayload('kyc-1', 'idv-1'), 2);
  const bytes = Buffer.concat([randomBytes(2000), MARKER, randomBytes(2000)]);
  expect(images.put(db, { fileId: 'kyc-1-front', mime: 'image/jpeg', bytes, fetchedAt: 1 })).toBe('stored');
  decisions.record(db, 'ws1', {
    caseId: 'idv-1',
    decision: 'reject',
    reasonCode: 'mismatch',
    note: `Spoke to ${NAME}, code ${CODE}`,
    officerName: 'Officer',
    osUser: 'officer',
    decidedAt: 3,
  });
  audit.append(db, 'ws1', {
    caseId: 'idv-1',
    action: 'link.copied',
    at: 4,
    osUser: 'officer',
    officerName: 'Officer',
    details: { name: NAME },
  });
}

describe('encryption at rest', () => {
  it('uses the key as a raw 256-bit ChaCha20 key, not as a passphrase', () => {
    const dir = tempDir();
    dirs.push(dir);
    const path = join(dir, 'cache.db');
    const key = newKey();
    openCache({ path, key }).close();
    const open = (pragma: string): number | string => {
      const db = new Database(path, { readonly: true });
      try {
        db.pragma(`cipher = 'chacha20'`);
        db.pragma(`key = ${pragma}`);
        return db.prepare('SELECT count(*) FROM sqlite_master').pluck().get() as number;
      } catch (error) {
        return (error as { code: string }).code;
      } finally {
        db.close();
      }
    };
    // sqlite3mc's other raw-key spelling opens it too; the same hex used as a passphrase (PBKDF2) does not.
    expect(open(`'raw:${key}'`)).toBeGreaterThan(0);
    expect(open(`'${key}'`)).toBe('SQLITE_NOTADB');
    expect(open(`"x'${newKey()}'"`)).toBe('SQLITE_NOTADB');
  });

  it('the scanner finds the data in an unencrypted database (positive control)', () => {
    const dir = tempDir();
    dirs.push(dir);
    const plain = new Database(join(dir, 'plain.db'));
    plain.exec('CREATE TABLE t (x TEXT, y BLOB)');
    plain.prepare('INSERT INTO t VALUES (?, ?)').run(`${NAME} ${CODE} specimenaite zydrune`, MARKER);
    plain.close();
    writeFileSync(join(dir, 'marker.bin'), MARKER);
    expect(findPlaintext(dir, NEEDLES).length).toBeGreaterThanOrEqual(Object.keys(NEEDLES).length);
  });

  it('leaves no customer data in any file: open with a live WAL, closed, and in backups', () => {
    const dir = tempDir();
    dirs.push(dir);
    const path = join(dir, 'cache.db');
    const key = newKey();
    const c = openKeyedCache(path, key);
    writeCustomerData(c.db);

    // Still open, nothing checkpointed: the data sits in the -wal.
    expect(statSync(`${path}-wal`).size).toBeGreaterThan(0);
    expect(cases.get(c.db, 'ws1', 'idv-1')!.fullName).toBe(NAME);
    expect(findPlaintext(dir, NEEDLES)).toEqual([]);
    c.close();
    expect(findPlaintext(dir, NEEDLES)).toEqual([]);

    // A migration takes a backup; it must be just as opaque.
    const next = openCache({
      path,
      key,
      migrations: [...MIGRATIONS, { version: MIGRATIONS.length + 1, name: 'noop', up: () => undefined }],
    });
    expect(listBackups(path)).toHaveLength(1);
    expect(findPlaintext(dir, NEEDLES)).toEqual([]);
    next.close();

    const files = filesUnder(dir).map((p) => p.slice(dir.length + 1));
    expect(files.some((f) => f.startsWith('backups/'))).toBe(true);
    // No stray temp files next to the cache (temp_store = MEMORY).
    expect(
      files.filter(
        (f) => !/^cache\.db(-wal|-shm|\.created|\.open-\d+-\d+)?$/.test(f) && !f.startsWith('backups/'),
      ),
    ).toEqual([]);
    expect(findPlaintext(dir, NEEDLES)).toEqual([]);
    expect(existsSync(path)).toBe(true);
  });
});
