import { DEFAULT_CLIENTS, TokenStore } from './auth';
import { Faults } from './faults';
import { ImageCache } from './images';
import { derived, hashSeed, Rng } from './random';
import { RequestLog } from './request-log';
import { IdvStore } from './store';
import type { Clock, OAuthClient } from './types';
import { WebhookHub } from './webhooks';

export interface SimulatorOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  /** Loopback only: 127.0.0.1 (default), another 127.x address, ::1 or localhost. */
  host?: string;
  /** Root of every id, timing and random choice. Default 1. */
  seed?: number;
  /** Default: the simulator's own clock (wall time, movable with `advanceClock`). */
  clock?: Clock;
  autopilot?: boolean;
  demo?: boolean;
  clients?: OAuthClient[];
  tokenLifetimeSeconds?: number;
  /** Added to every Ondato API response, in real milliseconds. */
  latencyMs?: number;
  /**
   * Benchmarks only: draw at most this many distinct images per part and reuse them, so a thousand
   * cases do not cost a thousand renders. The images then do not show the case's own data.
   */
  specimenPool?: number;
  /** Webhook subscriptions to start with (same shape as `POST /__sim/webhooks/subscriptions`). */
  webhooks?: unknown[];
}

/** The simulator's own clock: wall time plus what `advanceClock` added. */
export interface OwnClock {
  advance(ms: number): void;
  offset(): number;
  setOffset(ms: number): void;
}

export interface Streams {
  ids: Rng;
  tokens: Rng;
  faults: Rng;
  trace: Rng;
}

export interface SimContext {
  readonly clock: Clock;
  /** Present only when the simulator owns its clock. */
  readonly ownClock: OwnClock | undefined;
  readonly seed: number;
  readonly demo: boolean;
  readonly autopilot: boolean;
  readonly clients: readonly OAuthClient[];
  readonly tokenLifetimeSeconds: number;
  readonly latencyMs: number;
  readonly applicationId: string;
  baseUrl: string;
  rng: Streams;
  readonly store: IdvStore;
  readonly tokens: TokenStore;
  readonly faults: Faults;
  readonly log: RequestLog;
  readonly images: ImageCache;
  readonly webhooks: WebhookHub;
}

/** Separate streams so that, say, a fault's coin toss never shifts the next IDV id. */
export function createStreams(seed: number): Streams {
  return {
    ids: new Rng(hashSeed(seed, 'ids')),
    tokens: new Rng(hashSeed(seed, 'tokens')),
    faults: new Rng(hashSeed(seed, 'faults')),
    trace: new Rng(hashSeed(seed, 'trace')),
  };
}

function nonNegative(name: string, value: number | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (!Number.isFinite(value) || value < 0) throw new RangeError(`${name} must be a non-negative number`);
  return value;
}

export function createContext(options: SimulatorOptions): SimContext {
  const seed = options.seed ?? 1;
  if (!Number.isInteger(seed)) throw new RangeError('seed must be an integer');
  let offset = 0;
  const ownClock: OwnClock | undefined = options.clock
    ? undefined
    : {
        advance: (ms) => void (offset += ms),
        offset: () => offset,
        setOffset: (ms) => void (offset = ms),
      };
  const clock: Clock = options.clock ?? { now: () => Date.now() + offset };
  const tokenLifetimeSeconds = nonNegative('tokenLifetimeSeconds', options.tokenLifetimeSeconds, 3600);
  const store = new IdvStore();
  const applicationId = derived(seed, 'application').uuid();
  return {
    clock,
    ownClock,
    seed,
    demo: options.demo ?? false,
    autopilot: options.autopilot ?? false,
    clients: options.clients ?? DEFAULT_CLIENTS,
    tokenLifetimeSeconds,
    latencyMs: nonNegative('latencyMs', options.latencyMs, 0),
    applicationId,
    baseUrl: '',
    rng: createStreams(seed),
    store,
    tokens: new TokenStore(tokenLifetimeSeconds),
    faults: new Faults(),
    log: new RequestLog(),
    images: new ImageCache(options.specimenPool),
    webhooks: new WebhookHub(clock, store, seed, applicationId),
  };
}
