import { AppError } from '../errors';

/*
 * Service error codes the UI and the CLI react to. Messages are shown to the officer as they are:
 * they name no secret, no customer data and no file path.
 */
export function invalidInput(
  fields: Record<string, string[]>,
  message = 'Check the highlighted fields.',
): AppError {
  return new AppError('invalid_input', message, { fields });
}

export function offlineError(): AppError {
  return new AppError(
    'offline',
    'KYC Desk cannot reach Ondato right now, so the case was not created. Check the connection and try again; cached cases stay available.',
  );
}

export function caseNotFound(): AppError {
  return new AppError('case_not_found', 'The case is not in this workspace.');
}

export function workspaceNotFound(): AppError {
  return new AppError('workspace_not_found', 'The workspace does not exist.');
}
