import type { Clock } from './types';
import type { WebhookAuth, WebhookSubscription } from './webhook-config';

/** Per attempt, like Ondato. Wall time: a receiver that hangs really hangs (docs/simulator.md). */
export const ATTEMPT_TIMEOUT_MS = 30_000;
const TOKEN_TIMEOUT_MS = 30_000;

interface CachedToken {
  token: string;
  /** Simulator clock ms. */
  expiresAt: number;
}

/** Sends one envelope with the subscription's authentication; answers the HTTP status, 0 on failure. */
export class WebhookSender {
  private readonly tokens = new Map<string, CachedToken>();
  private readonly abort = new AbortController();

  constructor(private readonly clock: Clock) {}

  async send(sub: WebhookSubscription, body: string): Promise<number> {
    const headers: Record<string, string> = { 'content-type': 'application/json; charset=utf-8' };
    const authorization = await this.authorization(sub);
    if (authorization === undefined) return 0;
    if (authorization !== '') headers['authorization'] = authorization;
    return this.timed(ATTEMPT_TIMEOUT_MS, async (signal) => {
      try {
        const res = await fetch(sub.url, { method: 'POST', headers, body, signal });
        await res.arrayBuffer().catch(() => undefined);
        // A rejected bearer may just have expired at the receiver: fetch a new one next time.
        if (res.status === 401) this.tokens.delete(sub.id);
        return res.status;
      } catch {
        return 0;
      }
    });
  }

  forget(subscriptionId?: string): void {
    if (subscriptionId === undefined) this.tokens.clear();
    else this.tokens.delete(subscriptionId);
  }

  stop(): void {
    this.abort.abort();
  }

  /**
   * Runs `work` with a signal that aborts after `ms` or on stop(). Not AbortSignal.any over
   * AbortSignal.timeout: on Node 20 the composite holds its sources weakly, so a garbage collection
   * during a long wait loses the timeout and a receiver that never answers hangs the sender for good.
   * Here the timer itself holds the controller.
   */
  private async timed<T>(ms: number, work: (signal: AbortSignal) => Promise<T>): Promise<T> {
    const controller = new AbortController();
    const onStop = (): void => controller.abort(this.abort.signal.reason);
    if (this.abort.signal.aborted) onStop();
    else this.abort.signal.addEventListener('abort', onStop, { once: true });
    const timer = setTimeout(
      () => controller.abort(new DOMException('The receiver did not answer in time.', 'TimeoutError')),
      ms,
    );
    try {
      return await work(controller.signal);
    } finally {
      clearTimeout(timer);
      this.abort.signal.removeEventListener('abort', onStop);
    }
  }

  /** '' for none, undefined when no token could be had (the attempt fails and is retried). */
  private async authorization(sub: WebhookSubscription): Promise<string | undefined> {
    const auth: WebhookAuth = sub.auth;
    switch (auth.kind) {
      case 'none':
        return '';
      case 'basic':
        return `Basic ${Buffer.from(`${auth.username}:${auth.password}`).toString('base64')}`;
      case 'oauth2': {
        const cached = this.tokens.get(sub.id);
        if (cached && cached.expiresAt > this.clock.now()) return `Bearer ${cached.token}`;
        const token = await this.fetchToken(auth);
        if (!token) return undefined;
        this.tokens.set(sub.id, token);
        return `Bearer ${token.token}`;
      }
    }
  }

  private async fetchToken(auth: Extract<WebhookAuth, { kind: 'oauth2' }>): Promise<CachedToken | undefined> {
    const form = new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: auth.clientId,
      client_secret: auth.clientSecret,
    });
    if (auth.scope !== undefined) form.set('scope', auth.scope);
    return this.timed(TOKEN_TIMEOUT_MS, async (signal) => {
      try {
        const res = await fetch(auth.tokenUrl, {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: form.toString(),
          signal,
        });
        if (!res.ok) return undefined;
        const body: unknown = await res.json();
        if (typeof body !== 'object' || body === null) return undefined;
        const token: unknown = Reflect.get(body, 'access_token');
        const expiresIn: unknown = Reflect.get(body, 'expires_in');
        if (typeof token !== 'string' || token === '') return undefined;
        const seconds = typeof expiresIn === 'number' && expiresIn > 0 ? expiresIn : 300;
        // Renew a little early so a token never expires in flight.
        return { token, expiresAt: this.clock.now() + Math.max(0, seconds - 30) * 1000 };
      } catch {
        return undefined;
      }
    });
  }
}
