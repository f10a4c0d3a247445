import { authorize, handleTokenRequest, type ApiFamily } from './auth';
import type { SimContext } from './context';
import { header, type RouteDef, type SimRequest } from './http-types';
import { idvJson } from './idv-payload';
import { readJsonBody } from './json-body';
import { availableFiles, kycJson, specimenInput } from './kyc-payload';
import { setupOf } from './lifecycle';
import { empty, json, problem, validationProblem, type Reply } from './reply';
import { kycSetupJson, setupJson, SETUPS } from './setups';
import type { IdvRecord } from './types';
import { isRecord, validateCreateIdv } from './validation';

const REDACT_SCOPES = ['PersonalData', 'BiometricData'] as const;
/** The page-size cap of the identifications filter; a larger `limit` is a 400. */
export const KYC_FILTER_MAX_LIMIT = 100;

function pagingParam(
  req: SimRequest,
  name: 'page' | 'limit',
  max: number,
  errors: Record<string, string[]>,
): number | undefined {
  const text = req.query.get(name);
  if (text === null) return undefined;
  const value = /^\d{1,9}$/.test(text) ? Number(text) : Number.NaN;
  if (!Number.isInteger(value) || value < 1 || value > max) {
    errors[name] = [`The value must be 1 to ${max}.`];
    return undefined;
  }
  return value;
}

