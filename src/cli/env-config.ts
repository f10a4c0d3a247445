import { AppError } from '../main/errors';
import {
  ONDATO_ENVIRONMENTS,
  resolveEndpoints,
  type EndpointOverrides,
  type OndatoEndpoints,
  type OndatoEnvironment,
} from '../main/ondato';

export interface EnvConfig {
  environment: OndatoEnvironment;
  endpoints: OndatoEndpoints;
  credentials: { clientId: string; clientSecret: string };
  setupId: string | null;
}

function isEnvironment(value: string): value is OndatoEnvironment {
  return (ONDATO_ENVIRONMENTS as readonly string[]).includes(value);
}

/**
 * The implicit workspace of scripts and cron jobs: everything from ONDATO_* variables. The secret is
 * read from the environment for this process only; it is never printed or written anywhere.
 */
export function readEnvConfig(env: Record<string, string | undefined>): EnvConfig {
  const value = (name: string): string | undefined => {
    const raw = env[name]?.trim();
    return raw === undefined || raw === '' ? undefined : raw;
  };
  const environment = value('ONDATO_ENV');
  if (environment === undefined) {
    throw new AppError('config', 'Set ONDATO_ENV to production, sandbox or simulator.');
  }
  if (!isEnvironment(environment)) {
    throw new AppError(
      'config',
      `ONDATO_ENV must be production, sandbox or simulator, not "${environment}".`,
    );
  }
  const clientId = value('ONDATO_CLIENT_ID');
  const clientSecret = env.ONDATO_CLIENT_SECRET;
  if (clientId === undefined || clientSecret === undefined || clientSecret === '') {
    throw new AppError(
      'config',
      'Set ONDATO_CLIENT_ID and ONDATO_CLIENT_SECRET to the Ondato client credentials.',
    );
  }
  const overrides: EndpointOverrides = {};
  const map = {
    baseUrl: 'ONDATO_SIMULATOR_URL',
    authUrl: 'ONDATO_AUTH_URL',
    idvApiUrl: 'ONDATO_IDV_API_URL',
    kycApiUrl: 'ONDATO_KYC_API_URL',
    customerWebUrl: 'ONDATO_IDV_WEB_URL',
  } as const satisfies Record<keyof EndpointOverrides, string>;
  for (const [key, name] of Object.entries(map) as [keyof EndpointOverrides, string][]) {
    const url = value(name);
    if (url !== undefined) overrides[key] = url;
  }
  if (environment === 'simulator' && overrides.baseUrl === undefined) {
    const all = [overrides.authUrl, overrides.idvApiUrl, overrides.kycApiUrl, overrides.customerWebUrl];
    if (all.every((url) => url !== undefined)) overrides.baseUrl = overrides.authUrl;
    else
      throw new AppError(
        'config',
        'Set ONDATO_SIMULATOR_URL to the simulator address, e.g. http://127.0.0.1:4010.',
      );
  }
  try {
    return {
      environment,
      endpoints: resolveEndpoints(environment, overrides),
      credentials: { clientId, clientSecret },
      setupId: value('ONDATO_SETUP_ID') ?? null,
    };
  } catch (error) {
    if (error instanceof AppError && error.fields) {
      const names: Record<string, string> = { ...map };
      const problems = Object.entries(error.fields).map(
        ([key, messages]) => `${names[key] ?? key}: ${messages.join(' ')}`,
      );
      throw new AppError('config', problems.join('; '));
    }
    throw error;
  }
}
