import type { WorkspaceEnvironment } from '../../../shared/domain/workspace';

const LABELS: Record<WorkspaceEnvironment, string> = {
  production: 'Production',
  sandbox: 'Sandbox',
  demo: 'Demo',
  env: 'Environment',
};

export function envLabel(environment: WorkspaceEnvironment): string {
  return LABELS[environment];
}

/** The environment in words (never colour alone); production is solid and loud on purpose. */
export function EnvBadge({ environment }: { environment: WorkspaceEnvironment }): React.JSX.Element {
  return (
    <span className="env-badge" data-env={environment}>
      {LABELS[environment]}
    </span>
  );
}
