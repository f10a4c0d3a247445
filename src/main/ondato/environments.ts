import { OndatoError } from './errors';

/** The four roles an Ondato workspace talks to. Bases carry no trailing slash. */
export interface OndatoEndpoints {
  /** OAuth2 server; the token endpoint is `{authUrl}/connect/token`. */
  authUrl: string;
  /** IDV API (`/v1/identity-verifications...`). */
  idvApiUrl: string;
  /** KYC Identifications API (`/v1/identifications...`). */
  kycApiUrl: string;
  /** Customer web flow; the customer link is `{customerWebUrl}/?id={idvId}`. */
  customerWebUrl: string;
}

export type EndpointRole = keyof OndatoEndpoints;
export const ENDPOINT_ROLES = ['authUrl', 'idvApiUrl', 'kycApiUrl', 'customerWebUrl'] as const;

export const ONDATO_ENVIRONMENTS = ['production', 'sandbox', 'simulator'] as const;
export type OndatoEnvironment = (typeof ONDATO_ENVIRONMENTS)[number];

/** Hosts from docs/ondato-api.md. The sandbox KYC host is a guess: every role can be overridden. */
export const KNOWN_ENDPOINTS = {
  production: {
    authUrl: 'https://id.ondato.com',
    idvApiUrl: 'https://idvapi.ondato.com',
    kycApiUrl: 'https://kycid.ondato.com',
    customerWebUrl: 'https://idv.ondato.com',
  },
  sandbox: {
    authUrl: 'https://sandbox-id.ondato.com',
    idvApiUrl: 'https://sandbox-idvapi.ondato.com',
    kycApiUrl: 'https://sandbox-kycid.ondato.com',
    customerWebUrl: 'https://sandbox-idv.ondato.com',
  },
} as const satisfies Record<Exclude<OndatoEnvironment, 'simulator'>, OndatoEndpoints>;

export interface EndpointOverrides extends Partial<OndatoEndpoints> {
  /**
   * One base URL for all four roles. Required for `simulator` (the simulator serves every role on one
   * loopback port); for production/sandbox it is allowed too (e.g. a local recording proxy).
   * Individual roles still win over it.
   */
  baseUrl?: string;
}

const LOOPBACK_HOSTS: ReadonlySet<string> = new Set(['127.0.0.1', 'localhost', '[::1]']);

export function isLoopbackHost(hostname: string): boolean {
  return LOOPBACK_HOSTS.has(hostname.toLowerCase());
}

export interface BaseUrlRules {
  /** Only loopback hosts (the simulator). */
  loopbackOnly?: boolean;
  /** A path other than `/` is refused (the customer web base is an origin). */
  originOnly?: boolean;
}

/**
 * Validates and normalises one base URL. Returns the normalised URL (no trailing slash) or the list of
 * problems. https is required; plain http only for 127.0.0.1, localhost and [::1]. No credentials, no
 * query, no fragment.
 */
export function checkBaseUrl(
  raw: string,
  rules: BaseUrlRules = {},
): { ok: true; url: string } | { ok: false; problems: string[] } {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return { ok: false, problems: ['Enter a full URL, e.g. https://example.com.'] };
  }
  const problems: string[] = [];
  const loopback = isLoopbackHost(url.hostname);
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    problems.push('Use an https:// URL.');
  } else if (url.protocol === 'http:' && !loopback) {
    problems.push('Use https://; plain http is allowed only for 127.0.0.1, localhost and [::1].');
  }
  if (rules.loopbackOnly && !loopback) problems.push('The simulator runs on 127.0.0.1, localhost or [::1].');
  if (url.username !== '' || url.password !== '')
    problems.push('The URL must not contain a user name or password.');
  if (url.search !== '' || raw.includes('?')) problems.push('The URL must not contain a query (?…).');
  if (url.hash !== '' || raw.includes('#')) problems.push('The URL must not contain a fragment (#…).');
  const path = url.pathname.replace(/\/+$/, '');
  if (rules.originOnly && path !== '') problems.push('Use only the address of the site, without a path.');
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, url: `${url.protocol}//${url.host}${path}` };
}

/**
 * The endpoints of an environment with optional per-role overrides, validated. Throws an OndatoError
 * `validation` whose fields are keyed by role (`authUrl`, ...; `baseUrl` for the shared base).
 */
export function resolveEndpoints(env: OndatoEnvironment, overrides: EndpointOverrides = {}): OndatoEndpoints {
  const fields: Record<string, string[]> = {};
  const simulator = env === 'simulator';
  const check = (key: string, raw: string, originOnly: boolean): string => {
    const result = checkBaseUrl(raw, { loopbackOnly: simulator, originOnly });
    if (result.ok) return result.url;
    fields[key] = result.problems;
    return raw;
  };

  let defaults: OndatoEndpoints;
  if (simulator) {
    const base = overrides.baseUrl;
    if (base === undefined || base.trim() === '') {
      fields.baseUrl = ['Enter the address the simulator is running on, e.g. http://127.0.0.1:4010.'];
      throw endpointsError(fields);
    }
    const shared = check('baseUrl', base, false);
    defaults = { authUrl: shared, idvApiUrl: shared, kycApiUrl: shared, customerWebUrl: shared };
  } else if (ONDATO_ENVIRONMENTS.includes(env)) {
    if (overrides.baseUrl !== undefined && overrides.baseUrl.trim() !== '') {
      const shared = check('baseUrl', overrides.baseUrl, false);
      defaults = { authUrl: shared, idvApiUrl: shared, kycApiUrl: shared, customerWebUrl: shared };
    } else {
      defaults = { ...KNOWN_ENDPOINTS[env] };
    }
  } else {
    throw endpointsError({ environment: ['Choose production, sandbox or simulator.'] });
  }

  const resolved = { ...defaults };
  for (const role of ENDPOINT_ROLES) {
    const raw = overrides[role];
    if (raw === undefined || raw.trim() === '') continue;
    resolved[role] = check(role, raw, role === 'customerWebUrl');
  }
  // A shared base with a path is fine for the APIs but the customer link needs a bare origin.
  if (fields.customerWebUrl === undefined && fields.baseUrl === undefined) {
    const customer = checkBaseUrl(resolved.customerWebUrl, { loopbackOnly: simulator, originOnly: true });
    if (!customer.ok) fields.customerWebUrl = customer.problems;
  }
  if (Object.keys(fields).length > 0) throw endpointsError(fields);
  return resolved;
}

function endpointsError(fields: Record<string, string[]>): OndatoError {
  return new OndatoError('validation', {
    operation: 'check the Ondato addresses',
    fields,
    message: 'Some Ondato addresses are not valid. Check the highlighted fields.',
  });
}

/** Joins a normalised base and an absolute path (`/v1/...`). */
export function joinUrl(base: string, path: string): string {
  return `${base.replace(/\/+$/, '')}${path.startsWith('/') ? path : `/${path}`}`;
}
