import type { ActionError } from '../../store/action-result';

export interface ConnectionProblem {
  /** Main's error code, e.g. `not_found` (the KYC host hint uses it). */
  code: string;
  /** What went wrong and what to do, in the officer's terms. */
  message: string;
  /** Main's own message, when it adds something (e.g. the HTTP status or a wait time). */
  detail: string | null;
  fields: Record<string, string>;
}

const MESSAGES: Record<string, string> = {
  auth_failed:
    'Ondato did not accept this client ID and secret. Check both; the secret is case-sensitive, and sandbox and production have different credentials.',
  forbidden:
    'The credentials are valid, but this API client is not allowed to do this. Ask Ondato to grant the identity verification scopes to this client.',
  network: 'Could not reach Ondato. Check the internet connection, proxy or firewall, then test again.',
  timeout: 'Ondato did not answer in time. Try again in a moment.',
  rate_limited: 'Ondato is limiting requests right now. Wait a moment, then test again.',
  server: 'Ondato had a problem on its side. Try again later.',
  bad_response: 'Ondato sent an answer KYC Desk does not understand. Check that the environment is right.',
  not_found: 'Ondato could not find what was asked for. Check the environment and the setup.',
  validation: 'Check the highlighted fields.',
  invalid_input: 'Check the highlighted fields.',
  not_confirmed:
    'Nothing was changed: the change was not confirmed in KYC Desk’s own confirmation window. Save again and confirm there if you made this change.',
  secret_host_mismatch:
    'The stored client secret was entered for another Ondato sign-in address, so KYC Desk did not send it. Enter the secret again.',
};

/** A connection test or save that failed, as the workspace form shows it. */
export function connectionProblem(error: ActionError): ConnectionProblem {
  const fields: Record<string, string> = {};
  for (const [key, messages] of Object.entries(error.fields)) {
    if (messages[0]) fields[key] ??= messages[0];
  }
  const message = MESSAGES[error.code] ?? error.message;
  return { code: error.code, message, detail: message === error.message ? null : error.message, fields };
}
