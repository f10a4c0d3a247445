import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { webhookFromFlags } from '../../../src/cli/commands/simulator';
import { advance, harness, HOUR, kycIdOf, MINUTE, SECOND, type Harness } from './helpers';

interface Received {
  path: string;
  authorization: string | undefined;
  body: Record<string, unknown>;
  raw: string;
}

interface Receiver {
  url: string;
  hooks: Received[];
  tokenRequests: string[];
  /** Status for the n-th webhook request (0-based); default 200. */
  answer: (n: number, req: Received) => number;
  stop(): Promise<void>;
}

/** A tiny webhook receiver on loopback that records what it gets. */
async function receiver(): Promise<Receiver> {
  const state: Receiver = {
    url: '',
    hooks: [],
    tokenRequests: [],
    answer: () => 200,
    stop: async () => undefined,
  };
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      if (req.url === '/token') {
        state.tokenRequests.push(raw);
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ access_token: 'tok-1', token_type: 'Bearer', expires_in: 3600 }));
        return;
      }
      const hook: Received = {
        path: req.url ?? '',
        authorization: req.headers.authorization,
        body: JSON.parse(raw) as Record<string, unknown>,
        raw,
      };
      const status = state.answer(state.hooks.length, hook);
      state.hooks.push(hook);
      res.writeHead(status);
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  state.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  state.stop = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return state;
}

const cleanup: Array<() => Promise<void>> = [];
afterEach(async () => {
  await Promise.all(cleanup.splice(0).map((stop) => stop()));
});

async function setup(
  subscription: Record<string, unknown> = {},
  existing?: Receiver,
): Promise<{ h: Harness; r: Receiver }> {
  const h = await harness();
  const r = existing ?? (await receiver());
  cleanup.push(
    () => h.stop(),
    () => r.stop(),
  );
  const res = await h.control('POST', '/webhooks/subscriptions', { url: `${r.url}/hooks`, ...subscription });
  expect(res.status).toBe(200);
  return { h, r };
}

async function deliver(h: Harness): Promise<void> {
  const res = await h.control('POST', '/webhooks/deliver');
  expect(res.status).toBe(200);
}

const BASIC = { kind: 'basic', username: 'ondato', password: 's3cret' };
const types = (r: Receiver): unknown[] => r.hooks.map((x) => x.body['type']);

