import { checkBaseUrl } from './environments';
import { OndatoError } from './errors';

/**
 * The customer's link into Ondato's web flow: `{base}/?id={idvId}`. `base` is Ondato's host
 * (`https://idv.ondato.com`) or a client's white-labelled domain. Rules for the base: https only
 * (plain http only on a loopback host, for the simulator), no user name/password, no query, no
 * fragment, no path — an origin, nothing else. The id is percent-encoded, so it cannot add query
 * parameters or change the path.
 */
export function customerUrl(idvId: string, base: string): string {
  if (typeof idvId !== 'string' || idvId.trim() === '' || idvId.length > 200) {
    throw new OndatoError('validation', {
      operation: 'build the customer link',
      fields: { idvId: ['The verification id is missing or too long.'] },
      message: 'The customer link cannot be built: the verification id is not valid.',
    });
  }
  return `${customerOrigin(base)}/?id=${encodeURIComponent(idvId)}`;
}

/** The validated origin (`https://host[:port]`) of a customer web base. */
export function customerOrigin(base: string): string {
  const result = checkBaseUrl(base, { originOnly: true });
  if (!result.ok) {
    throw new OndatoError('validation', {
      operation: 'build the customer link',
      fields: { customerWebUrl: result.problems },
      message: 'The customer link cannot be built: the customer web address is not valid.',
    });
  }
  return result.url;
}

/**
 * The host (`idv.ondato.com`, `verify.example.com:8443`, `127.0.0.1:4010`) of a customer web base,
 * lower-case, for the shell's openExternal allowlist. Compare it with `new URL(target).host`, and also
 * check the target's protocol against {@link customerOrigin}.
 */
export function customerHostOf(base: string): string {
  return new URL(customerOrigin(base)).host.toLowerCase();
}

/** True when `target` is a customer link on exactly this base's origin (for openExternal). */
export function isCustomerUrl(target: string, base: string): boolean {
  let url: URL;
  try {
    url = new URL(target);
  } catch {
    return false;
  }
  return (
    url.origin === new URL(customerOrigin(base)).origin &&
    url.username === '' &&
    url.password === '' &&
    url.pathname === '/' &&
    url.searchParams.has('id')
  );
}
