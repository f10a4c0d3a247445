import { firstFieldErrors } from '../../../../shared/domain/fields';
import type { WorkspaceView } from '../../../../shared/domain/views';
import { inputs, newWorkspaceSchema, workspaceDraftSchema } from '../../../../shared/ipc/contract';
import type { NewWorkspaceInput, WorkspaceDraft, WorkspaceUpdate } from '../../store/workspace-slice';
import { hostsChanged, hostsOf, NO_HOSTS, overridesOf, type HostValues } from './host-edits';

/** What the workspace form holds, in adding and in editing alike. */
export interface WorkspaceValues {
  environment: 'production' | 'sandbox';
  clientId: string;
  clientSecret: string;
  name: string;
  officerName: string;
  setupId: string;
  customerBaseUrl: string;
  hosts: HostValues;
}

export const BLANK: WorkspaceValues = {
  environment: 'production',
  clientId: '',
  clientSecret: '',
  name: '',
  officerName: '',
  setupId: '',
  customerBaseUrl: '',
  hosts: NO_HOSTS,
};

/** The form's starting values: blank to add one, the stored ones (never the secret) to edit one. */
export function valuesOf(workspace: WorkspaceView | undefined): WorkspaceValues {
  if (!workspace) return BLANK;
  return {
    ...BLANK,
    environment: workspace.environment === 'sandbox' ? 'sandbox' : 'production',
    clientId: workspace.clientId,
    name: workspace.name,
    officerName: workspace.officerName ?? '',
    setupId: workspace.setupId,
    customerBaseUrl: workspace.customerBaseUrl ?? '',
    hosts: hostsOf(workspace),
  };
}

/** The field keys each mode shows; a message for any other key is listed with the problem instead. */
export const ADD_FIELDS = [
  'environment',
  'clientId',
  'clientSecret',
  'name',
  'officerName',
  'setupId',
  'customerBaseUrl',
  'overrides',
  'overrides.authUrl',
  'overrides.idvApiUrl',
  'overrides.kycApiUrl',
] as const;
export const DEMO_EDIT_FIELDS = ['name', 'officerName'] as const;

export function draftOf(values: WorkspaceValues): WorkspaceDraft {
  const overrides = overridesOf(values.hosts);
  return {
    environment: values.environment,
    clientId: values.clientId,
    clientSecret: values.clientSecret,
    ...(overrides ? { overrides } : {}),
  };
}

export function addInputOf(values: WorkspaceValues): NewWorkspaceInput {
  const overrides = overridesOf(values.hosts);
  return {
    name: values.name,
    environment: values.environment,
    clientId: values.clientId,
    clientSecret: values.clientSecret,
    setupId: values.setupId,
    customerBaseUrl: values.customerBaseUrl.trim(),
    ...(overrides ? { overrides } : {}),
    ...(values.officerName.trim() ? { officerName: values.officerName } : {}),
  };
}

/** An Ondato address differs from the stored one: the secret must be entered again (main insists). */
export function movedHosts(values: WorkspaceValues, workspace: WorkspaceView): boolean {
  if (workspace.environment === 'demo') return false;
  return hostsChanged(
    { ...hostsOf(workspace), customerBaseUrl: workspace.customerBaseUrl ?? '' },
    { ...values.hosts, customerBaseUrl: values.customerBaseUrl },
  );
}

export function updateInputOf(values: WorkspaceValues, workspace: WorkspaceView): WorkspaceUpdate {
  const isDemo = workspace.environment === 'demo';
  const { authUrl, idvApiUrl, kycApiUrl } = values.hosts;
  return {
    id: workspace.id,
    name: values.name,
    officerName: values.officerName,
    ...(isDemo ? {} : { customerBaseUrl: values.customerBaseUrl.trim(), setupId: values.setupId }),
    ...(movedHosts(values, workspace)
      ? { overrides: { authUrl: authUrl.trim(), idvApiUrl: idvApiUrl.trim(), kycApiUrl: kycApiUrl.trim() } }
      : {}),
    ...(values.clientSecret ? { clientSecret: values.clientSecret } : {}),
  };
}

type Checked = { success: true } | { success: false; error: Parameters<typeof firstFieldErrors>[0] };

function issuesOf(result: Checked): Record<string, string> {
  return result.success ? {} : firstFieldErrors(result.error);
}

/** The contract's own checks, run before anything is sent: the same messages main would give. */
export const check = {
  draft: (input: WorkspaceDraft) => issuesOf(workspaceDraftSchema.safeParse(input)),
  add: (input: NewWorkspaceInput) => issuesOf(newWorkspaceSchema.safeParse(input)),
  update: (input: WorkspaceUpdate) => issuesOf(inputs['workspaces:update'].safeParse(input)),
};
