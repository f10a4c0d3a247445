import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/*
 * OAuth2 client-credentials for Ondato's deliveries: Ondato first asks the relay's token URL for a token
 * with the subscription's client id and secret, then sends it as a Bearer token. Tokens are stateless
 * (expiry and a random id, MACed with a key derived from the client secret), so every relay behind a
 * load balancer accepts a token any of them issued, with no token table to share.
 */
export const TOKEN_TTL_S = 3600;

export function safeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a, 'utf8');
  const right = Buffer.from(b, 'utf8');
  // Compare equal-length digests so the length of the secret does not leak through timing either.
  const l = createHmac('sha256', 'kyc-desk-compare').update(left).digest();
  const r = createHmac('sha256', 'kyc-desk-compare').update(right).digest();
  return timingSafeEqual(l, r) && left.length === right.length;
}

function tokenKey(clientSecret: string): Buffer {
  return createHmac('sha256', clientSecret).update('kyc-desk relay token key v1').digest();
}

export function issueToken(clientSecret: string, nowMs: number): { token: string; expiresIn: number } {
  const expires = Math.floor(nowMs / 1000) + TOKEN_TTL_S;
  const body = `v1.${expires}.${randomBytes(16).toString('base64url')}`;
  const mac = createHmac('sha256', tokenKey(clientSecret)).update(body).digest('base64url');
  return { token: `${body}.${mac}`, expiresIn: TOKEN_TTL_S };
}

export function verifyToken(clientSecret: string, token: string, nowMs: number): boolean {
  const parts = token.split('.');
  if (parts.length !== 4 || parts[0] !== 'v1') return false;
  const body = parts.slice(0, 3).join('.');
  const expected = createHmac('sha256', tokenKey(clientSecret)).update(body).digest('base64url');
  if (!safeEqual(expected, parts[3] ?? '')) return false;
  const expires = Number(parts[1]);
  return Number.isInteger(expires) && expires * 1000 > nowMs;
}
