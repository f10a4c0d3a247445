import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { attachAuditChain } from '../src/main/db/audit-chain';
import { openCache } from '../src/main/db/open';
import * as cases from '../src/main/db/repos/cases';
import * as images from '../src/main/db/repos/images';
import * as kyc from '../src/main/db/repos/kyc';
import { seedCases } from '../test/support/seed-cases';
import { printTable, time, writeResult, type Row } from './stats';

/*
 * The cache at 100,000 cases (issue 3). Seeding happens here; the measurements run in a fresh
 * process (cache-measure.ts) so that "first page" is what an officer sees after starting the app and
 * resident memory is the app's cache, not the seeder's.
 */

const COUNT = Number(process.env.BENCH_CASES ?? 100_000);
export const BENCH_WS = 'ws-bench';

export interface CachePlan {
  path: string;
  queries: string[];
  caseId: string;
  fileIds: string[];
}

function queriesFor(seeded: ReturnType<typeof seedCases>): string[] {
  // What officers type: surname and first-name prefixes (with and without diacritics), a full name,
  // personal-code and reference prefixes, an IDV id prefix, two-letter initials.
  const queries: string[] = [];
  for (let i = 0; i < 500; i += 1) {
    const c = seeded[(i * 7919) % seeded.length]!;
    const [first = '', last = ''] = c.fullName.split(' ');
    const options = [
      last.slice(0, 4),
      last.normalize('NFD').replace(/\p{M}/gu, '').slice(0, 5),
      first.slice(0, 3),
      c.fullName,
      c.personalCode.slice(0, 6),
      c.externalRef,
      c.id.slice(0, 8),
      `${first.slice(0, 2)} ${last.slice(0, 2)}`,
    ];
    queries.push(options[i % options.length]!);
  }
  return queries;
}

function seed(path: string, key: string): CachePlan {
  const handle = openCache({ path, key });
  const { db } = handle;
  // Decisions are chained; the bench signs with a throwaway chain key (nothing verifies it later).
  attachAuditChain(db, { key: randomBytes(32).toString('hex') });
  const seeded = time(() => seedCases(db, { workspaceId: BENCH_WS, count: COUNT, seed: 42 }));
  console.log(`seeded ${COUNT.toLocaleString('en')} cases in ${(seeded.ms / 1000).toFixed(1)} s`);
  const target = seeded.value.find((c) => c.idvStatus === 'Completed')!;
  const fileIds = ['front', 'back', 'selfie'].map((part) => `${part}-${target.id}`);
  kyc.applyKyc(
    db,
    BENCH_WS,
    target.id,
    {
      id: `kyc-bench-${target.id}`,
      status: 'Approved',
      document: {
        firstName: 'Bench',
        files: fileIds.map((fileId, i) => ({
          fileId,
          part: ['Front', 'Back', 'Selfie'][i],
          fileType: 'DocumentPhoto',
        })),
      },
    },
    cases.maxFetchSeq(db) + 1,
  );
  for (const fileId of fileIds) {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), randomBytes(300 * 1024 - 4)]);
    images.put(db, { fileId, mime: 'image/jpeg', bytes, fetchedAt: Date.now() });
  }
  handle.close();
  return { path, queries: queriesFor(seeded.value), caseId: target.id, fileIds };
}

export function runCacheBench(): Row[] {
  const dir = mkdtempSync(join(tmpdir(), 'kyc-bench-cache-'));
  const key = randomBytes(32).toString('hex');
  try {
    const plan = seed(join(dir, 'cache.db'), key);
    const planFile = join(dir, 'plan.json');
    writeFileSync(planFile, JSON.stringify(plan));
    const output = execFileSync(
      process.execPath,
      ['--import', 'tsx', join(__dirname, 'cache-measure.ts'), planFile],
      {
        env: { ...process.env, BENCH_CACHE_KEY: key },
        encoding: 'utf8',
      },
    );
    const rows = JSON.parse(output) as Row[];
    printTable(`Cache benchmark: ${COUNT.toLocaleString('en')} cases`, rows);
    console.log(`written ${writeResult('cache', { cases: COUNT, rows })}`);
    return rows;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
