import { randomInt } from 'node:crypto';
import * as settingsRepo from '../db/repos/settings';
import type { Db } from '../db/sql';
import type { AppLogger } from '../logger';
import type { DemoSimulator } from '../services/ports';
import { SETUPS, startSimulator, type Simulator, type SimulatorSnapshot } from '../../simulator';

/** Settings key of the demo simulator's state; the cache is encrypted, so the fake identities are too. */
export const DEMO_SNAPSHOT_KEY = 'demo.simulator-snapshot';
/** The last port, reused when free so links and QR codes handed out before a restart keep working. */
export const DEMO_PORT_KEY = 'demo.simulator-port';
const SAVE_DEBOUNCE_MS = 1_000;
/** Customer-page activity changes the simulator without the app knowing: check for it this often. */
const ACTIVITY_CHECK_MS = 5_000;

export function createDemoSimulator(deps: { db: Db; logger: AppLogger; port?: number }): DemoSimulator {
  let sim: Simulator | null = null;
  let starting: Promise<string> | null = null;
  let debounce: NodeJS.Timeout | null = null;
  let activity: NodeJS.Timeout | null = null;
  let lastTotal = -1;

  function saved(): SimulatorSnapshot | null {
    const text = settingsRepo.get(deps.db, DEMO_SNAPSHOT_KEY);
    if (text === null) return null;
    try {
      return JSON.parse(text) as SimulatorSnapshot;
    } catch {
      deps.logger.warn('demo: saved simulator state is not JSON; starting fresh');
      return null;
    }
  }

  function save(): void {
    if (debounce) clearTimeout(debounce);
    debounce = null;
    if (!sim) return;
    settingsRepo.set(deps.db, DEMO_SNAPSHOT_KEY, JSON.stringify(sim.control.snapshot()));
    lastTotal = sim.control.counters().total;
  }

  async function start(): Promise<string> {
    const snapshot = saved();
    // The seed only makes ids differ between installations; it travels with the snapshot.
    const seed = snapshot?.seed ?? randomInt(1, 2 ** 31 - 1);
    const last = Number(settingsRepo.get(deps.db, DEMO_PORT_KEY) ?? '0');
    const wanted = deps.port ?? (Number.isInteger(last) && last > 0 && last < 65536 ? last : 0);
    let started: Simulator;
    try {
      started = await startSimulator({ port: wanted, demo: true, seed });
    } catch (error) {
      if (wanted === 0 || deps.port !== undefined) throw error;
      started = await startSimulator({ port: 0, demo: true, seed }); // the old port is taken
    }
    settingsRepo.set(deps.db, DEMO_PORT_KEY, String(new URL(started.url).port));
    if (snapshot) {
      try {
        started.control.restore(snapshot);
      } catch (error) {
        deps.logger.warn('demo: saved simulator state refused; starting fresh', { error });
      }
    }
    sim = started;
    save();
    activity = setInterval(() => {
      if (sim && sim.control.counters().total !== lastTotal) save();
    }, ACTIVITY_CHECK_MS);
    activity.unref();
    return started.url;
  }

  async function stop(): Promise<void> {
    if (starting) await starting.catch(() => undefined);
    if (activity) clearInterval(activity);
    activity = null;
    try {
      save();
    } catch (error) {
      deps.logger.warn('demo: could not save the simulator state', { error });
    }
    const running = sim;
    sim = null;
    starting = null;
    await running?.stop();
  }

  return {
    url: () => sim?.url ?? null,
    defaultSetupId: () => SETUPS[0]?.id ?? '',
    ensureStarted() {
      if (sim) return Promise.resolve(sim.url);
      starting ??= start().catch((error: unknown) => {
        starting = null;
        throw error;
      });
      return starting;
    },
    markDirty() {
      if (!sim) return;
      if (debounce) clearTimeout(debounce);
      debounce = setTimeout(() => {
        try {
          save();
        } catch (error) {
          deps.logger.warn('demo: could not save the simulator state', { error });
        }
      }, SAVE_DEBOUNCE_MS);
      debounce.unref();
    },
    save,
    stop,
    async discard() {
      await stop();
      settingsRepo.remove(deps.db, DEMO_SNAPSHOT_KEY);
      settingsRepo.remove(deps.db, DEMO_PORT_KEY);
    },
  };
}
