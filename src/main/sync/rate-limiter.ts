/**
 * A token bucket on an injectable clock: at most `perSecond` requests a second on average, with a
 * small burst. `pauseUntil` lets a 429's Retry-After stop every request until then, because Ondato's
 * limit is per client, not per case.
 */
export class RateLimiter {
  private tokens: number;
  private updatedAt: number;
  private pausedUntil = 0;

  constructor(
    private readonly perSecond: number,
    private readonly burst: number,
    private readonly now: () => number,
  ) {
    this.tokens = burst;
    this.updatedAt = now();
  }

  private refill(): void {
    const at = this.now();
    this.tokens = Math.min(this.burst, this.tokens + ((at - this.updatedAt) / 1000) * this.perSecond);
    this.updatedAt = at;
  }

  /** Takes a token if one is free; otherwise returns how many ms until one will be. */
  tryTake(): { ok: true } | { ok: false; waitMs: number } {
    const at = this.now();
    if (at < this.pausedUntil) return { ok: false, waitMs: this.pausedUntil - at };
    this.refill();
    if (this.tokens >= 1) {
      this.tokens -= 1;
      return { ok: true };
    }
    return { ok: false, waitMs: Math.ceil(((1 - this.tokens) / this.perSecond) * 1000) };
  }

  pauseUntil(at: number): void {
    this.pausedUntil = Math.max(this.pausedUntil, at);
  }

  get pausedUntilMs(): number {
    return this.pausedUntil;
  }
}
