import type { OndatoEndpoints } from '../ondato';
import type { Workspace } from '../../shared/domain/workspace';
import type { ConfirmRequest } from './confirm';
import { prefixFields, validateEndpoints } from './workspace-helpers';

/** The four Ondato base URLs a workspace talks to, as the audit trail and the dialogs name them. */
export type Hosts = Pick<OndatoEndpoints, 'authUrl' | 'idvApiUrl' | 'kycApiUrl' | 'customerWebUrl'>;

const ROLES = [
  ['authUrl', 'Sign-in (auth)'],
  ['idvApiUrl', 'IDV API'],
  ['kycApiUrl', 'KYC API'],
  ['customerWebUrl', 'Customer links'],
] as const;

/** The hosts a stored workspace uses; null for the demo and env workspaces, whose hosts are not editable. */
export function storedHosts(ws: Workspace): Hosts | null {
  if (ws.environment !== 'production' && ws.environment !== 'sandbox') return null;
  try {
    return validateEndpoints(ws.environment, ws.overrides ?? undefined, ws.customerBaseUrl ?? undefined);
  } catch {
    // Stored URLs that no longer validate: any edit of them counts as a host change.
    return null;
  }
}

export function hostsDiffer(a: Hosts | null, b: Hosts): boolean {
  return a === null || ROLES.some(([key]) => a[key] !== b[key]);
}

/** Hosts for the audit trail: origins only, no secret, no path. */
export function auditHosts(hosts: Hosts): Record<string, string> {
  return {
    authHost: new URL(hosts.authUrl).host,
    idvApiHost: new URL(hosts.idvApiUrl).host,
    kycApiHost: new URL(hosts.kycApiUrl).host,
    customerHost: new URL(hosts.customerWebUrl).host,
  };
}

function hostLines(hosts: Hosts): string {
  return ROLES.map(([key, label]) => `${label}: ${new URL(hosts[key]).origin}`).join('\n');
}

export function secretRequired(): Error {
  return prefixFields({
    clientSecret: [
      'Enter the client secret again: the Ondato addresses changed, and a stored secret is only ever sent to the address it was entered for.',
    ],
  });
}

export function hostChangeRequest(name: string, hosts: Hosts): ConfirmRequest {
  return {
    kind: 'workspace-hosts',
    title: `Change the Ondato addresses of “${name}”?`,
    message:
      'KYC Desk will send the client secret, new cases and customer data to these addresses, and open customer links there. Only agree if you made this change yourself.',
    detail: hostLines(hosts),
    confirmLabel: 'Change addresses',
  };
}

export function addWithHostsRequest(name: string, hosts: Hosts): ConfirmRequest {
  return {
    kind: 'workspace-add-hosts',
    title: `Add “${name}” with its own Ondato addresses?`,
    message:
      'This workspace does not use Ondato’s standard addresses. KYC Desk will send its client secret, new cases and customer data to these addresses. Only agree if you entered them yourself.',
    detail: hostLines(hosts),
    confirmLabel: 'Add workspace',
  };
}

export function removeRequest(ws: Workspace): ConfirmRequest {
  return {
    kind: 'workspace-remove',
    title: `Remove “${ws.name}”?`,
    message:
      'Its keychain entries and every cached case, decision and audit row of this workspace are deleted from this computer. Cases stay at Ondato.',
    detail: `Workspace: ${ws.name} (${ws.environment})`,
    confirmLabel: 'Remove workspace',
  };
}
