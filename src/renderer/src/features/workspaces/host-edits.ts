import type { WorkspaceView } from '../../../../shared/domain/views';

/** The Ondato API addresses an officer may override; the customer address is its own field. */
export interface HostValues {
  authUrl: string;
  idvApiUrl: string;
  kycApiUrl: string;
}

export const NO_HOSTS: HostValues = { authUrl: '', idvApiUrl: '', kycApiUrl: '' };

export function hostsOf(ws: WorkspaceView): HostValues {
  return {
    authUrl: ws.overrides?.authUrl ?? '',
    idvApiUrl: ws.overrides?.idvApiUrl ?? '',
    kycApiUrl: ws.overrides?.kycApiUrl ?? '',
  };
}

/** Any Ondato address differs from what is stored (trimmed; empty means Ondato's standard address). */
export function hostsChanged(
  before: HostValues & { customerBaseUrl: string },
  after: HostValues & { customerBaseUrl: string },
): boolean {
  return (['authUrl', 'idvApiUrl', 'kycApiUrl', 'customerBaseUrl'] as const).some(
    (key) => before[key].trim() !== after[key].trim(),
  );
}

/** The overrides to send: only filled-in ones; undefined when none (Ondato's standard addresses). */
export function overridesOf(values: HostValues): Partial<HostValues> | undefined {
  const out: Partial<HostValues> = {};
  for (const key of ['authUrl', 'idvApiUrl', 'kycApiUrl'] as const) {
    const value = values[key].trim();
    if (value !== '') out[key] = value;
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

/**
 * A KYC host that is wrong shows up as "not found" (HTTP 404) or an unresolvable host (network); the
 * sandbox KYC host in particular is not confirmed by Ondato's documentation.
 */
export function pointsAtKycHost(code: string | null | undefined): boolean {
  return code === 'not_found' || code === 'network';
}
