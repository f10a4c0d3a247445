import type { Rng } from './random';
import { html, problem, SimulatorError, type Reply } from './reply';
import { isRecord } from './validation';

export const FAULT_ROUTES = [
  'token',
  'setups',
  'idv.create',
  'idv.get',
  'idv.setup',
  'idv.redact',
  'idv.webhooks',
  'kyc.get',
  'kyc.file',
  'kyc.setup',
  'kyc.filter',
  '*',
] as const;
export type FaultRoute = (typeof FAULT_ROUTES)[number];

export const FAULT_KINDS = ['latency', 'status', 'drop', 'malformed', 'html', 'empty'] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

export interface FaultRule {
  route?: FaultRoute;
  kind: FaultKind;
  latencyMs?: number;
  status?: number;
  retryAfter?: number;
  times?: number;
  probability?: number;
}

export interface ActiveFault extends FaultRule {
  id: string;
  /** Firings left; undefined means unlimited. */
  remaining?: number;
}

function bad(field: string, message: string): never {
  throw new SimulatorError(400, message, { [field]: [message] });
}

function optionalNumber(
  rule: Record<string, unknown>,
  key: string,
  ok: (n: number) => boolean,
  hint: string,
): number | undefined {
  const value = rule[key];
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isFinite(value) || !ok(value)) bad(key, `${key} must be ${hint}.`);
  return value;
}

export function parseFaultRule(input: unknown): FaultRule {
  if (!isRecord(input)) bad('$', 'A fault rule must be a JSON object.');
  const kind = FAULT_KINDS.find((k) => k === input['kind']);
  if (!kind) bad('kind', `kind must be one of ${FAULT_KINDS.join(', ')}.`);
  const rule: FaultRule = { kind };
  if (input['route'] !== undefined) {
    const route = FAULT_ROUTES.find((r) => r === input['route']);
    if (!route) bad('route', `route must be one of ${FAULT_ROUTES.join(', ')}.`);
    rule.route = route;
  }
  const latencyMs = optionalNumber(input, 'latencyMs', (n) => n >= 0 && n <= 600_000, 'between 0 and 600000');
  const status = optionalNumber(
    input,
    'status',
    (n) => Number.isInteger(n) && n >= 400 && n <= 599,
    'an HTTP error status (400-599)',
  );
  const retryAfter = optionalNumber(
    input,
    'retryAfter',
    (n) => Number.isInteger(n) && n >= 0,
    'a whole number of seconds',
  );
  const times = optionalNumber(
    input,
    'times',
    (n) => Number.isInteger(n) && n >= 1,
    'a positive whole number',
  );
  const probability = optionalNumber(input, 'probability', (n) => n >= 0 && n <= 1, 'between 0 and 1');
  if (latencyMs !== undefined) rule.latencyMs = latencyMs;
  if (status !== undefined) rule.status = status;
  if (retryAfter !== undefined) rule.retryAfter = retryAfter;
  if (times !== undefined) rule.times = times;
  if (probability !== undefined) rule.probability = probability;
  return rule;
}

export interface FaultSelection {
  latencyMs: number;
  terminal?: ActiveFault;
}

export class Faults {
  private rules: ActiveFault[] = [];
  private counter = 0;

  add(rule: FaultRule): ActiveFault {
    this.counter += 1;
    const active: ActiveFault = { ...rule, id: `fault-${this.counter}` };
    if (rule.times !== undefined) active.remaining = rule.times;
    this.rules.push(active);
    return active;
  }

  list(): ActiveFault[] {
    return this.rules.map((r) => ({ ...r }));
  }

  clear(): void {
    this.rules = [];
    this.counter = 0;
  }

  /**
   * Latency rules add up; the first other rule that fires answers the request. A rule that does not
   * get to fire (after another answered, or losing its coin toss) keeps its remaining `times`.
   */
  select(route: string, rng: Rng): FaultSelection {
    const selection: FaultSelection = { latencyMs: 0 };
    for (const rule of this.rules) {
      if (rule.route !== undefined && rule.route !== '*' && rule.route !== route) continue;
      if (rule.remaining === 0) continue;
      if (rule.kind !== 'latency' && selection.terminal) continue;
      if (rule.probability !== undefined && !rng.chance(rule.probability)) continue;
      if (rule.remaining !== undefined) rule.remaining -= 1;
      if (rule.kind === 'latency') selection.latencyMs += rule.latencyMs ?? 1000;
      else selection.terminal = rule;
    }
    this.rules = this.rules.filter((r) => r.remaining !== 0);
    return selection;
  }
}

const PROXY_LOGIN_PAGE =
  '<!DOCTYPE html><html lang="en"><head><title>Sign in to continue</title></head><body>' +
  '<h1>Corporate network</h1><p>Please sign in to access the Internet.</p>' +
  '<form method="post" action="/login"><label>User <input name="u"></label>' +
  '<label>Password <input name="p" type="password"></label><button>Sign in</button></form></body></html>';

export function faultReply(fault: ActiveFault, rng: Rng): Reply {
  switch (fault.kind) {
    case 'drop':
      return { kind: 'drop' };
    case 'malformed':
      return {
        kind: 'send',
        status: 200,
        headers: { 'content-type': 'application/json; charset=utf-8' },
        body: '{"id":"3fa85f64-5717-4562-b3fc-2c963f66afa6","status":"Compl',
      };
    case 'html':
      return html(200, PROXY_LOGIN_PAGE);
    case 'empty':
      return {
        kind: 'send',
        status: 200,
        headers: { 'content-type': 'application/json; charset=utf-8' },
        body: '',
      };
    default: {
      const status = fault.status ?? 500;
      const headers: Record<string, string> = {};
      if (fault.retryAfter !== undefined) headers['retry-after'] = String(fault.retryAfter);
      return problem(rng, status, { headers });
    }
  }
}
