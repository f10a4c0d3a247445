import type { SimRequest } from './http-types';
import { header } from './http-types';
import type { Rng } from './random';
import { problem, validationProblem, type Reply } from './reply';

export type JsonBody = { ok: true; value: unknown } | { ok: false; reply: Reply };

function isJsonType(contentType: string | undefined): boolean {
  if (!contentType) return false;
  const type = contentType.split(';')[0]?.trim().toLowerCase() ?? '';
  return type === 'application/json' || type === 'text/json' || type.endsWith('+json');
}

/** ASP.NET's [FromBody] behaviour: 415 for other media types, 400 for empty or unparsable bodies. */
export function readJsonBody(req: SimRequest, rng: Rng, allowEmpty: boolean): JsonBody {
  const text = req.body.toString('utf8');
  if (text.trim().length === 0) {
    if (allowEmpty) return { ok: true, value: {} };
    return { ok: false, reply: validationProblem(rng, { '': ['A non-empty request body is required.'] }) };
  }
  if (!isJsonType(header(req, 'content-type'))) return { ok: false, reply: problem(rng, 415) };
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false, reply: validationProblem(rng, { $: ['The JSON value could not be parsed.'] }) };
  }
}

/** Control routes are for people and scripts: any content type, empty means `{}`. */
export function readControlBody(req: SimRequest, rng: Rng): JsonBody {
  const text = req.body.toString('utf8');
  if (text.trim().length === 0) return { ok: true, value: {} };
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false, reply: validationProblem(rng, { $: ['The body is not valid JSON.'] }) };
  }
}