export function apiRoutes(ctx: SimContext): RouteDef[] {
  const now = (): number => ctx.clock.now();
  const notFound = (): Reply => problem(ctx.rng.trace, 404);

  /** Runs `body` only for a caller whose token carries the scope; reads need either scope. */
  const guarded =
    (family: ApiFamily, write: boolean, body: (req: SimRequest) => Reply) =>
    (req: SimRequest): Reply =>
      authorize(header(req, 'authorization'), family, write, ctx.tokens, now()) ?? body(req);

  const withIdv = (body: (record: IdvRecord, req: SimRequest) => Reply) => (req: SimRequest) => {
    const record = ctx.store.get(req.params['id'] ?? '', now());
    return record ? body(record, req) : notFound();
  };
  const withKyc = (body: (record: IdvRecord, req: SimRequest) => Reply) => (req: SimRequest) => {
    const record = ctx.store.getByKycId(req.params['id'] ?? '', now());
    return record ? body(record, req) : notFound();
  };

  const createIdv = (req: SimRequest): Reply => {
    const parsed = readJsonBody(req, ctx.rng.trace, false);
    if (!parsed.ok) return parsed.reply;
    const input = validateCreateIdv(parsed.value, now());
    if (!input.ok) return validationProblem(ctx.rng.trace, input.errors);
    const record = ctx.store.create(input.value, now(), ctx.rng.ids, ctx.autopilot);
    return json(201, { id: record.id });
  };

  const redact = (record: IdvRecord, req: SimRequest): Reply => {
    const parsed = readJsonBody(req, ctx.rng.trace, false);
    if (!parsed.ok) return parsed.reply;
    const scopes = isRecord(parsed.value) ? parsed.value['scopes'] : undefined;
    const valid =
      Array.isArray(scopes) &&
      scopes.length > 0 &&
      scopes.every((s) => REDACT_SCOPES.some((known) => known === s));
    if (!valid) {
      return validationProblem(ctx.rng.trace, {
        scopes: [`Give one or more of ${REDACT_SCOPES.join(', ')}.`],
      });
    }
    record.redacted.at ??= now();
    if (scopes.includes('PersonalData')) record.redacted.personal = true;
    if (scopes.includes('BiometricData')) {
      record.redacted.biometric = true;
      ctx.images.clear();
    }
    // Fully redacted: the simulator forgets the person too (its saved state must not keep them).
    if (record.redacted.personal && record.redacted.biometric) {
      if (record.registration) record.registration = {};
      record.mismatch = {};
    }
    // The webhook payloads recorded before the redaction held the person too: Ondato's delivery log
    // is redacted with the resource, and the saved state must not keep them.
    if (record.redacted.personal) {
      for (const event of record.history) delete event.resource;
      ctx.webhooks.redact(record.id);
    }
    return empty(204);
  };

  const filterSetups = (req: SimRequest): Reply => {
    const parsed = readJsonBody(req, ctx.rng.trace, true);
    if (!parsed.ok) return parsed.reply;
    const errors: Record<string, string[]> = {};
    const limitText = req.query.get('limit');
    const limit = limitText === null ? SETUPS.length : Number(limitText);
    if (!Number.isInteger(limit) || limit < 1 || limit > 1000)
      errors['limit'] = ['The value must be 1 to 1000.'];
    const orderBy = (req.query.get('orderBy') ?? 'Name').toLowerCase();
    if (!['name', 'createdutc', 'modifiedutc'].includes(orderBy))
      errors['orderBy'] = ['The value is not valid.'];
    const direction = (req.query.get('orderDirection') ?? 'Asc').toLowerCase();
    if (direction !== 'asc' && direction !== 'desc') errors['orderDirection'] = ['The value is not valid.'];
    // Disabled setups only when asked: a plain client that creates with the first setup it gets must
    // get one it can create with (docs/ondato-api.md, "Setups").
    const body = isRecord(parsed.value) ? parsed.value : {};
    const includeDisabled = body['includeDisabled'] ?? false;
    if (typeof includeDisabled !== 'boolean')
      errors['includeDisabled'] = ['The value must be true or false.'];
    if (Object.keys(errors).length > 0) return validationProblem(ctx.rng.trace, errors);
    const key = (s: (typeof SETUPS)[number]): string =>
      orderBy === 'name' ? s.name : orderBy === 'createdutc' ? s.createdUtc : s.modifiedUtc;
    const sorted = SETUPS.filter((s) => includeDisabled === true || !s.isDisabled).sort(
      (a, b) => key(a).localeCompare(key(b)) * (direction === 'desc' ? -1 : 1),
    );
    return json(
      200,
      sorted.slice(0, limit).map((s) => setupJson(s, ctx.baseUrl, ctx.applicationId)),
    );
  };

  const filterKyc = (req: SimRequest): Reply => {
    const parsed = readJsonBody(req, ctx.rng.trace, true);
    if (!parsed.ok) return parsed.reply;
    const range = isRecord(parsed.value) ? parsed.value['createdUtc'] : undefined;
    const errors: Record<string, string[]> = {};
    const bound = (name: 'from' | 'to'): number | undefined => {
      const value = isRecord(range) ? range[name] : undefined;
      if (value === undefined || value === null) return undefined;
      const ms = typeof value === 'string' ? Date.parse(value) : Number.NaN;
      if (Number.isNaN(ms)) errors[`createdUtc.${name}`] = ['The value is not a valid date.'];
      return ms;
    };
    if (range !== undefined && range !== null && !isRecord(range))
      errors['createdUtc'] = ['The value is not valid.'];
    const from = bound('from');
    const to = bound('to');
    const page = pagingParam(req, 'page', Number.MAX_SAFE_INTEGER, errors);
    const limit = pagingParam(req, 'limit', KYC_FILTER_MAX_LIMIT, errors);
    if (Object.keys(errors).length > 0) return validationProblem(ctx.rng.trace, errors);
    // Half-open [from, to), so consecutive windows never count an identification twice.
    const items = ctx.store
      .all(now())
      .filter(
        (r) =>
          r.kyc &&
          (from === undefined || r.kyc.createdAt >= from) &&
          (to === undefined || r.kyc.createdAt < to),
      )
      .sort((a, b) => (a.kyc?.createdAt ?? 0) - (b.kyc?.createdAt ?? 0) || a.id.localeCompare(b.id))
      .map((r) => kycJson(r, ctx.applicationId));
    // Paging is a guess (docs/ondato-api.md): without `limit` everything comes back, as before.
    const shown = limit === undefined ? items : items.slice(((page ?? 1) - 1) * limit, (page ?? 1) * limit);
    const wantsTotal = header(req, 'return-total-count')?.toLowerCase() === 'true';
    return json(200, shown, wantsTotal ? { 'x-total-count': String(items.length) } : {});
  };

  const file = (record: IdvRecord, req: SimRequest): Reply => {
    const available = availableFiles(record);
    const wanted = (req.params['fileId'] ?? '').toLowerCase();
    const found = available?.files.find((f) => f.fileId === wanted);
    if (!available || !found) return notFound();
    const bytes = ctx.images.get(specimenInput(record, available.data, found.specimenPart));
    return {
      kind: 'send',
      status: 200,
      headers: {
        'content-type': found.format === 'png' ? 'image/png' : 'image/jpeg',
        'content-disposition': `inline; filename="${found.fileName}"`,
      },
      body: bytes,
    };
  };

  const route = (name: string, method: string, path: string, handler: RouteDef['handler']): RouteDef => ({
    name,
    method,
    path,
    kind: 'api',
    handler,
  });
  return [
    route('token', 'POST', '/connect/token', (req) =>
      handleTokenRequest(
        {
          contentType: header(req, 'content-type'),
          authorization: header(req, 'authorization'),
          body: req.body,
        },
        ctx.clients,
        ctx.tokens,
        now(),
        ctx.rng.tokens,
      ),
    ),
    route('idv.create', 'POST', '/v1/identity-verifications', guarded('idv', true, createIdv)),
    route(
      'idv.get',
      'GET',
      '/v1/identity-verifications/:id',
      guarded(
        'idv',
        false,
        withIdv((r) => json(200, idvJson(r, ctx.applicationId))),
      ),
    ),
    route(
      'idv.setup',
      'GET',
      '/v1/identity-verifications/:id/setup',
      guarded(
        'idv',
        false,
        withIdv((r) => json(200, setupJson(setupOf(r), ctx.baseUrl, ctx.applicationId))),
      ),
    ),
    route(
      'idv.redact',
      'PUT',
      '/v1/identity-verifications/:id/redact',
      guarded('idv', true, withIdv(redact)),
    ),
    route(
      'idv.webhooks',
      'GET',
      '/v1/identity-verifications/:id/webhooks',
      guarded(
        'idv',
        false,
        withIdv((r) => json(200, ctx.webhooks.recordsOf(r.id))),
      ),
    ),
    route('setups', 'POST', '/v1/identity-verification-setups/filter', guarded('idv', false, filterSetups)),
    route('kyc.filter', 'POST', '/v1/identifications/filter', guarded('kyc', false, filterKyc)),
    route(
      'kyc.get',
      'GET',
      '/v1/identifications/:id',
      guarded(
        'kyc',
        false,
        withKyc((r) => json(200, kycJson(r, ctx.applicationId))),
      ),
    ),
    route('kyc.file', 'GET', '/v1/identifications/:id/files/:fileId', guarded('kyc', false, withKyc(file))),
    route(
      'kyc.setup',
      'GET',
      '/v1/identifications/:id/setup',
      guarded(
        'kyc',
        false,
        withKyc((r) => json(200, kycSetupJson(setupOf(r)))),
      ),
    ),
  ];
}
