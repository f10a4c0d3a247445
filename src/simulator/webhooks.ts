import { iso } from './dates';
import { derived } from './random';
import type { IdvStore } from './store';
import type { Clock } from './types';
import { parseSubscription, type WebhookSubscription } from './webhook-config';
import { EventCursor, type WebhookEvent } from './webhook-events';
import { WebhookSender } from './webhook-sender';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
/** Delay before retry n (1-based); after the list, every 12 h (docs/ondato-api.md "Webhooks"). */
const RETRY_DELAYS = [
  10 * SECOND,
  30 * SECOND,
  MINUTE,
  5 * MINUTE,
  10 * MINUTE,
  30 * MINUTE,
  HOUR,
  3 * HOUR,
  6 * HOUR,
];
const LATER_DELAY = 12 * HOUR;
const RETRY_WINDOW_MS = 24 * HOUR;
export const MAX_ATTEMPTS = 30;
const JITTER = 0.1;
/** How often (wall time) the simulator looks for due deliveries on its own. */
const TICK_MS = 100;

export interface Delivery {
  event: WebhookEvent;
  subscriptionId: string;
  /** Order of creation, the tie-breaker for deliveries due at the same instant. */
  seq: number;
  /** A duplicate the `duplicate` fault added: sent, but not listed by the webhooks GET. */
  copy: boolean;
  attempts: number;
  /** Simulator ms of the next attempt; undefined once delivered or given up. */
  dueAt: number | undefined;
  deliveredAt?: number;
  lastStatus?: number;
}

function envelope(delivery: Delivery, applicationId: string, at: number, pascalCase: boolean): string {
  const { event } = delivery;
  const fields = {
    id: event.id,
    applicationId,
    createdUtc: iso(event.at),
    deliveredUtc: iso(at),
    isDelivered: true,
    payload: event.payload,
    type: event.type,
  };
  if (!pascalCase) return JSON.stringify(fields);
  const pascal = Object.entries(fields).map(([k, v]) => [k.charAt(0).toUpperCase() + k.slice(1), v]);
  return JSON.stringify(Object.fromEntries(pascal));
}

/** Subscriptions, the delivery queue and its retries, all on the simulator clock. */
export class WebhookHub {
  private subscriptions: WebhookSubscription[] = [];
  private deliveries: Delivery[] = [];
  private readonly cursor = new EventCursor();
  private readonly sender: WebhookSender;
  private counter = 0;
  private seq = 0;
  private chain: Promise<void> = Promise.resolve();
  private timer: NodeJS.Timeout | undefined;
  private busy = false;

  constructor(
    private readonly clock: Clock,
    private readonly store: IdvStore,
    private readonly seed: number,
    private readonly applicationId: string,
  ) {
    this.sender = new WebhookSender(clock);
  }

  /** Starts delivering by itself; without this, only `deliver()` sends. */
  start(): void {
    this.timer ??= setInterval(() => {
      if (this.busy || this.subscriptions.length === 0) return;
      this.deliver().catch(() => undefined);
    }, TICK_MS);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    this.sender.stop();
  }

  subscribe(input: unknown): WebhookSubscription {
    const sub = parseSubscription(input, `webhook-${this.counter + 1}`);
    this.counter += 1;
    // Only what happens from now on is sent, as with a subscription made in Ondato's portal.
    this.collect();
    this.subscriptions.push(sub);
    return sub;
  }

  list(): WebhookSubscription[] {
    return [...this.subscriptions];
  }

  clear(): void {
    this.subscriptions = [];
    this.deliveries = [];
    this.cursor.clear();
    this.sender.forget();
    this.counter = 0;
  }

  /**
   * After a snapshot restore: the restored histories happened before, so nothing is sent for them and
   * pending deliveries are dropped; subscriptions stay.
   */
  restored(): void {
    this.deliveries = [];
    this.cursor.clear();
    this.cursor.collect(this.store, this.clock.now(), this.applicationId);
  }

  all(): Delivery[] {
    this.collect();
    return this.deliveries.map((d) => ({ ...d }));
  }

  /**
   * After a redaction the delivery log keeps its records but not the person: each payload becomes the
   * redacted resource's ids and status only (queued retries then carry that too).
   */
  redact(idvId: string): void {
    this.collect();
    for (const d of this.deliveries) {
      if (d.event.idvId !== idvId) continue;
      const { id, status, identityVerificationId, redaction } = d.event.payload;
      d.event = {
        ...d.event,
        payload: Object.fromEntries(
          Object.entries({ id, status, identityVerificationId, redaction }).filter(
            ([, v]) => v !== undefined,
          ),
        ),
      };
    }
  }

