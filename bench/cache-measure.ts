import { readFileSync } from 'node:fs';
import { openCache } from '../src/main/db/open';
import * as cases from '../src/main/db/repos/cases';
import * as images from '../src/main/db/repos/images';
import type { CachePlan } from './cache';
import { percentile, time, type Row } from './stats';

// Runs in a fresh process: prints the measured rows as JSON on stdout.
const WS = 'ws-bench';
const plan = JSON.parse(readFileSync(process.argv[2] ?? '', 'utf8')) as CachePlan;
const key = process.env.BENCH_CACHE_KEY ?? '';

const opened = time(() => openCache({ path: plan.path, key }));
const { db } = opened.value;
const firstPage = time(() => cases.list(db, WS, { sort: 'created', dir: 'desc', limit: 50 }));
const warmPages: number[] = [];
for (let i = 0; i < 50; i += 1) {
  warmPages.push(
    time(() => cases.list(db, WS, { sort: i % 2 ? 'created' : 'modified', dir: 'desc', limit: 50 })).ms,
  );
}
const searches = plan.queries.map(
  (search) => time(() => cases.list(db, WS, { search, sort: 'created', dir: 'desc', limit: 50 })).ms,
);
const openCase: number[] = [];
for (let i = 0; i < 30; i += 1) {
  openCase.push(
    time(() => ({
      detail: cases.get(db, WS, plan.caseId),
      images: plan.fileIds.map((fileId) => images.get(db, WS, fileId)),
    })).ms,
  );
}
const rssMb = process.memoryUsage().rss / 2 ** 20;
opened.value.close();

const p95 = (values: number[]): number => percentile(values, 95);
const rows: Row[] = [
  { metric: 'open + migration check', value: opened.ms, unit: 'ms' },
  {
    metric: 'first page after open (50 rows)',
    value: firstPage.ms,
    unit: 'ms',
    target: '< 10',
    pass: firstPage.ms < 10,
  },
  {
    metric: 'list page p95 (created/modified)',
    value: p95(warmPages),
    unit: 'ms',
    target: '< 10',
    pass: p95(warmPages) < 10,
  },
  { metric: 'search p50 (500 queries)', value: percentile(searches, 50), unit: 'ms' },
  {
    metric: 'search p95 (500 queries)',
    value: p95(searches),
    unit: 'ms',
    target: '< 25',
    pass: p95(searches) < 25,
  },
  {
    metric: 'open case + 3×300 KB images p95',
    value: p95(openCase),
    unit: 'ms',
    target: '< 30',
    pass: p95(openCase) < 30,
  },
  { metric: 'resident memory after all of it', value: rssMb, unit: 'MB', target: '< 250', pass: rssMb < 250 },
];
process.stdout.write(JSON.stringify(rows));