describe('simulator webhooks', () => {
  it('sends every lifecycle event in order, with the payload the GET answered at that moment', async () => {
    const { h, r } = await setup({ auth: BASIC });
    const id = await h.createIdv();
    const last = (): unknown => r.hooks.at(-1)?.body['payload'];

    await advance(h, id, 'open');
    await deliver(h);
    expect(last()).toEqual(await h.json('GET', `/v1/identity-verifications/${id}`));
    const kycId = kycIdOf(await advance(h, id, 'kyc-start'));
    const kycPath = `/v1/identifications/${kycId}`;
    await deliver(h);
    expect(last()).toEqual(await h.json('GET', kycPath));
    h.clock.advance(MINUTE);
    await advance(h, id, 'submit');
    await deliver(h);
    expect(last()).toEqual(await h.json('GET', kycPath));
    await advance(h, id, 'complete');
    await deliver(h);
    expect(last()).toEqual(await h.json('GET', `/v1/identity-verifications/${id}`));
    await advance(h, id, 'decide');
    await deliver(h);
    expect(last()).toEqual(await h.json('GET', kycPath));
    h.clock.advance(MINUTE);
    expect((await h.control('POST', `/idv/${id}/document-data`, { lastName: 'Petraitis' })).status).toBe(200);
    await deliver(h);
    const updated = await h.json<{ document: { lastName?: string } }>('GET', kycPath);
    expect(last()).toEqual(updated);

    expect(types(r)).toEqual([
      'IdentityVerification.StatusChanged',
      'IdentityVerification.Consented',
      'KycIdentification.Created',
      'KycIdentification.Processed',
      'IdentityVerification.StatusChanged',
      'KycIdentification.Approved',
      'KycIdentification.Updated',
    ]);
    const expected = `Basic ${Buffer.from('ondato:s3cret').toString('base64')}`;
    expect(r.hooks.every((x) => x.authorization === expected && x.path === '/hooks')).toBe(true);
    expect(Object.keys(r.hooks[0]?.body ?? {})).toEqual([
      'id',
      'applicationId',
      'createdUtc',
      'deliveredUtc',
      'isDelivered',
      'payload',
      'type',
    ]);

    // The GET of the deliveries lists the real ones, with what was really sent.
    const records = await h.json<Array<Record<string, unknown>>>(
      'GET',
      `/v1/identity-verifications/${id}/webhooks`,
    );
    expect(records.map((x) => x['payload'])).toEqual(r.hooks.map((x) => x.body['payload']));
    expect(records.map((x) => x['id'])).toEqual(r.hooks.map((x) => x.body['id']));
    expect(records.every((x) => x['isDelivered'] === true)).toBe(true);
  });

  it('after a redaction the delivery records keep ids and status, never the person', async () => {
    const { h } = await setup({ auth: BASIC });
    const id = await h.createIdv({ registration: { firstName: 'Rūta', lastName: 'Redactaitė' } });
    await advance(h, id, 'decide');
    await deliver(h);
    const path = `/v1/identity-verifications/${id}/webhooks`;
    expect(JSON.stringify(await h.json('GET', path))).toContain('Redactait');
    const res = await h.api('PUT', `/v1/identity-verifications/${id}/redact`, {
      body: { scopes: ['PersonalData', 'BiometricData'] },
    });
    expect(res.status).toBe(204);
    const records = await h.json<Array<Record<string, unknown>>>('GET', path);
    expect(records.length).toBeGreaterThan(0);
    expect(JSON.stringify(records)).not.toMatch(/Redactait|Rūta/);
    expect(records.every((x) => typeof (x['payload'] as { id?: unknown }).id === 'string')).toBe(true);
  });

  it('authenticates with OAuth2 client credentials, fetching the token once and reusing it', async () => {
    const r = await receiver();
    const { h } = await setup(
      {
        auth: { kind: 'oauth2', tokenUrl: `${r.url}/token`, clientId: 'ondato-client', clientSecret: 'xyz' },
      },
      r,
    );
    const id = await h.createIdv();
    await advance(h, id, 'decide');
    await deliver(h);
    expect(r.hooks).toHaveLength(6);
    expect(r.hooks.every((x) => x.authorization === 'Bearer tok-1')).toBe(true);
    expect(r.tokenRequests).toHaveLength(1);
    const form = new URLSearchParams(r.tokenRequests[0]);
    expect(form.get('grant_type')).toBe('client_credentials');
    expect(form.get('client_id')).toBe('ondato-client');
  });

  it('retries a 500 about 10 s later on the simulator clock, not before', async () => {
    const { h, r } = await setup({ events: ['IdentityVerification.StatusChanged'] });
    r.answer = (n) => (n === 0 ? 500 : 200);
    const id = await h.createIdv();
    await advance(h, id, 'open');
    await deliver(h);
    expect(r.hooks).toHaveLength(1);
    h.clock.advance(8 * SECOND);
    await deliver(h);
    expect(r.hooks).toHaveLength(1);
    h.clock.advance(4 * SECOND);
    await deliver(h);
    expect(r.hooks).toHaveLength(2);
    expect(r.hooks[1]?.body['id']).toBe(r.hooks[0]?.body['id']);
    const records = await h.json<Array<{ isDelivered: boolean }>>(
      'GET',
      `/v1/identity-verifications/${id}/webhooks`,
    );
    expect(records.map((x) => x.isDelivered)).toEqual([true]);
  });

  it('keeps retrying a 401 on schedule for 24 h of simulator time and never counts it delivered', async () => {
    const { h, r } = await setup({ events: ['IdentityVerification.StatusChanged'], auth: BASIC });
    r.answer = () => 401;
    const id = await h.createIdv();
    await advance(h, id, 'open');
    const firstId = (): number => r.hooks.filter((x) => x.body['id'] === r.hooks[0]?.body['id']).length;
    const counts: number[] = [];
    for (let t = 0; t <= 26 * HOUR; t += 10 * MINUTE) {
      await deliver(h);
      counts.push(firstId());
      h.clock.advance(10 * MINUTE);
    }
    // 1 + 9 scheduled retries (10 s ... 6 h, ≈ 10 h 42 min in all) + one 12-hourly retry inside 24 h.
    expect(firstId()).toBe(11);
    expect(counts[6]).toBeLessThan(11); // the later ones really are hours apart
    expect(counts[24 * 6 - 6]).toBe(11); // and the last one comes before 24 h
    const deliveries = await h.control<Array<{ attempts: number; isDelivered: boolean; pending: boolean }>>(
      'GET',
      '/webhooks/deliveries',
    );
    // Opening, then expiry after 2 idle hours: two status changes, each refused to the end.
    expect(deliveries.body).toEqual([
      expect.objectContaining({ attempts: 11, isDelivered: false, pending: false }),
      expect.objectContaining({ attempts: 11, isDelivered: false, pending: false }),
    ]);
    const records = await h.json<Array<{ isDelivered: boolean; deliveredUtc: unknown }>>(
      'GET',
      `/v1/identity-verifications/${id}/webhooks`,
    );
    expect(records).toHaveLength(2);
    expect(records.every((x) => !x.isDelivered && x.deliveredUtc === null)).toBe(true);
  });

  it('duplicates, reorders and drops deliveries when the subscription says so', async () => {
    const dup = await setup({ faults: { duplicate: 1 } });
    const id1 = await dup.h.createIdv();
    await advance(dup.h, id1, 'open');
    await deliver(dup.h);
    const ids = dup.r.hooks.map((x) => x.body['id']);
    expect(ids).toHaveLength(4);
    expect(new Set(ids).size).toBe(2);

    const re = await setup({ faults: { reorder: true } });
    const id2 = await re.h.createIdv();
    await advance(re.h, id2, 'submit');
    await deliver(re.h);
    expect(types(re.r)).toEqual([
      'KycIdentification.Processed',
      'KycIdentification.Created',
      'IdentityVerification.Consented',
      'IdentityVerification.StatusChanged',
    ]);

    const late = await setup({
      faults: { delayMs: 30 * SECOND },
      events: ['IdentityVerification.StatusChanged'],
    });
    const id4 = await late.h.createIdv();
    await advance(late.h, id4, 'open');
    await deliver(late.h);
    expect(late.r.hooks).toEqual([]);
    late.h.clock.advance(30 * SECOND);
    await deliver(late.h);
    expect(types(late.r)).toEqual(['IdentityVerification.StatusChanged']);

    const drop = await setup({ faults: { drop: 1 } });
    const id3 = await drop.h.createIdv();
    await advance(drop.h, id3, 'open');
    await deliver(drop.h);
    drop.h.clock.advance(HOUR);
    await deliver(drop.h);
    expect(drop.r.hooks).toEqual([]);
    const deliveries = await drop.h.control<Array<{ attempts: number; isDelivered: boolean }>>(
      'GET',
      '/webhooks/deliveries',
    );
    expect(deliveries.body.every((d) => d.attempts > 1 && !d.isDelivered)).toBe(true);
  });

  it('keeps subscriptions across a restore but sends nothing for the restored histories', async () => {
    const { h, r } = await setup({ events: ['IdentityVerification.StatusChanged'] });
    const id = await h.createIdv();
    await advance(h, id, 'open');
    const snapshot = await h.control('GET', '/snapshot');
    await h.control('POST', '/restore', snapshot.body);
    await deliver(h);
    expect(r.hooks).toEqual([]);
    await advance(h, id, 'suspend');
    await deliver(h);
    expect(r.hooks.map((x) => (x.body['payload'] as { status: string }).status)).toEqual(['Suspended']);
  });

  it('sends the older PascalCase envelope when asked to', async () => {
    const { h, r } = await setup({ pascalCase: true, events: ['IdentityVerification.StatusChanged'] });
    const id = await h.createIdv();
    await advance(h, id, 'open');
    await deliver(h);
    expect(Object.keys(r.hooks[0]?.body ?? {})).toEqual([
      'Id',
      'ApplicationId',
      'CreatedUtc',
      'DeliveredUtc',
      'IsDelivered',
      'Payload',
      'Type',
    ]);
    expect(r.hooks[0]?.body['Payload']).toMatchObject({ id, status: 'InProgress' });
  });

  it('refuses a subscription that is not an http(s) URL with known event types', async () => {
    const h = await harness();
    cleanup.push(() => h.stop());
    expect((await h.control('POST', '/webhooks/subscriptions', { url: 'ftp://x' })).status).toBe(400);
    const res = await h.control('POST', '/webhooks/subscriptions', {
      url: 'http://127.0.0.1:9/',
      events: ['Nope'],
    });
    expect(res.status).toBe(400);
  });

  it('takes a subscription from the CLI flags with credentials from the environment only', async () => {
    const r = await receiver();
    cleanup.push(() => r.stop());
    const env = { KYC_DESK_WEBHOOK_USERNAME: 'ondato', KYC_DESK_WEBHOOK_PASSWORD: 's3cret' };
    const flags = {
      'webhook-url': `${r.url}/hooks`,
      'webhook-events': 'IdentityVerification.StatusChanged',
      'webhook-auth': 'basic',
    };
    expect(() => webhookFromFlags(flags, {})).toThrow(/KYC_DESK_WEBHOOK_USERNAME/);
    expect(() => webhookFromFlags({ 'webhook-auth': 'basic' }, env)).toThrow(/--webhook-url/);
    const webhook = webhookFromFlags(flags, env);
    expect(webhook).toBeDefined();
    const h = await harness({ webhooks: [webhook] });
    cleanup.push(() => h.stop());
    const id = await h.createIdv();
    await advance(h, id, 'open');
    await deliver(h);
    expect(types(r)).toEqual(['IdentityVerification.StatusChanged']);
    expect(r.hooks[0]?.authorization).toBe(`Basic ${Buffer.from('ondato:s3cret').toString('base64')}`);
  });
});
