import { SimulatorError } from './reply';
import { isRecord } from './validation';
import { WEBHOOK_EVENT_TYPES } from './webhook-events';

export type WebhookAuth =
  | { kind: 'none' }
  | { kind: 'basic'; username: string; password: string }
  | { kind: 'oauth2'; tokenUrl: string; clientId: string; clientSecret: string; scope?: string };

/** Misbehaviour of the delivery side, for testing receivers (probabilities draw from the seeded stream). */
export interface WebhookFaults {
  /** Chance that an event is delivered twice (same envelope id). */
  duplicate?: number;
  /** Chance that a due attempt is skipped (counted as a failed attempt, retried on schedule). */
  drop?: number;
  /** Events due together are sent newest first. */
  reorder?: boolean;
  /** Simulator ms added before the first attempt. */
  delayMs?: number;
}

export interface WebhookSubscriptionInput {
  url: string;
  /** Empty or absent: every event type. */
  events?: string[];
  auth?: WebhookAuth;
  /** The older PascalCase envelope (`Id`, `ApplicationId`, ...). */
  pascalCase?: boolean;
  faults?: WebhookFaults;
}

export interface WebhookSubscription {
  id: string;
  url: string;
  events: string[];
  auth: WebhookAuth;
  pascalCase: boolean;
  faults: WebhookFaults;
}

function bad(field: string, message: string): never {
  throw new SimulatorError(400, message, { [field]: [message] });
}

function httpUrl(value: unknown, field: string): string {
  if (typeof value !== 'string') bad(field, `${field} must be an http(s) URL.`);
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    bad(field, `${field} must be an http(s) URL.`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') bad(field, `${field} must be an http(s) URL.`);
  return url.toString();
}

function text(body: Record<string, unknown>, key: string, where: string): string {
  const value = body[key];
  if (typeof value !== 'string' || value === '') bad(`${where}.${key}`, `${where}.${key} must be a string.`);
  return value;
}

function parseAuth(input: unknown): WebhookAuth {
  if (input === undefined || input === null) return { kind: 'none' };
  if (!isRecord(input)) bad('auth', 'auth must be an object.');
  switch (input['kind']) {
    case 'none':
      return { kind: 'none' };
    case 'basic':
      return {
        kind: 'basic',
        username: text(input, 'username', 'auth'),
        password: text(input, 'password', 'auth'),
      };
    case 'oauth2': {
      const auth: WebhookAuth = {
        kind: 'oauth2',
        tokenUrl: httpUrl(input['tokenUrl'], 'auth.tokenUrl'),
        clientId: text(input, 'clientId', 'auth'),
        clientSecret: text(input, 'clientSecret', 'auth'),
      };
      if (input['scope'] !== undefined) auth.scope = text(input, 'scope', 'auth');
      return auth;
    }
    default:
      return bad('auth.kind', 'auth.kind must be none, basic or oauth2.');
  }
}

function probability(input: Record<string, unknown>, key: 'duplicate' | 'drop'): number | undefined {
  const value = input[key];
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !(value >= 0 && value <= 1))
    bad(`faults.${key}`, `faults.${key} must be 0-1.`);
  return value;
}

function parseFaults(input: unknown): WebhookFaults {
  if (input === undefined) return {};
  if (!isRecord(input)) bad('faults', 'faults must be an object.');
  const out: WebhookFaults = {};
  const duplicate = probability(input, 'duplicate');
  const drop = probability(input, 'drop');
  if (duplicate !== undefined) out.duplicate = duplicate;
  if (drop !== undefined) out.drop = drop;
  if (input['reorder'] !== undefined) {
    if (typeof input['reorder'] !== 'boolean') bad('faults.reorder', 'faults.reorder must be true or false.');
    out.reorder = input['reorder'];
  }
  const delay = input['delayMs'];
  if (delay !== undefined) {
    if (typeof delay !== 'number' || !(delay >= 0))
      bad('faults.delayMs', 'faults.delayMs must be 0 or more.');
    out.delayMs = delay;
  }
  return out;
}

export function parseSubscription(input: unknown, id: string): WebhookSubscription {
  if (!isRecord(input)) bad('$', 'A subscription must be a JSON object.');
  const events = input['events'] ?? [];
  if (!Array.isArray(events)) bad('events', 'events must be a list of event types.');
  const known: readonly string[] = WEBHOOK_EVENT_TYPES;
  for (const event of events) {
    if (typeof event !== 'string' || !known.includes(event)) {
      bad('events', `events must be among ${WEBHOOK_EVENT_TYPES.join(', ')}.`);
    }
  }
  const pascalCase = input['pascalCase'] ?? false;
  if (typeof pascalCase !== 'boolean') bad('pascalCase', 'pascalCase must be true or false.');
  return {
    id,
    url: httpUrl(input['url'], 'url'),
    events: events.filter((e): e is string => typeof e === 'string'),
    auth: parseAuth(input['auth']),
    pascalCase,
    faults: parseFaults(input['faults']),
  };
}

/** A subscription as the control API shows it: never its secrets. */
export function publicSubscription(sub: WebhookSubscription): Record<string, unknown> {
  const auth =
    sub.auth.kind === 'oauth2'
      ? { kind: 'oauth2', tokenUrl: sub.auth.tokenUrl, clientId: sub.auth.clientId }
      : sub.auth.kind === 'basic'
        ? { kind: 'basic', username: sub.auth.username }
        : { kind: 'none' };
  return {
    id: sub.id,
    url: sub.url,
    events: sub.events,
    auth,
    pascalCase: sub.pascalCase,
    faults: sub.faults,
  };
}