  /** The records behind `GET /v1/identity-verifications/{id}/webhooks`. */
  recordsOf(idvId: string): Array<Record<string, unknown>> {
    this.collect();
    return this.deliveries
      .filter((d) => !d.copy && d.event.idvId === idvId)
      .map((d) => ({
        id: d.event.id,
        applicationId: this.applicationId,
        createdUtc: iso(d.event.at),
        deliveredUtc: d.deliveredAt === undefined ? null : iso(d.deliveredAt),
        isDelivered: d.deliveredAt !== undefined,
        type: d.event.type,
        payload: d.event.payload,
      }));
  }

  /** Sends everything due on the simulator clock; resolves when those attempts are over. */
  deliver(): Promise<void> {
    // One failed run must not stop every later one.
    this.chain = this.chain.catch(() => undefined).then(() => this.run());
    return this.chain;
  }

  private collect(): void {
    const events = this.cursor.collect(this.store, this.clock.now(), this.applicationId);
    for (const event of events) {
      for (const sub of this.subscriptions) {
        if (sub.events.length > 0 && !sub.events.includes(event.type)) continue;
        const dueAt = event.at + (sub.faults.delayMs ?? 0);
        const rng = derived(this.seed, 'webhook-duplicate', event.id, sub.id);
        const copies = sub.faults.duplicate !== undefined && rng.chance(sub.faults.duplicate) ? 2 : 1;
        for (let i = 0; i < copies; i++) {
          this.seq += 1;
          this.deliveries.push({
            event,
            subscriptionId: sub.id,
            seq: this.seq,
            copy: i > 0,
            attempts: 0,
            dueAt,
          });
        }
      }
    }
  }

  private async run(): Promise<void> {
    this.busy = true;
    try {
      this.collect();
      const now = this.clock.now();
      // Receivers are independent, as at Ondato: one that hangs for its 30 s must not hold back another.
      await Promise.all(this.subscriptions.map((sub) => this.runFor(sub, now)));
    } finally {
      this.busy = false;
    }
  }

  private async runFor(sub: WebhookSubscription, now: number): Promise<void> {
    // A clock that jumped a day ahead still sees every attempt in between, in schedule order.
    for (let sent = true; sent;) {
      const due = this.deliveries
        .filter((d) => d.subscriptionId === sub.id && d.dueAt !== undefined && d.dueAt <= now)
        .sort((a, b) => (a.dueAt ?? 0) - (b.dueAt ?? 0) || a.seq - b.seq);
      if (sub.faults.reorder) due.reverse();
      // One at a time per receiver, so events arrive in lifecycle order unless a fault says otherwise.
      for (const delivery of due) await this.attempt(sub, delivery);
      sent = due.length > 0;
    }
  }

  private async attempt(sub: WebhookSubscription, delivery: Delivery): Promise<void> {
    const scheduled = delivery.dueAt ?? this.clock.now();
    delivery.attempts += 1;
    const rng = derived(
      this.seed,
      'webhook-attempt',
      delivery.event.id,
      sub.id,
      delivery.seq,
      delivery.attempts,
    );
    const dropped = sub.faults.drop !== undefined && rng.chance(sub.faults.drop);
    const at = this.clock.now();
    const status = dropped
      ? 0
      : await this.sender.send(sub, envelope(delivery, this.applicationId, at, sub.pascalCase));
    delivery.lastStatus = status;
    if (status >= 200 && status < 300) {
      delivery.deliveredAt = at;
      delivery.dueAt = undefined;
      return;
    }
    // Ondato retries every failure, 4xx included; a receiver that refuses for good is retried to the end.
    const base = RETRY_DELAYS[delivery.attempts - 1] ?? LATER_DELAY;
    const next = scheduled + Math.round(base * (1 + (rng.next() * 2 - 1) * JITTER));
    const firstDue = delivery.event.at + (sub.faults.delayMs ?? 0);
    const giveUp = delivery.attempts >= MAX_ATTEMPTS || next > firstDue + RETRY_WINDOW_MS;
    delivery.dueAt = giveUp ? undefined : next;
  }
}
