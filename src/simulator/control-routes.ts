import type { SimContext } from './context';
import type { Operations } from './controls';
import type { RouteDef, SimRequest } from './http-types';
import { readControlBody } from './json-body';
import { isRecord } from './validation';
import { json, type Reply } from './reply';

/** `/__sim/...`: thin HTTP wrappers over the same operations `sim.control` calls. */
export function controlRoutes(ctx: SimContext, ops: Operations): RouteDef[] {
  const withBody =
    (run: (body: unknown, req: SimRequest) => unknown) =>
    (req: SimRequest): Reply => {
      const parsed = readControlBody(req, ctx.rng.trace);
      if (!parsed.ok) return parsed.reply;
      const result = run(parsed.value, req);
      return json(200, result ?? { ok: true });
    };
  const field = (body: unknown, key: string): unknown => (isRecord(body) ? body[key] : undefined);
  const id = (req: SimRequest): string => req.params['id'] ?? '';

  const route = (method: string, path: string, handler: RouteDef['handler']): RouteDef => ({
    name: `sim ${method} ${path}`,
    method,
    path,
    kind: 'control',
    handler,
  });
  return [
    route('GET', '/__sim/health', () => json(200, ops.health())),
    route(
      'POST',
      '/__sim/idv/:id/advance',
      withBody((body, req) => ops.advance(id(req), field(body, 'to'))),
    ),
    route(
      'POST',
      '/__sim/idv/:id/outcome',
      withBody((body, req) => ops.setOutcome(id(req), body)),
    ),
    route(
      'POST',
      '/__sim/idv/:id/mismatch',
      withBody((body, req) => ops.setMismatch(id(req), body)),
    ),
    route(
      'POST',
      '/__sim/idv/:id/document',
      withBody((body, req) => ops.setDocument(id(req), body)),
    ),
    route('GET', '/__sim/faults', () => json(200, ops.faults())),
    route(
      'POST',
      '/__sim/faults',
      withBody((body) => ops.addFault(body)),
    ),
    route(
      'DELETE',
      '/__sim/faults',
      withBody(() => ops.clearFaults()),
    ),
    route(
      'POST',
      '/__sim/tokens/revoke',
      withBody(() => ops.revokeTokens()),
    ),
    route(
      'POST',
      '/__sim/tokens/lifetime',
      withBody((body) => ops.setTokenLifetime(field(body, 'seconds'))),
    ),
    route(
      'POST',
      '/__sim/clock/advance',
      withBody((body) => ops.advanceClock(field(body, 'ms'))),
    ),
    route('GET', '/__sim/requests', () => json(200, ops.requests())),
    route('GET', '/__sim/counters', () => json(200, ops.counters())),
    route(
      'DELETE',
      '/__sim/requests',
      withBody(() => ops.clearRequests()),
    ),
    route(
      'POST',
      '/__sim/reset',
      withBody(() => ops.reset()),
    ),
    route('GET', '/__sim/snapshot', () => json(200, ops.snapshot())),
    route(
      'POST',
      '/__sim/restore',
      withBody((body) => ops.restore(body)),
    ),
  ];
}
