import type { ActionError } from '../../store/action-result';

export interface ConnectionProblem {
  /** Main's error code, e.g. `not_found` (the KYC host hint uses it). */
  code: string;
  /** What went wrong and what to do, in the officer's terms. */
  message: string;
  /**
   * Facts main's message adds to ours (Ondato's HTTP status, how long to wait), never main's whole
   * sentence: ours already says the same, and saying it twice reads like two problems.
   */
  detail: string | null;
  /** Messages per field the form highlights. */
  fields: Record<string, string>;
  /** Messages about inputs the form has no field for: listed with the problem, or they would be lost. */
  others: string[];
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
  not_confirmed:
    'Nothing was changed: the change was not confirmed in KYC Desk’s own confirmation window. Save again and confirm there if you made this change.',
  secret_host_mismatch:
    'The stored client secret was entered for another Ondato sign-in address, so KYC Desk did not send it. Enter the secret again.',
};

/** What main's message says that ours does not: the HTTP status and a wait time, if any. */
function factsOf(message: string): string | null {
  const facts: string[] = [];
  const status = /\(HTTP (\d{3})\)/.exec(message);
  if (status) facts.push(`Ondato answered HTTP ${status[1]}.`);
  const wait = /Try again in (\d+ (?:seconds?|minutes?))/.exec(message);
  if (wait) facts.push(`Try again in ${wait[1]}.`);
  return facts.length > 0 ? facts.join(' ') : null;
}

const FIELD_CODES = new Set(['validation', 'invalid_input']);

/**
 * A connection test or save that failed, as the workspace forms show it. `shown` lists the field keys
 * the form can highlight (all of them when omitted); messages for any other key go to `others`.
 */
export function connectionProblem(error: ActionError, shown?: readonly string[]): ConnectionProblem {
  const fields: Record<string, string> = {};
  const others: string[] = [];
  for (const [key, messages] of Object.entries(error.fields)) {
    const first = messages[0];
    if (!first) continue;
    if (!shown || shown.includes(key)) fields[key] ??= first;
    else if (!others.includes(first)) others.push(first);
  }
  const base = { code: error.code, fields, others };
  if (FIELD_CODES.has(error.code)) {
    if (Object.keys(fields).length > 0)
      return { ...base, message: 'Check the highlighted fields.', detail: null };
    // Nothing to highlight: the messages themselves are the problem, not a pointer to fields.
    if (others.length === 1) return { ...base, message: others[0]!, others: [], detail: null };
    if (others.length > 1)
      return { ...base, message: 'KYC Desk could not accept these values:', detail: null };
    return { ...base, message: error.message, detail: null };
  }
  const mapped = MESSAGES[error.code];
  if (mapped === undefined) return { ...base, message: error.message, detail: null };
  return { ...base, message: mapped, detail: factsOf(error.message) };
}
