import type { SyncStatus } from '../../shared/domain/views';
import { logUnexpected } from './options';
import type { Logger } from '../ondato';

/** Holds the last published status and tells listeners only when it really changed. */
export class StatusPublisher {
  private last: SyncStatus;
  private lastKey: string;
  private readonly listeners = new Set<(status: SyncStatus) => void>();

  constructor(
    initial: SyncStatus,
    private readonly logger: Logger,
  ) {
    this.last = initial;
    this.lastKey = JSON.stringify(initial);
  }

  get current(): SyncStatus {
    return { ...this.last };
  }

  publish(next: SyncStatus): void {
    const key = JSON.stringify(next);
    if (key === this.lastKey) return;
    this.last = next;
    this.lastKey = key;
    for (const listener of [...this.listeners]) {
      try {
        listener({ ...next });
      } catch (error) {
        logUnexpected(this.logger, 'status listener', error);
      }
    }
  }

  subscribe(listener: (status: SyncStatus) => void): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }
}
