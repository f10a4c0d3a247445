import { parentPort, workerData } from 'node:worker_threads';
import { startSimulator } from '../src/simulator';

/*
 * The benchmark's simulator runs on its own thread: on one event loop with the engine and SQLite,
 * every stall of either showed up, multiplied by the time scale, as detection delay.
 */
export interface SimWorkerData {
  seed: number;
  factor: number;
  start: number;
  realStart: number;
  latencyMs: number;
  specimenPool: number;
}

const data = workerData as SimWorkerData;
const clock = { now: (): number => data.start + Math.round((Date.now() - data.realStart) * data.factor) };

void startSimulator({
  port: 0,
  seed: data.seed,
  clock,
  autopilot: true,
  latencyMs: data.latencyMs,
  specimenPool: data.specimenPool,
}).then(async (sim) => {
  // The simulator keeps its webhook records — when each case changed upstream, the benchmarks' ground
  // truth — only for a subscription: this one points at a closed port, so nothing receives them.
  await fetch(`${sim.url}/__sim/webhooks/subscriptions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ url: 'http://127.0.0.1:9/ondato-webhooks', events: [] }),
  });
  parentPort?.postMessage({ url: sim.url });
  parentPort?.on('message', (message: unknown) => {
    if (message === 'stop') void sim.stop().then(() => parentPort?.postMessage({ stopped: true }));
  });
});
