import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Simulator } from '../../../src/simulator';
import type { OndatoClient } from '../../../src/main/ondato/client';
import { sniffMime } from '../../../src/main/ondato/sniff';
import {
  clientFor,
  DISABLED_SETUP,
  DOCUMENT_ONLY_SETUP,
  FULL_KYC_SETUP,
  memoryLogger,
  rejection,
  type SimControl,
  startSim,
  submittedIdv,
} from './harness';

let sim: Simulator;
let control: SimControl;
let client: OndatoClient;
const logger = memoryLogger();

beforeAll(async () => {
  ({ sim, control } = await startSim(42));
  client = clientFor(sim, { logger });
});
afterAll(async () => {
  await sim.stop();
});
beforeEach(async () => {
  await control.call('POST', '/reset');
  await control.clearRequests();
});

describe('Ondato client against the simulator', () => {
  it('testConnection gets a token and the setups', async () => {
    const check = await client.testConnection();
    expect(check.scopes).toEqual(['idv_api', 'kyc_identifications_api']);
    expect(check.setups.map((s) => s.id).sort()).toEqual(
      [DOCUMENT_ONLY_SETUP, DISABLED_SETUP, FULL_KYC_SETUP].sort(),
    );
    const counters = await control.counters();
    expect(counters.byRoute.token).toBe(1);
    expect(counters.byRoute.setups).toBe(1);
  });

  it('listSetups returns the enabled setups by name, then the disabled ones, with their flags', async () => {
    const setups = await client.listSetups();
    expect(setups.map((s) => s.name)).toEqual([
      'Document only (no selfie)',
      'Full KYC with consent',
      'Disabled legacy setup',
    ]);
    expect(setups.find((s) => s.id === DISABLED_SETUP)?.isDisabled).toBe(true);
    expect(setups.find((s) => s.id === FULL_KYC_SETUP)?.steps?.length).toBeGreaterThan(0);
  });

  it('creates an IDV with the first setup it lists', async () => {
    const [first] = await client.listSetups();
    const { id } = await client.createIdv({ setupId: first?.id ?? '' });
    expect((await client.getIdv(id)).setup?.id).toBe(first?.id);
  });

  it('creates an IDV and reads it back as Pending', async () => {
    const { id } = await client.createIdv({ setupId: FULL_KYC_SETUP, externalReferenceId: 'ref-1' });
    const idv = await client.getIdv(id);
    expect(idv).toMatchObject({ id, status: 'Pending', externalReferenceId: 'ref-1' });
    expect(idv.setup?.id).toBe(FULL_KYC_SETUP);
    expect(idv.step?.kycIdentification ?? undefined).toBeUndefined();
  });

  it('reads the setup pinned to an IDV', async () => {
    const { id } = await client.createIdv({ setupId: DOCUMENT_ONLY_SETUP });
    expect((await client.getIdvSetup(id)).id).toBe(DOCUMENT_ONLY_SETUP);
  });

  it('follows the lifecycle into the KYC identification and its setup', async () => {
    const { idvId, kycId } = await submittedIdv(client, control);
    const kyc = await client.getKyc(kycId);
    expect(kyc).toMatchObject({ id: kycId, identityVerificationId: idvId, status: 'Awaiting' });
    expect(kyc.document?.firstName).toBe('Ona');
    expect(kyc.document?.files?.length).toBeGreaterThan(0);
    const setup = await client.getKycSetup(kycId);
    expect(setup.document?.enabled).toBe(true);
    expect(setup.face?.enabled).toBe(true);

    await control.advance(idvId, 'decide');
    expect((await client.getIdv(idvId)).status).toBe('Completed');
    expect(['Approved', 'Rejected']).toContain((await client.getKyc(kycId)).status);
  });

  it('downloads every file with bytes whose sniffed type matches the file extension', async () => {
    const { kycId } = await submittedIdv(client, control);
    const kyc = await client.getKyc(kycId);
    const files = [...(kyc.document?.files ?? []), ...(kyc.additionalFiles ?? [])];
    const seen = new Set<string>();
    for (const file of files) {
      const content = await client.getKycFile(kycId, file.fileId);
      const expected = file.fileExtension === 'png' ? 'image/png' : 'image/jpeg';
      expect(content.mime).toBe(expected);
      expect(sniffMime(content.bytes)).toBe(expected);
      expect(content.size).toBe(content.bytes.length);
      expect(content.size).toBeGreaterThan(100);
      seen.add(expected);
    }
    expect(seen).toEqual(new Set(['image/jpeg', 'image/png'])); // document photos and the selfie
  });

  it('refuses a file larger than the cap', async () => {
    const { kycId } = await submittedIdv(client, control);
    const fileId = (await client.getKyc(kycId)).document?.files?.[0]?.fileId ?? '';
    const error = await rejection(client.getKycFile(kycId, fileId, { maxBytes: 64 }));
    expect(error.code).toBe('bad_response');
  });

  it('filters KYC identifications by creation time with a total count', async () => {
    const before = new Date(Date.now() - 60_000).toISOString();
    const a = await submittedIdv(client, control);
    const b = await submittedIdv(client, control, DOCUMENT_ONLY_SETUP);
    const all = await client.filterKyc({ from: before, to: new Date(Date.now() + 60_000).toISOString() });
    expect(all.items.map((k) => k.id).sort()).toEqual([a.kycId, b.kycId].sort());
    expect(all.totalCount).toBe(2);
    const none = await client.filterKyc({ from: new Date(Date.now() + 3_600_000).toISOString() });
    expect(none).toEqual({ items: [], totalCount: 0 });
  });

  it('redacts personal and biometric data', async () => {
    const { idvId, kycId } = await submittedIdv(client, control);
    const fileId = (await client.getKyc(kycId)).document?.files?.[0]?.fileId ?? '';
    await client.redactIdv(idvId, ['PersonalData', 'BiometricData']);
    const kyc = await client.getKyc(kycId);
    expect(kyc.document?.firstName ?? null).not.toBe('Ona');
    const requests = await control.requests();
    expect(requests.filter((r) => r.route === 'idv.redact').map((r) => r.status)).toEqual([204]);
    // The images are gone: not listed and not served any more.
    expect(kyc.document?.files ?? []).toEqual([]);
    expect((await rejection(client.getKycFile(kycId, fileId))).code).toBe('not_found');
  });

  it('builds a customer link the simulator serves', async () => {
    const { id } = await client.createIdv({ setupId: FULL_KYC_SETUP });
    const url = client.customerUrl(id);
    expect(url).toBe(`${sim.url}/?id=${encodeURIComponent(id)}`);
    const page = await fetch(url);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
  });

  it('sends percent-encoded ids that cannot escape their path segment', async () => {
    expect((await rejection(client.getIdv('../identity-verification-setups/filter'))).code).toBe('not_found');
    expect((await rejection(client.getKyc('x?y=1#z'))).code).toBe('not_found');
    const paths = (await control.requests()).map((r) => `${r.route} ${r.path}`);
    expect(paths).toContain('idv.get /v1/identity-verifications/..%2Fidentity-verification-setups%2Ffilter');
    expect(paths).toContain('kyc.get /v1/identifications/x%3Fy%3D1%23z');
  });

  it('never logs a token, a secret or customer data', async () => {
    const { kycId } = await submittedIdv(client, control);
    await client.getKyc(kycId);
    const text = logger.lines.join('\n');
    expect(text).not.toContain('demo-secret');
    expect(text).not.toContain('Ona');
    expect(text).not.toContain('Petrait');
    expect(text).not.toMatch(/[0-9A-F]{64}/); // simulator tokens
  });
});
