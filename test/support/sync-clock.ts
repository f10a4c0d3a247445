/**
 * A clock `scale` times faster than the wall clock, starting at `t0` when the wall clock read `wall0`.
 * Built on Date.now so two processes (the crash test and its child engine) agree on the time.
 */
export function wallScaledClock(t0: number, wall0: number, scale: number): { now(): number } {
  return { now: () => t0 + Math.floor((Date.now() - wall0) * scale) };
}
