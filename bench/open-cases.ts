import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCore } from '../src/main/app/core';
import { createMemoryStore } from '../src/main/secrets/memory-store';
import { startSimulator } from '../src/simulator';
import { EVENT_LOOP_P99_TARGET_MS, idleBaseline, watchEventLoop } from './event-loop';
import { percentile, printTable, writeResult, type Row } from './stats';

/*
 * The review screen's load on main: open N decided cases one after another through the real handler
 * map (cases:get, cases:viewing, then cases:image for every document file — what CaseReview and the
 * gallery ask for), from the encrypted cache, while Node's histogram samples the event-loop delay.
 * Setup (creating the cases at the simulator, letting Ondato decide, downloading the images) is not
 * measured. The simulator is stopped before the measurement: in the app it is Ondato, elsewhere.
 */

const CASES = Number(process.env.BENCH_OPEN_CASES ?? 40);
const ROUNDS = Number(process.env.BENCH_OPEN_ROUNDS ?? 3);
const SETUP = 'c3a0f7a2-6b1e-4b7e-9a51-1d2f3e4a5b61';

/** A name part for case `i` (registration names are letters only): A, B, …, Z, BA, BB, … */
function letters(i: number): string {
  const digit = String.fromCharCode(65 + (i % 26));
  return i < 26 ? digit : letters(Math.floor(i / 26)) + digit;
}

const silent = { debug() {}, info() {}, warn() {}, error() {} };

export async function runOpenCasesBench(): Promise<Row[]> {
  console.log(`open-cases benchmark: ${CASES} decided cases with images, opened ${ROUNDS}× each`);
  const sim = await startSimulator({ port: 0, seed: 8 });
  const dir = mkdtempSync(join(tmpdir(), 'kyc-bench-open-'));
  const core = await createCore({
    dataDir: dir,
    secrets: createMemoryStore(),
    osUser: 'bench',
    logger: silent,
    shell: { openExternal: async () => undefined },
    notifier: { notify: () => undefined },
    // The bench plays the officer at main's confirmation (its workspace points at the simulator).
    confirmer: { confirm: async () => true },
  });
  try {
    await core.start({ polling: false });
    // Through the service: the IPC schema (rightly) refuses the simulator's loopback http hosts.
    await core.services.workspaces.add({
      name: 'Bench',
      environment: 'sandbox',
      clientId: 'kyc-desk-demo',
      clientSecret: 'demo-secret',
      setupId: SETUP,
      customerBaseUrl: sim.url,
      overrides: { authUrl: sim.url, idvApiUrl: sim.url, kycApiUrl: sim.url },
      officerName: 'Bench',
    });
    const ids: string[] = [];
    for (let i = 0; i < CASES; i += 1) {
      const view = await core.services.cases.create({ firstName: 'Bench', lastName: `Case ${letters(i)}` });
      sim.control.advance(view.id, 'decide');
      await core.services.cases.refresh(view.id);
      ids.push(view.id);
    }
    await sim.stop();

    const idle = await idleBaseline();
    const opens: number[] = [];
    let images = 0;
    let bytes = 0;
    const loop = watchEventLoop();
    for (let round = 0; round < ROUNDS; round += 1) {
      for (const caseId of ids) {
        const started = performance.now();
        const detail = await core.handlers['cases:get']({ caseId });
        await core.handlers['cases:viewing']({ caseId });
        for (const file of detail.kyc?.files ?? []) {
          const image = await core.handlers['cases:image']({ caseId, fileId: file.fileId });
          images += 1;
          bytes += image.bytes.length;
        }
        opens.push(performance.now() - started);
        // The renderer's next request comes in a later task, not in the same tick.
        await new Promise((resolve) => setImmediate(resolve));
      }
    }
    const eventLoop = loop.stop();
    const rows: Row[] = [
      { metric: 'images served', value: images, unit: `(${(bytes / 1e6).toFixed(1)} MB)` },
      { metric: 'open one case with its images, p50', value: percentile(opens, 50), unit: 'ms' },
      { metric: 'open one case with its images, p95', value: percentile(opens, 95), unit: 'ms' },
      {
        metric: `machine alone (idle loop): p99 / max`,
        value: `${idle.p99.toFixed(1)} / ${idle.max.toFixed(1)}`,
        unit: 'ms',
      },
      { metric: `event-loop delay max (${eventLoop.samples} samples)`, value: eventLoop.max, unit: 'ms' },
      {
        metric: 'event-loop delay p99',
        value: eventLoop.p99,
        unit: 'ms',
        target: `≤ ${EVENT_LOOP_P99_TARGET_MS}`,
        pass: eventLoop.p99 <= EVENT_LOOP_P99_TARGET_MS,
      },
    ];
    printTable('Open cases with images', rows);
    console.log(
      `written ${writeResult('open-cases', { cases: CASES, rounds: ROUNDS, images, bytes, idle, eventLoop, rows })}`,
    );
    return rows;
  } finally {
    await core.close();
    await sim.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
