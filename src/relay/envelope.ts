/*
 * Ondato's webhook envelope, in either casing it has been documented with: camelCase
 * `{ id, applicationId, createdUtc, deliveredUtc, isDelivered, type, payload }` or the older PascalCase
 * `{ Id, ApplicationId, … Payload }`. `payload` is what a GET of the resource returns; the relay keeps
 * only what identifies the event and the resource (for IDV events the case is `payload.id`; for KYC
 * events `payload.identityVerificationId`).
 */
import { parseIsoUtc } from '../shared/domain/utc';

export const KNOWN_EVENT_TYPES = [
  'IdentityVerification.StatusChanged',
  'IdentityVerification.Consented',
  'KycIdentification.Created',
  'KycIdentification.Processed',
  'KycIdentification.Approved',
  'KycIdentification.Rejected',
  'KycIdentification.Updated',
  // Names seen in older versions of Ondato's pages.
  'Idv.StatusChanged',
  'Idv.Consented',
] as const;

export interface WebhookEvent {
  id: string;
  type: string;
  caseId: string;
  kycId: string | null;
  createdUtc: Date | null;
  resourceModified: Date | null;
}

export type EnvelopeResult = { ok: true; event: WebhookEvent } | { ok: false; problem: string };

const ID = /^[0-9A-Fa-f-]{1,64}$/;
const EVENT_ID = /^[A-Za-z0-9._:-]{1,100}$/;

function pick(object: Record<string, unknown>, name: string): unknown {
  if (name in object) return object[name];
  const pascal = name[0]?.toUpperCase() + name.slice(1);
  return object[pascal];
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function date(value: unknown): Date | null {
  const ms = parseIsoUtc(value);
  return ms === null ? null : new Date(ms);
}

export function parseEnvelope(body: unknown): EnvelopeResult {
  if (!isObject(body)) return { ok: false, problem: 'The body is not a JSON object.' };
  const id = pick(body, 'id');
  const type = pick(body, 'type');
  const payload = pick(body, 'payload');
  if (typeof id !== 'string' || !EVENT_ID.test(id))
    return { ok: false, problem: 'The envelope has no valid id.' };
  if (typeof type !== 'string' || type.length === 0 || type.length > 100) {
    return { ok: false, problem: 'The envelope has no valid type.' };
  }
  if (!isObject(payload)) return { ok: false, problem: 'The envelope has no payload object.' };
  const isKyc = type.startsWith('KycIdentification.');
  const resourceId = pick(payload, 'id');
  const caseId = isKyc ? pick(payload, 'identityVerificationId') : resourceId;
  if (typeof caseId !== 'string' || !ID.test(caseId)) {
    return {
      ok: false,
      problem: isKyc
        ? 'The KYC payload has no valid identityVerificationId.'
        : 'The payload has no valid id.',
    };
  }
  const kycId =
    isKyc && typeof resourceId === 'string' && ID.test(resourceId) ? resourceId.toLowerCase() : null;
  return {
    ok: true,
    event: {
      id,
      type,
      caseId: caseId.toLowerCase(),
      kycId,
      createdUtc: date(pick(body, 'createdUtc')),
      resourceModified: date(pick(payload, 'modifiedUtc')) ?? date(pick(payload, 'createdUtc')),
    },
  };
}
