/*
 * Team mode's share of the polling (ADR 0020): a joined desk polls Ondato only for the cases whose
 * lease it holds in the team database; the others are polled by whichever desk holds theirs, and their
 * results reach this desk through the team's change feed. A case the gate refuses is not requested:
 * its schedule moves on by `deferMs`, when the desk's leases have been renewed.
 */
export interface PollGate {
  allows(caseId: string): boolean;
  deferMs: number;
}

/** The leases this desk holds, by case, with their local expiry (a margin short of the team's). */
export class LeaseBook implements PollGate {
  readonly deferMs: number;
  private readonly leases = new Map<string, number>();

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

  grant(caseIds: readonly string[], until: number): void {
    for (const id of caseIds) this.leases.set(id, until);
  }

  /** Publishing a result releases the lease in the team database; the book follows. */
  release(caseIds: readonly string[]): void {
    for (const id of caseIds) this.leases.delete(id);
  }

  held(): string[] {
    const now = this.now();
    return [...this.leases].filter(([, until]) => until > now).map(([id]) => id);
  }
}
