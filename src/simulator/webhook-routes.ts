import { iso } from './dates';
import type { SimContext } from './context';
import type { Operations } from './controls';
import type { RouteDef, SimRequest } from './http-types';
import { readControlBody } from './json-body';
import { json, type Reply } from './reply';
import { publicSubscription } from './webhook-config';

/** `/__sim/webhooks/...` and the portal edit that emits `KycIdentification.Updated`. */
export function webhookRoutes(ctx: SimContext, ops: Operations): RouteDef[] {
  const withBody =
    (run: (body: unknown, req: SimRequest) => unknown) =>
    (req: SimRequest): Reply => {
      const parsed = readControlBody(req, ctx.rng.trace);
      if (!parsed.ok) return parsed.reply;
      return json(200, run(parsed.value, req) ?? { ok: true });
    };
  const route = (method: string, path: string, handler: RouteDef['handler']): RouteDef => ({
    name: `sim ${method} ${path}`,
    method,
    path,
    kind: 'control',
    handler,
  });
  const hub = ctx.webhooks;
  return [
    route('GET', '/__sim/webhooks/subscriptions', () => json(200, hub.list().map(publicSubscription))),
    route(
      'POST',
      '/__sim/webhooks/subscriptions',
      withBody((body) => ({ id: hub.subscribe(body).id })),
    ),
    route(
      'DELETE',
      '/__sim/webhooks/subscriptions',
      withBody(() => hub.clear()),
    ),
    // Sends what is due on the simulator clock and answers once those attempts are over.
    route('POST', '/__sim/webhooks/deliver', async () => {
      await hub.deliver();
      return json(200, { ok: true });
    }),
    route('GET', '/__sim/webhooks/deliveries', () =>
      json(
        200,
        hub.all().map((d) => ({
          id: d.event.id,
          idvId: d.event.idvId,
          type: d.event.type,
          subscriptionId: d.subscriptionId,
          copy: d.copy,
          attempts: d.attempts,
          isDelivered: d.deliveredAt !== undefined,
          pending: d.dueAt !== undefined,
          lastStatus: d.lastStatus ?? null,
          // When the next attempt is due on the simulator clock, so a test can step exactly to it.
          nextAttemptUtc: d.dueAt === undefined ? null : iso(d.dueAt),
        })),
      ),
    ),
    route(
      'POST',
      '/__sim/idv/:id/document-data',
      withBody((body, req) => ops.editDocumentData(req.params['id'] ?? '', body)),
    ),
  ];
}
