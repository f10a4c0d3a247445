import { z } from 'zod';
import { fieldErrors } from '../../shared/domain/fields';
import { createTokenProvider, type TokenProvider } from './auth';
import { readJson, type Logger, type ReadContext } from './body';
import { capKycFiles } from './bounds';
import { customerUrl } from './customer-url';
import { joinUrl, type OndatoEndpoints } from './environments';
import { OndatoError } from './errors';
import { DEFAULT_MAX_FILE_BYTES, readKycFile, type KycFileContent } from './files';
import { createHttpContext, request, type Clock, type FetchLike, type HttpContext, type Sleep } from './http';
import type { RetryMode, RetryPolicy } from './retry';
import {
  createIdvRequestSchema,
  createIdvResponseSchema,
  idvSchema,
  idvSetupListSchema,
  idvSetupSchema,
  kycFilterResponseSchema,
  kycIdentificationSchema,
  kycSetupSchema,
  REDACT_SCOPES,
  type CreateIdvRequest,
  type CreateIdvResponse,
  type Idv,
  type IdvSetup,
  type KycIdentification,
  type KycSetup,
  type RedactScope,
} from '../../shared/wire/schemas';
import { pathId } from './paths';

export interface OndatoClientOptions {
  endpoints: OndatoEndpoints;
  credentials: { clientId: string; clientSecret: string };
  /** Space-separated OAuth scopes; omitted = all scopes of the client. */
  scope?: string;
  fetch?: FetchLike;
  /** Per attempt; default 15 s. */
  timeoutMs?: number;
  retry?: Partial<RetryPolicy>;
  logger?: Logger;
  clock?: Clock;
  sleep?: Sleep;
  random?: () => number;
}

export interface KycFilterRange {
  /** ISO 8601 timestamps; either may be omitted. */
  from?: string;
  to?: string;
  /**
   * Paging is not documented (docs/ondato-api.md): when given, sent as `?page=N&limit=M` (1-based
   * page), the shape of the setups filter's `limit` query parameter. A server that ignores it answers
   * with everything, which the caller's bounds then cut.
   */
  page?: number;
  limit?: number;
}

export interface KycFilterResult {
  items: KycIdentification[];
  totalCount?: number;
}

export interface ConnectionCheck {
  /** Granted scopes from the token response, or null when Ondato did not list them. */
  scopes: string[] | null;
  setups: IdvSetup[];
}

export interface OndatoClient {
  readonly endpoints: OndatoEndpoints;
  listSetups(): Promise<IdvSetup[]>;
  createIdv(request: CreateIdvRequest): Promise<CreateIdvResponse>;
  getIdv(id: string): Promise<Idv>;
  /** The setup version pinned to this IDV. */
  getIdvSetup(idvId: string): Promise<IdvSetup>;
  redactIdv(id: string, scopes: readonly RedactScope[]): Promise<void>;
  getKyc(id: string): Promise<KycIdentification>;
  getKycFile(kycId: string, fileId: string, options?: { maxBytes?: number }): Promise<KycFileContent>;
  getKycSetup(kycId: string): Promise<KycSetup>;
  filterKyc(range: KycFilterRange): Promise<KycFilterResult>;
  /** Obtains a token and lists the setups: proves the URLs, the credentials and the scopes. */
  testConnection(): Promise<ConnectionCheck>;
  /** The customer link of an IDV on this client's customer web base. */
  customerUrl(idvId: string): string;
}

const enabledFirst = (setups: IdvSetup[]): IdvSetup[] => [
  ...setups.filter((s) => s.isDisabled !== true),
  ...setups.filter((s) => s.isDisabled === true),
];

const json = (body: unknown): { headers: Record<string, string>; body: string } => ({
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(body),
});

const noContent = async (response: Response): Promise<void> => {
  await response.body?.cancel().catch(() => undefined);
};

const redactScopesSchema = z.array(z.enum(REDACT_SCOPES)).min(1);

