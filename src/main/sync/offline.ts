/*
 * Whether Ondato can be reached at all. One network failure is a blip (a dropped keep-alive socket);
 * several in a row, across every case, mean the laptop is offline, behind a captive portal or Ondato
 * is down. Then hammering every due case is pointless: the engine stops normal polling and sends one
 * cheap probe at a time, waiting longer after each failed one (jittered, so a fleet of desktops that
 * lost the same network do not come back in lockstep). Any answer from Ondato — even a 500 or a 429 —
 * proves the network works; a timeout proves neither.
 */

export type Reachability = 'online' | 'offline';

export interface ConnectivityOptions {
  /** Consecutive network failures that mean offline. */
  threshold: number;
  probeMin: number;
  probeMax: number;
  random: () => number;
}

export class Connectivity {
  private current: Reachability = 'online';
  private since: number | null = null;
  private consecutive = 0;
  private probes = 0;

  constructor(private readonly options: ConnectivityOptions) {}

  get state(): Reachability {
    return this.current;
  }

  /** When the engine declared itself offline; null while online. */
  get offlineSince(): number | null {
    return this.since;
  }

  get consecutiveFailures(): number {
    return this.consecutive;
  }

  /** Ondato answered (anything). True when this ends an offline period. */
  reached(): boolean {
    this.consecutive = 0;
    this.probes = 0;
    if (this.current === 'online') return false;
    this.current = 'online';
    this.since = null;
    return true;
  }

  /** A request failed without an answer. True when this makes the engine offline. */
  networkFailure(now: number): boolean {
    this.consecutive += 1;
    if (this.current === 'offline' || this.consecutive < this.options.threshold) return false;
    this.current = 'offline';
    this.since = now;
    this.probes = 0;
    return true;
  }

  /**
   * The wait before the next probe: min, 2×min, 4×min … up to max, each jittered to 75–125 % and
   * kept within [min, max]. Every call counts as one more probe.
   */
  nextProbeDelay(): number {
    const { probeMin, probeMax, random } = this.options;
    const ceiling = Math.min(probeMax, probeMin * 2 ** Math.min(this.probes, 30));
    this.probes += 1;
    const jittered = ceiling * (0.75 + 0.5 * random());
    return Math.round(Math.min(probeMax, Math.max(probeMin, jittered)));
  }
}
