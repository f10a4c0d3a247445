import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Client } from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { addRelay } from '../../../src/team-db/admin';
import { hasPostgres } from '../../support/pg-cluster';
import { advance, MINUTE, type Harness } from '../simulator/helpers';
import { startTeamFixture, type TeamFixture } from '../team-db/support';
import {
  BASIC_AUTH,
  deliveries,
  RELAY_PASSWORD,
  settle,
  SIM_BASIC,
  simulatorFor,
  startRelay,
  storedFor,
  type RelayRun,
} from './e2e-support';

const LIFECYCLE = [
  'IdentityVerification.StatusChanged',
  'IdentityVerification.Consented',
  'KycIdentification.Created',
  'KycIdentification.Processed',
  'IdentityVerification.StatusChanged',
  'KycIdentification.Approved',
];

/** A plain round-robin HTTP balancer, as a team would put in front of several relays. */
async function roundRobin(targets: string[]): Promise<{ url: string; close(): Promise<void> }> {
  let n = 0;
  const server = http.createServer((req, res) => {
    const target = new URL(req.url ?? '/', targets[n++ % targets.length]);
    const upstream = http.request(target, { method: req.method, headers: req.headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    upstream.on('error', () => res.writeHead(502).end());
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => {
      server.closeAllConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

// The real simulator (its sender, its retries, its clock) delivering to real relays on a real PostgreSQL.
describe.skipIf(!hasPostgres())('webhooks end to end: simulator → relay → team database', () => {
  let team: TeamFixture;
  const cleanup: Array<() => Promise<void>> = [];

  beforeAll(async () => {
    team = await startTeamFixture();
    await addRelay(team.owner, 'relay_a', RELAY_PASSWORD);
    await addRelay(team.owner, 'relay_b', RELAY_PASSWORD);
  });
  afterEach(async () => {
    for (const stop of cleanup.splice(0).reverse()) await stop();
  });
  afterAll(async () => team?.close());

  async function relay(role = 'relay_a', auth = BASIC_AUTH): Promise<RelayRun> {
    const run = await startRelay(team, role, auth);
    cleanup.push(() => run.close());
    return run;
  }
  async function sim(seed: number, subscription: Record<string, unknown>): Promise<Harness> {
    const h = await simulatorFor(seed, subscription);
    cleanup.push(() => h.stop());
    return h;
  }

  it('stores each duplicated delivery once and wakes the desks once per event', async () => {
    const listener = new Client({ connectionString: team.cluster.url(undefined, undefined, team.database) });
    await listener.connect();
    cleanup.push(() => listener.end());
    const heard: Array<{ id: string; caseId: string; type: string }> = [];
    listener.on('notification', (n) => heard.push(JSON.parse(n.payload ?? '{}')));
    await listener.query('LISTEN kyc_team_webhooks');

    const r = await relay();
    const h = await sim(101, { url: `${r.url}/ondato/webhooks`, auth: SIM_BASIC, faults: { duplicate: 1 } });
    const id = await h.createIdv();
    await advance(h, id, 'decide');
    const sent = await settle(h);

    expect(sent).toHaveLength(2 * LIFECYCLE.length);
    expect(sent.every((d) => d.isDelivered && d.lastStatus === 200)).toBe(true);
    const stored = await storedFor(team, id);
    expect(stored.map((e) => e.type)).toEqual(LIFECYCLE);
    expect(new Set(stored.map((e) => e.id))).toEqual(new Set(sent.map((d) => d.id)));
    expect(r.answers.filter((a) => a.outcome === 'duplicate')).toHaveLength(LIFECYCLE.length);
    // Every copy was acknowledged (Ondato must stop retrying it), but only the first one notified.
    await listener.query('SELECT 1'); // notifications are delivered before this query's answer
    expect(heard.filter((n) => n.caseId === id).map((n) => n.id)).toEqual(stored.map((e) => e.id));
  });

  it('stores every reordered delivery, with the resource timestamps a desk orders by', async () => {
    const r = await relay();
    const h = await sim(102, { url: `${r.url}/ondato/webhooks`, auth: SIM_BASIC, faults: { reorder: true } });
    const id = await h.createIdv();
    await advance(h, id, 'open');
    h.clock.advance(MINUTE);
    await advance(h, id, 'kyc-start');
    h.clock.advance(MINUTE);
    await advance(h, id, 'submit');
    await settle(h);

    const stored = await storedFor(team, id);
    // Arrival order is newest first, as the fault sent them...
    expect(stored.map((e) => e.type)).toEqual([
      'KycIdentification.Processed',
      'KycIdentification.Created',
      'IdentityVerification.Consented',
      'IdentityVerification.StatusChanged',
    ]);
    // ...and each row keeps the envelope's and the resource's own times, so order can be restored.
    const byCreated = [...stored].sort((a, b) => Number(a.created_utc) - Number(b.created_utc));
    expect(byCreated.map((e) => e.type).slice(-2)).toEqual([
      'KycIdentification.Created',
      'KycIdentification.Processed',
    ]);
    expect(stored.every((e) => e.resource_modified instanceof Date)).toBe(true);
    const kyc = stored.filter((e) => e.type.startsWith('KycIdentification.'));
    expect(new Set(kyc.map((e) => e.kyc_id)).size).toBe(1);
    expect(kyc[0]?.kyc_id).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('lands every event exactly once when attempts are dropped, through the retries alone', async () => {
    const r = await relay();
    const h = await sim(103, { url: `${r.url}/ondato/webhooks`, auth: SIM_BASIC, faults: { drop: 0.5 } });
    const id = await h.createIdv();
    await advance(h, id, 'decide');
    const sent = await settle(h);

    expect(sent.every((d) => d.isDelivered)).toBe(true);
    // The seed drops some first attempts: those events only arrived by a retry.
    expect(sent.some((d) => d.attempts > 1)).toBe(true);
    const stored = await storedFor(team, id);
    expect(stored.map((e) => e.id).sort()).toEqual(sent.map((d) => d.id).sort());
    expect(r.answers.filter((a) => a.path === '/ondato/webhooks')).toHaveLength(LIFECYCLE.length);
  });

  it('accepts the older PascalCase envelope', async () => {
    const r = await relay();
    const h = await sim(104, { url: `${r.url}/ondato/webhooks`, auth: SIM_BASIC, pascalCase: true });
    const id = await h.createIdv();
    await advance(h, id, 'decide');
    const sent = await settle(h);

    expect(sent.every((d) => d.isDelivered && d.lastStatus === 200)).toBe(true);
    const stored = await storedFor(team, id);
    expect(stored.map((e) => e.type)).toEqual(LIFECYCLE);
    expect(stored.every((e) => e.case_id === id && e.created_utc instanceof Date)).toBe(true);
  });

  it('OAuth2 through a load balancer over two relays: any relay takes any token, duplicates stored once', async () => {
    const auth = { mode: 'oauth2', clientId: 'ondato-client', clientSecret: 'oauth-secret-xyz-1' } as const;
    const a = await relay('relay_a', auth);
    const b = await relay('relay_b', auth);
    const lb = await roundRobin([a.url, b.url]);
    cleanup.push(() => lb.close());
    const h = await sim(105, {
      url: `${lb.url}/ondato/webhooks`,
      auth: {
        kind: 'oauth2',
        tokenUrl: `${lb.url}/oauth/token`,
        clientId: auth.clientId,
        clientSecret: auth.clientSecret,
      },
      faults: { duplicate: 1 },
    });
    const id = await h.createIdv();
    await advance(h, id, 'decide');
    const sent = await settle(h);

    expect(sent.every((d) => d.isDelivered && d.lastStatus === 200)).toBe(true);
    const tokens = [...a.answers, ...b.answers].filter((x) => x.path === '/oauth/token');
    expect(tokens).toEqual([expect.objectContaining({ status: 200 })]);
    // The token came from one relay and both accepted it; with the balancer alternating, each original
    // reached one relay and its duplicate the other, which found it already stored.
    const hooks = (run: RelayRun): Array<string | undefined> =>
      run.answers.filter((x) => x.path === '/ondato/webhooks' && x.status === 200).map((x) => x.outcome);
    expect([...hooks(a), ...hooks(b)].sort()).toEqual([
      ...LIFECYCLE.map(() => 'duplicate'),
      ...LIFECYCLE.map(() => 'stored'),
    ]);
    expect(hooks(a).length).toBeGreaterThan(0);
    expect(hooks(b).length).toBeGreaterThan(0);
    const stored = await storedFor(team, id);
    expect(stored.map((e) => e.type)).toEqual(LIFECYCLE);
  });

  it("keeps the real payloads in the delivery records: each is the resource's GET at that moment", async () => {
    const r = await relay();
    const h = await sim(106, { url: `${r.url}/ondato/webhooks`, auth: SIM_BASIC });
    const id = await h.createIdv();
    const idvPath = `/v1/identity-verifications/${id}`;
    const expected: Array<[string, unknown]> = [];
    const step = async (type: string, path: () => string, act: () => Promise<unknown>): Promise<void> => {
      h.clock.advance(MINUTE);
      await act();
      expected.push([type, await h.json('GET', path())]);
    };
    let kycPath = '';
    const kyc = (): string => kycPath;
    // The customer opening the link: the IDV starts, without consent yet (one event, one state).
    await step(
      'IdentityVerification.StatusChanged',
      () => idvPath,
      () => fetch(`${h.url}/?id=${id}`),
    );
    await step('KycIdentification.Created', kyc, async () => {
      const idv = await advance(h, id, 'kyc-start');
      kycPath = `/v1/identifications/${(idv['step'] as { kycIdentification: { id: string } }).kycIdentification.id}`;
    });
    await step('KycIdentification.Processed', kyc, () => advance(h, id, 'submit'));
    await step(
      'IdentityVerification.StatusChanged',
      () => idvPath,
      () => advance(h, id, 'complete'),
    );
    await step('KycIdentification.Approved', kyc, () => advance(h, id, 'decide'));
    await step('KycIdentification.Updated', kyc, () =>
      h.control('POST', `/idv/${id}/document-data`, { lastName: 'Petraitis' }),
    );
    await settle(h);

    const records = await h.json<Array<Record<string, unknown>>>('GET', `${idvPath}/webhooks`);
    expect(records.map((x) => [x['type'], x['payload']])).toEqual(expected);
    expect(records.every((x) => x['isDelivered'] === true && typeof x['deliveredUtc'] === 'string')).toBe(
      true,
    );
    const stored = await storedFor(team, id);
    expect(stored.map((e) => e.id)).toEqual(records.map((x) => x['id']));
    expect(stored.map((e) => e.resource_modified?.toISOString())).toEqual(
      expected.map(
        ([, payload]) =>
          (payload as { modifiedUtc?: string; createdUtc: string }).modifiedUtc ??
          (payload as { createdUtc: string }).createdUtc,
      ),
    );
    const edited = expected.at(-1)?.[1] as { document?: { lastName?: string } };
    expect(edited.document?.lastName).toBe('Petraitis');
    // Nothing of the payloads reached the relay's request log.
    expect(JSON.stringify(r.answers)).not.toMatch(/Petrait|Ona/);
    expect(await deliveries(h)).toHaveLength(expected.length);
  });

  it('an expiry that happened while nobody looked carries the expired resource, stamped when it was due', async () => {
    const r = await relay();
    const h = await sim(107, { url: `${r.url}/ondato/webhooks`, auth: SIM_BASIC });
    const id = await h.createIdv();
    const idvPath = `/v1/identity-verifications/${id}`;
    await advance(h, id, 'open');
    const opened = await h.json('GET', idvPath);
    await settle(h);
    // Two idle hours expire an open IDV; the simulator notices only when someone next looks.
    h.clock.advance(3 * 60 * MINUTE);
    const expired = await h.json<{ status: string; modifiedUtc: string }>('GET', idvPath);
    expect(expired.status).toBe('Expired');
    await settle(h);

    const records = await h.json<Array<Record<string, unknown>>>('GET', `${idvPath}/webhooks`);
    expect(records.map((x) => x['type'])).toEqual([
      'IdentityVerification.StatusChanged',
      'IdentityVerification.Consented',
      'IdentityVerification.StatusChanged',
    ]);
    expect(records[1]?.['payload']).toEqual(opened);
    expect(records[2]?.['payload']).toEqual(expired);
    expect(records[2]?.['createdUtc']).toBe(expired.modifiedUtc);
    expect(Date.parse(expired.modifiedUtc)).toBeLessThan(h.clock.now());
    const stored = await storedFor(team, id);
    expect(stored.at(-1)?.resource_modified?.toISOString()).toBe(expired.modifiedUtc);
  });
});
