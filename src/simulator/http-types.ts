import type { IncomingHttpHeaders } from 'node:http';
import type { Reply } from './reply';

export interface SimRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  body: Buffer;
  params: Record<string, string>;
}

export type Handler = (req: SimRequest) => Reply | Promise<Reply>;

/** `api` routes are Ondato's: logged, faultable, delayed. `customer` is logged; `control` is neither. */
export type RouteKind = 'api' | 'customer' | 'control';

export interface RouteDef {
  name: string;
  method: string;
  path: string;
  kind: RouteKind;
  handler: Handler;
}

export function header(req: SimRequest, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}