export function createOndatoClient(options: OndatoClientOptions): OndatoClient {
  const { endpoints } = options;
  const http: HttpContext = createHttpContext(options);
  const tokens: TokenProvider = createTokenProvider({
    authUrl: endpoints.authUrl,
    clientId: options.credentials.clientId,
    clientSecret: options.credentials.clientSecret,
    ...(options.scope === undefined ? {} : { scope: options.scope }),
    http,
  });

  function call<T>(spec: {
    operation: string;
    method: 'GET' | 'POST' | 'PUT';
    base: string;
    path: string;
    template: string;
    retry: RetryMode;
    body?: unknown;
    headers?: Record<string, string>;
    read: (response: Response, ctx: ReadContext) => Promise<T>;
  }): Promise<T> {
    const payload = spec.body === undefined ? undefined : json(spec.body);
    return request(http, {
      operation: spec.operation,
      method: spec.method,
      url: joinUrl(spec.base, spec.path),
      path: spec.template,
      headers: { ...payload?.headers, ...spec.headers },
      ...(payload ? { body: payload.body } : {}),
      retry: spec.retry,
      auth: tokens,
      read: spec.read,
    });
  }

  const get = <S extends z.ZodType>(
    operation: string,
    base: string,
    path: string,
    template: string,
    schema: S,
  ) =>
    call({
      operation,
      method: 'GET',
      base,
      path,
      template,
      retry: 'idempotent',
      read: (response, ctx) => readJson(response, schema, ctx),
    });

  async function listSetups(): Promise<IdvSetup[]> {
    const path = '/v1/identity-verification-setups/filter?limit=100&orderBy=Name&orderDirection=Asc';
    return call({
      operation: 'list setups',
      method: 'POST',
      base: endpoints.idvApiUrl,
      path,
      template: '/v1/identity-verification-setups/filter',
      retry: 'idempotent', // a read-only listing
      // The filter leaves disabled setups out unless asked; KYC Desk asks so that a workspace whose
      // setup was disabled can say so. Enabled ones come first (by name), disabled ones after them,
      // whatever order Ondato used: the first setup of the list is always one a case can be created with.
      body: { includeDisabled: true },
      read: async (response, ctx) => enabledFirst(await readJson(response, idvSetupListSchema, ctx)),
    });
  }

  return {
    endpoints,
    listSetups,

    async createIdv(input) {
      const operation = 'create IDV';
      const parsed = createIdvRequestSchema.safeParse(input);
      if (!parsed.success) {
        throw new OndatoError('validation', { operation, fields: fieldErrors(parsed.error) });
      }
      return call({
        operation,
        method: 'POST',
        base: endpoints.idvApiUrl,
        path: '/v1/identity-verifications',
        template: '/v1/identity-verifications',
        retry: 'unsent-only', // a repeat could create a second IDV: see retry.ts
        body: parsed.data,
        read: (response, ctx) => readJson(response, createIdvResponseSchema, ctx),
      });
    },

    async getIdv(id) {
      const op = 'get IDV';
      const path = `/v1/identity-verifications/${pathId(id, 'id', op)}`;
      return get(op, endpoints.idvApiUrl, path, '/v1/identity-verifications/{id}', idvSchema);
    },

    async getIdvSetup(idvId) {
      const op = 'get IDV setup';
      const path = `/v1/identity-verifications/${pathId(idvId, 'id', op)}/setup`;
      return get(op, endpoints.idvApiUrl, path, '/v1/identity-verifications/{id}/setup', idvSetupSchema);
    },

    async redactIdv(id, scopes) {
      const operation = 'redact IDV';
      const path = `/v1/identity-verifications/${pathId(id, 'id', operation)}/redact`;
      const parsed = redactScopesSchema.safeParse(scopes);
      if (!parsed.success) {
        throw new OndatoError('validation', {
          operation,
          fields: { scopes: ['Choose PersonalData and/or BiometricData.'] },
        });
      }
      await call({
        operation,
        method: 'PUT',
        base: endpoints.idvApiUrl,
        path,
        template: '/v1/identity-verifications/{id}/redact',
        retry: 'idempotent', // redacting twice is the same as once
        body: { scopes: [...new Set(parsed.data)] },
        read: noContent,
      });
    },

    async getKyc(id) {
      const op = 'get KYC identification';
      const path = `/v1/identifications/${pathId(id, 'id', op)}`;
      const kyc = await get(
        op,
        endpoints.kycApiUrl,
        path,
        '/v1/identifications/{id}',
        kycIdentificationSchema,
      );
      return capKycFiles(kyc);
    },

    async getKycSetup(kycId) {
      const op = 'get KYC setup';
      const path = `/v1/identifications/${pathId(kycId, 'id', op)}/setup`;
      return get(op, endpoints.kycApiUrl, path, '/v1/identifications/{id}/setup', kycSetupSchema);
    },

    async getKycFile(kycId, fileId, fileOptions = {}) {
      const operation = 'download a KYC file';
      const path = `/v1/identifications/${pathId(kycId, 'kycId', operation)}/files/${pathId(fileId, 'fileId', operation)}`;
      const maxBytes = fileOptions.maxBytes ?? DEFAULT_MAX_FILE_BYTES;
      return call({
        operation,
        method: 'GET',
        base: endpoints.kycApiUrl,
        path,
        template: '/v1/identifications/{id}/files/{fileId}',
        retry: 'idempotent',
        headers: { accept: '*/*' },
        read: (response, ctx) => readKycFile(response, ctx, maxBytes),
      });
    },

    async filterKyc(range) {
      const operation = 'list KYC identifications';
      const createdUtc: { from?: string; to?: string } = {};
      if (range.from !== undefined) createdUtc.from = range.from;
      if (range.to !== undefined) createdUtc.to = range.to;
      const query = new URLSearchParams();
      for (const [name, value] of [
        ['page', range.page],
        ['limit', range.limit],
      ] as const) {
        if (value === undefined) continue;
        if (!Number.isInteger(value) || value < 1 || value > 100_000) {
          throw new OndatoError('validation', {
            operation,
            fields: { [name]: ['Use a whole number from 1.'] },
          });
        }
        query.set(name, String(value));
      }
      const search = query.size > 0 ? `?${query.toString()}` : '';
      return call({
        operation,
        method: 'POST',
        base: endpoints.kycApiUrl,
        path: `/v1/identifications/filter${search}`,
        template: '/v1/identifications/filter',
        retry: 'idempotent', // a read-only listing
        headers: { 'return-total-count': 'true' },
        body: { createdUtc },
        read: async (response, ctx) => {
          const parsed = await readJson(response, kycFilterResponseSchema, ctx);
          const header = response.headers.get('x-total-count');
          const fromHeader = header !== null && /^\d+$/.test(header.trim()) ? Number(header) : undefined;
          if (Array.isArray(parsed)) {
            return {
              items: parsed.map(capKycFiles),
              ...(fromHeader === undefined ? {} : { totalCount: fromHeader }),
            };
          }
          const totalCount = fromHeader ?? parsed.totalCount ?? undefined;
          return {
            items: parsed.items.map(capKycFiles),
            ...(totalCount === undefined ? {} : { totalCount }),
          };
        },
      });
    },

    async testConnection() {
      const token = await tokens.getToken();
      const setups = await listSetups();
      return { scopes: token.scopes, setups };
    },

    customerUrl(idvId) {
      return customerUrl(idvId, endpoints.customerWebUrl);
    },
  };
}
