/**
 * When each case changed upstream, read from the simulator's webhook delivery records (the events
 * Ondato would have pushed): the ground truth the poller's detection times are measured against.
 */
export interface UpstreamEvent {
  caseId: string;
  state: string;
  at: number;
}

interface Delivery {
  createdUtc: string;
  type: string;
  payload: { status?: string };
}

const KYC_EVENTS: Record<string, string> = {
  'KycIdentification.Approved': 'KYC Approved',
  'KycIdentification.Rejected': 'KYC Rejected',
};

export async function upstreamEvents(
  baseUrl: string,
  token: string,
  caseIds: string[],
): Promise<UpstreamEvent[]> {
  const events: UpstreamEvent[] = [];
  for (const caseId of caseIds) {
    const response = await fetch(`${baseUrl}/v1/identity-verifications/${caseId}/webhooks`, {
      headers: { authorization: `Bearer ${token}` },
    });
    const deliveries = (await response.json()) as Delivery[];
    for (const d of deliveries) {
      const at = Date.parse(d.createdUtc);
      if (d.type === 'IdentityVerification.StatusChanged' && d.payload.status) {
        events.push({ caseId, state: `IDV ${d.payload.status}`, at });
      }
      const kyc = KYC_EVENTS[d.type];
      if (kyc) events.push({ caseId, state: kyc, at });
    }
  }
  return events;
}

export async function simulatorToken(baseUrl: string): Promise<string> {
  const response = await fetch(`${baseUrl}/connect/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: 'kyc-desk-demo',
      client_secret: 'demo-secret',
    }),
  });
  return ((await response.json()) as { access_token: string }).access_token;
}
