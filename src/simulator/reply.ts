import type { Rng } from './random';

/** What a handler answers; the server writes it, so faults, latency and the log see every reply. */
export type Reply =
  { kind: 'send'; status: number; headers: Record<string, string>; body: string | Buffer } | { kind: 'drop' };

export function json(status: number, value: unknown, headers: Record<string, string> = {}): Reply {
  return {
    kind: 'send',
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
    body: JSON.stringify(value),
  };
}

export function empty(status: number, headers: Record<string, string> = {}): Reply {
  return { kind: 'send', status, headers, body: '' };
}

export function html(status: number, body: string, headers: Record<string, string> = {}): Reply {
  return { kind: 'send', status, headers: { 'content-type': 'text/html; charset=utf-8', ...headers }, body };
}

// The `type` links ASP.NET Core puts in its problem details, per status.
const PROBLEM_TYPES: Record<number, string> = {
  400: 'https://tools.ietf.org/html/rfc9110#section-15.5.1',
  401: 'https://tools.ietf.org/html/rfc9110#section-15.5.2',
  403: 'https://tools.ietf.org/html/rfc9110#section-15.5.4',
  404: 'https://tools.ietf.org/html/rfc9110#section-15.5.5',
  405: 'https://tools.ietf.org/html/rfc9110#section-15.5.6',
  409: 'https://tools.ietf.org/html/rfc9110#section-15.5.10',
  413: 'https://tools.ietf.org/html/rfc9110#section-15.5.14',
  415: 'https://tools.ietf.org/html/rfc9110#section-15.5.16',
  429: 'https://tools.ietf.org/html/rfc6585#section-4',
  500: 'https://tools.ietf.org/html/rfc9110#section-15.6.1',
  502: 'https://tools.ietf.org/html/rfc9110#section-15.6.3',
  503: 'https://tools.ietf.org/html/rfc9110#section-15.6.4',
  504: 'https://tools.ietf.org/html/rfc9110#section-15.6.5',
};

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  429: 'Too Many Requests',
  500: 'An error occurred while processing your request.',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

export type FieldErrors = Record<string, string[]>;

/** W3C trace-context id, which is what ASP.NET puts in `traceId`. */
export function traceId(rng: Rng): string {
  return `00-${rng.hex(16)}-${rng.hex(8)}-00`;
}

export function problem(
  rng: Rng,
  status: number,
  extra: { title?: string; detail?: string; errors?: FieldErrors; headers?: Record<string, string> } = {},
): Reply {
  const body: Record<string, unknown> = {
    type: PROBLEM_TYPES[status] ?? 'about:blank',
    title: extra.title ?? TITLES[status] ?? 'Error',
    status,
  };
  if (extra.detail !== undefined) body['detail'] = extra.detail;
  if (extra.errors !== undefined) body['errors'] = extra.errors;
  body['traceId'] = traceId(rng);
  return {
    kind: 'send',
    status,
    headers: { 'content-type': 'application/problem+json; charset=utf-8', ...extra.headers },
    body: JSON.stringify(body),
  };
}

export function validationProblem(rng: Rng, errors: FieldErrors): Reply {
  return problem(rng, 400, { title: 'One or more validation errors occurred.', errors });
}

/** Thrown by control operations; HTTP maps it to problem+json, in-process callers catch it. */
export class SimulatorError extends Error {
  readonly status: number;
  readonly errors?: FieldErrors;

  constructor(status: number, message: string, errors?: FieldErrors) {
    super(message);
    this.name = 'SimulatorError';
    this.status = status;
    if (errors) this.errors = errors;
  }
}
