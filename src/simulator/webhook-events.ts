import { derived } from './random';
import type { IdvStore } from './store';

/** The event types Ondato documents (docs/ondato-api.md "Webhooks"). */
export const WEBHOOK_EVENT_TYPES = [
  'IdentityVerification.StatusChanged',
  'IdentityVerification.Consented',
  'KycIdentification.Created',
  'KycIdentification.Processed',
  'KycIdentification.Approved',
  'KycIdentification.Rejected',
  'KycIdentification.Updated',
] as const;

export interface WebhookEvent {
  /** The envelope id: stable for the event, shared by every retry and duplicate. */
  id: string;
  idvId: string;
  type: string;
  /** Simulator clock ms of the lifecycle point that emitted it. */
  at: number;
  payload: Record<string, unknown>;
}

/**
 * Turns the IDVs' histories into events. The lifecycle records every emitting point (lifecycle.ts,
 * including steps autopilot takes while nobody looks, which `settle` timestamps when they were due);
 * this only remembers how far into each history it has read.
 */
export class EventCursor {
  private readonly seen = new Map<string, number>();

  collect(store: IdvStore, now: number, applicationId: string): WebhookEvent[] {
    const out: WebhookEvent[] = [];
    for (const record of store.all(now)) {
      const from = this.seen.get(record.id) ?? 0;
      record.history.slice(from).forEach((event, offset) => {
        const resource = event.resource ?? event.payload;
        out.push({
          id: derived(record.seed, 'webhook', from + offset).uuid(),
          idvId: record.id,
          type: event.type,
          at: event.at,
          // Same as the GET of the resource at that instant; only the record cannot know the app id.
          payload: 'applicationId' in resource ? { ...resource, applicationId } : resource,
        });
      });
      this.seen.set(record.id, record.history.length);
    }
    // Stable sort: events of one IDV keep their lifecycle order.
    return out.sort((a, b) => a.at - b.at);
  }

  clear(): void {
    this.seen.clear();
  }
}
