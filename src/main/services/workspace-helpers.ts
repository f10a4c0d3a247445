import { buildClient } from './workspace-client';
import type { AppError } from '../errors';
import { isAppError } from '../errors';
import {
  resolveEndpoints,
  type EndpointOverrides,
  type IdvSetup,
  type OndatoClient,
  type OndatoEndpoints,
} from '../ondato';
import type { SetupOption } from '../../shared/domain/views';
import type { ServiceContext } from './context';
import { invalidInput } from './errors';

type OverridesInput = Partial<
  Record<'authUrl' | 'idvApiUrl' | 'kycApiUrl' | 'customerWebUrl', string | undefined>
>;

/** Only the overrides the officer filled in; null when none. */
export function cleanOverrides(overrides: OverridesInput | undefined): Record<string, string> | null {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(overrides ?? {})) {
    if (typeof value === 'string' && value.trim() !== '') out[key] = value.trim();
  }
  return Object.keys(out).length > 0 ? out : null;
}

/** The form's field names: role overrides live under `overrides.`, the white-label host is its own field. */
export function prefixFields(fields: Record<string, string[]>): AppError {
  const out: Record<string, string[]> = {};
  for (const [key, messages] of Object.entries(fields)) {
    const name =
      key === 'customerWebUrl' ? 'customerBaseUrl' : key === 'clientSecret' ? key : `overrides.${key}`;
    out[name] = messages;
  }
  return invalidInput(out);
}

/** Resolves the endpoints a workspace would use, or refuses with field messages before anything is stored. */
export function validateEndpoints(
  environment: 'production' | 'sandbox',
  overrides: OverridesInput | Record<string, string> | undefined,
  customerBaseUrl: string | undefined,
): OndatoEndpoints {
  const resolved: EndpointOverrides = { ...cleanOverrides(overrides) };
  if (customerBaseUrl) resolved.customerWebUrl = customerBaseUrl;
  try {
    return resolveEndpoints(environment, resolved);
  } catch (error) {
    if (isAppError(error) && error.fields) throw prefixFields(error.fields);
    throw error;
  }
}

export function draftClient(
  ctx: ServiceContext,
  endpoints: OndatoEndpoints,
  clientId: string,
  clientSecret: string,
): OndatoClient {
  return buildClient(endpoints, { clientId, clientSecret }, ctx.logger, ctx.tuning);
}

export function setupOptions(setups: readonly IdvSetup[]): SetupOption[] {
  return setups.map((s) => ({ id: s.id, name: s.name ?? s.id, disabled: s.isDisabled === true }));
}
