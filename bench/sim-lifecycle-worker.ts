import { parentPort, workerData } from 'node:worker_threads';
import { startSimulator } from '../src/simulator';
import { planFor, type Plan } from './lifecycle-plan';

/*
 * The webhook benchmark's simulator, on its own thread and on the wall clock (no scaling: the team
 * database judges leases and relay health on its own real clock). Ondato's autopilot spreads a case
 * over up to 25 minutes, too long for a real-time run, so this thread plays the customer and Ondato
 * itself through the simulator's controls, on a shortened lifecycle drawn from the case's index (the
 * same draw in every run of the scenario). Lifecycle steps still emit the webhooks Ondato would.
 */
export interface LifecycleWorkerData {
  seed: number;
  latencyMs: number;
  /** Subscriptions to deliver to (none for the naive poller's run). */
  webhooks: unknown[];
}

const data = workerData as LifecycleWorkerData;
const timers = new Set<NodeJS.Timeout>();

void startSimulator({
  port: 0,
  seed: data.seed,
  autopilot: false,
  latencyMs: data.latencyMs,
  specimenPool: 8,
  webhooks: data.webhooks,
}).then((sim) => {
  const run = (id: string, plan: Plan, at: number): void => {
    const next = plan[at];
    if (!next) return;
    const timer = setTimeout(() => {
      timers.delete(timer);
      try {
        if (next.step === 'reject')
          sim.control.setOutcome(id, { status: 'Rejected', statusReason: 'PoorPhotoQuality' });
        else sim.control.advance(id, next.step);
      } catch (error) {
        parentPort?.postMessage({ error: `${id} ${next.step}: ${String(error)}` });
      }
      run(id, plan, at + 1);
    }, next.afterMs);
    timers.add(timer);
  };
  parentPort?.postMessage({ url: sim.url });
  parentPort?.on('message', (message: { track?: { id: string; index: number } } | 'stop') => {
    if (message === 'stop') {
      for (const timer of timers) clearTimeout(timer);
      void sim.stop().then(() => parentPort?.postMessage({ stopped: true }));
      return;
    }
    if (message.track) run(message.track.id, planFor(message.track.index).plan, 0);
  });
});
