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
    try {
      const res = await fetch(sub.url, {
        method: 'POST',
        headers,
        body,
        signal: this.signal(ATTEMPT_TIMEOUT_MS),
      });
      await res.arrayBuffer().catch(() => undefined);
      // A rejected bearer may just have expired at the receiver: fetch a new one next time.
      if (res.status === 401) this.tokens.delete(sub.id);
      return res.status;
    } catch {
      return 0;
    }
  }

  forget(subscriptionId?: string): void {
    if (subscriptionId === undefined) this.tokens.clear();
    else this.tokens.delete(subscriptionId);
  }

  stop(): void {
    this.abort.abort();
  }

  private signal(ms: number): AbortSignal {
    return AbortSignal.any([this.abort.signal, AbortSignal.timeout(ms)]);
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
    try {
      const res = await fetch(auth.tokenUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: form.toString(),
        signal: this.signal(TOKEN_TIMEOUT_MS),
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
  }
}
