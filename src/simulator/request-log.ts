import type { FaultKind } from './faults';

export interface RequestLogEntry {
  at: string;
  method: string;
  path: string;
  route: string;
  /** 0 when the connection was dropped without a response. */
  status: number;
  faulted?: true;
  fault?: FaultKind;
}

export interface Counters {
  total: number;
  byRoute: Record<string, number>;
  byStatus: Record<string, number>;
}

const MAX_ENTRIES = 10_000;

/** Method, path and outcome only: never a body, a header or a token. */
export class RequestLog {
  private entries: RequestLogEntry[] = [];
  private counts: Counters = { total: 0, byRoute: {}, byStatus: {} };

  record(entry: RequestLogEntry): void {
    this.entries.push(entry);
    if (this.entries.length > MAX_ENTRIES) this.entries.splice(0, this.entries.length - MAX_ENTRIES);
    this.counts.total += 1;
    this.counts.byRoute[entry.route] = (this.counts.byRoute[entry.route] ?? 0) + 1;
    const status = String(entry.status);
    this.counts.byStatus[status] = (this.counts.byStatus[status] ?? 0) + 1;
  }

  list(): RequestLogEntry[] {
    return this.entries.map((e) => ({ ...e }));
  }

  counters(): Counters {
    return {
      total: this.counts.total,
      byRoute: { ...this.counts.byRoute },
      byStatus: { ...this.counts.byStatus },
    };
  }

  clear(): void {
    this.entries = [];
    this.counts = { total: 0, byRoute: {}, byStatus: {} };
  }
}
