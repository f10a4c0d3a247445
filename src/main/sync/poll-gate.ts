import type { TeamRelayStatus } from '../../shared/domain/views';

/*
 * Team mode's share of the polling (ADR 0020): a joined desk polls Ondato only for the cases whose
 * lease it holds in the team database; the others are polled by whichever desk holds theirs, and their
 * results reach this desk through the team's change feed. A case the gate refuses is not requested:
 * its schedule moves on by `deferMs`, when the desk's leases have been renewed.
 */
export interface PollGate {
  allows(caseId: string): boolean;
  deferMs: number;
  /** The team relay's state, for the sync status (ADR 0022); absent outside team mode. */
  relayStatus?(): TeamRelayStatus | null;
  onRelayChange?(listener: () => void): () => void;
  /** Leases just granted: the engine polls those cases now (the team said they are due). */
  onGrant?(listener: (caseIds: readonly string[]) => void): () => void;
}

/** The leases this desk holds, by case, with their local expiry (a margin short of the team's). */
export class LeaseBook implements PollGate {
  readonly deferMs: number;
  private readonly leases = new Map<string, number>();
  private relay: TeamRelayStatus | null = null;
  private readonly relayListeners = new Set<() => void>();
  private readonly grantListeners = new Set<(caseIds: readonly string[]) => void>();

  constructor(
    private readonly now: () => number,
    deferMs: number,
  ) {
    this.deferMs = deferMs;
  }

  allows(caseId: string): boolean {
    const until = this.leases.get(caseId);
    return until !== undefined && until > this.now();
  }

  /**
   * Records leases won. Poll leases (`poll: true`, the default) also tell the engine to poll those cases
   * now; a webhook's lease does not, since the team session reads the case itself (the engine's refresh)
   * and a second, scheduled check racing it would only make that refresh wait and read twice.
   */
  grant(caseIds: readonly string[], until: number, options: { poll?: boolean } = {}): void {
    for (const id of caseIds) this.leases.set(id, until);
    if (caseIds.length === 0 || options.poll === false) return;
    for (const listener of [...this.grantListeners]) listener(caseIds);
  }

  onGrant(listener: (caseIds: readonly string[]) => void): () => void {
    this.grantListeners.add(listener);
    return () => {
      this.grantListeners.delete(listener);
    };
  }

  /** Publishing a result releases the lease in the team database; the book follows. */
  release(caseIds: readonly string[]): void {
    for (const id of caseIds) this.leases.delete(id);
  }

  held(): string[] {
    const now = this.now();
    return [...this.leases].filter(([, until]) => until > now).map(([id]) => id);
  }

  relayStatus(): TeamRelayStatus | null {
    return this.relay;
  }

  /** The team session records what the relay's health says; the engine republishes its status. */
  setRelayStatus(status: TeamRelayStatus | null): void {
    if (JSON.stringify(status) === JSON.stringify(this.relay)) return;
    this.relay = status;
    for (const listener of [...this.relayListeners]) listener();
  }

  onRelayChange(listener: () => void): () => void {
    this.relayListeners.add(listener);
    return () => {
      this.relayListeners.delete(listener);
    };
  }
}
