import { apiRoutes } from './api-routes';
import { createContext, type SimulatorOptions } from './context';
import { controlRoutes } from './control-routes';
import { createControl, createOperations, type SimulatorControl } from './controls';
import { customerRoutes } from './customer-routes';
import { serve } from './server';
import { webhookRoutes } from './webhook-routes';

export type { SimulatorOptions } from './context';
export type { SimulatorControl } from './controls';
export type { FaultRule, FaultKind, FaultRoute, ActiveFault } from './faults';
export type { RequestLogEntry, Counters } from './request-log';
export type { SimulatorSnapshot } from './snapshot';
export type { AdvanceTarget, Clock, DocumentChoice, Mismatch, OAuthClient, Outcome } from './types';
export { SimulatorError } from './reply';
export { SETUPS } from './setups';
export { DEFAULT_CLIENTS } from './auth';

export interface Simulator {
  /** Base URL of all four Ondato roles, e.g. `http://127.0.0.1:54321`. */
  readonly url: string;
  /** The `/__sim` operations, in-process. */
  readonly control: SimulatorControl;
  /** Closes the port and every open connection, keep-alive ones included. */
  stop(): Promise<void>;
}

function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127(\.\d{1,3}){3}$/.test(host);
}

/** Starts the Ondato simulator (docs/simulator.md). */
export async function startSimulator(options: SimulatorOptions = {}): Promise<Simulator> {
  const host = options.host ?? '127.0.0.1';
  // It serves test credentials and fake identities: never on a network interface.
  if (!isLoopback(host)) throw new Error(`The simulator only listens on loopback addresses, not '${host}'.`);
  const port = options.port ?? 0;
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new RangeError('port must be 0-65535');

  const ctx = createContext(options);
  const ops = createOperations(ctx);
  for (const subscription of options.webhooks ?? []) ctx.webhooks.subscribe(subscription);
  const routes = [
    ...apiRoutes(ctx),
    ...controlRoutes(ctx, ops),
    ...webhookRoutes(ctx, ops),
    ...customerRoutes(ctx),
  ];
  const server = await serve(ctx, routes, port, host);
  ctx.baseUrl = server.url;
  ctx.webhooks.start();
  const stop = (): Promise<void> => {
    ctx.webhooks.stop();
    return server.stop();
  };
  return { url: server.url, control: createControl(ops), stop };
}
