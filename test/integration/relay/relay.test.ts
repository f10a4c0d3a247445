import { readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { join } from 'node:path';
import type { Client } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRelayServer, listen } from '../../../src/relay/server';
import { createPgStore, type EventStore } from '../../../src/relay/store';
import { addRelay } from '../../../src/team-db/admin';
import { hasPostgres } from '../../support/pg-cluster';
import { startTeamFixture, type TeamFixture } from '../team-db/support';

const fixture = (name: string): Record<string, unknown> =>
  JSON.parse(readFileSync(join(__dirname, '../../fixtures/ondato', name), 'utf8')) as Record<string, unknown>;

// The relay against a real PostgreSQL, over real HTTP on loopback.
describe.skipIf(!hasPostgres())('kyc-desk relay', () => {
  let team: TeamFixture;
  let store: EventStore;
  let officer: Client;
  const servers: Server[] = [];
  const logs: string[] = [];
  const RELAY_PASSWORD = 'relay-password-123';

  async function start(
    auth: Parameters<typeof createRelayServer>[0]['auth'],
    extra: object = {},
  ): Promise<string> {
    const server = createRelayServer({
      store,
      auth,
      maxBodyBytes: 64 * 1024,
      log: {
        info: (m, f) => logs.push(`${m} ${JSON.stringify(f)}`),
        warn: (m, f) => logs.push(`${m} ${JSON.stringify(f)}`),
      },
      ...extra,
    });
    servers.push(server);
    const address = await listen(server, 0, '127.0.0.1');
    return `http://127.0.0.1:${address.port}`;
  }

  const basic = (user: string, pass: string): string =>
    `Basic ${Buffer.from(`${user}:${pass}`).toString('base64')}`;
  const post = (url: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> =>
    fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });

  async function stored(id: string): Promise<number> {
    const result = await team.owner.query(
      'SELECT count(*)::int AS n FROM kyc_team.webhook_events WHERE id = $1',
      [id],
    );
    return result.rows[0].n as number;
  }

  beforeAll(async () => {
    team = await startTeamFixture();
    await addRelay(team.owner, 'relay_a', RELAY_PASSWORD);
    await team.officer('alice');
    officer = await team.connect('alice');
    store = createPgStore({
      connectionString: team.cluster.url('relay_a', RELAY_PASSWORD, team.database),
      relayName: 'relay-a',
    });
  });
  afterAll(async () => {
    for (const server of servers) server.close();
    await store?.close();
    await team?.close();
  });

  it('stores a basic-authenticated delivery once, however often Ondato repeats it', async () => {
    const base = await start({ mode: 'basic', username: 'ondato', password: 's3cret-pass' });
    const event = fixture('webhook-kyc-approved.json');
    const auth = { authorization: basic('ondato', 's3cret-pass') };
    const first = await post(`${base}/ondato/webhooks`, event, auth);
    expect(first.status).toBe(200);
    expect(await first.json()).toEqual({ received: true, duplicate: false });
    const again = await post(`${base}/ondato/webhooks`, event, auth);
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual({ received: true, duplicate: true });
    expect(await stored(event.id as string)).toBe(1);
    const row = await team.owner.query(
      'SELECT type, case_id, kyc_id, relay FROM kyc_team.webhook_events WHERE id = $1',
      [event.id],
    );
    expect(row.rows[0]).toEqual({
      type: 'KycIdentification.Approved',
      case_id: '1dbb6d1d-0596-4247-9b37-879e44c53ddc',
      kyc_id: '3fa85f64-5717-4562-b3fc-2c963f66afa6',
      relay: 'relay_a',
    });
    // Nothing of the payload reaches the logs.
    expect(logs.join('\n')).not.toMatch(/John|Jones|PU2343443343|199202030202/);
  });

  it('accepts the PascalCase envelope', async () => {
    const base = await start({ mode: 'basic', username: 'ondato', password: 's3cret-pass' });
    const event = fixture('webhook-idv-status-pascal.json');
    const response = await post(`${base}/ondato/webhooks`, event, {
      authorization: basic('ondato', 's3cret-pass'),
    });
    expect(response.status).toBe(200);
    const row = await team.owner.query('SELECT type, case_id FROM kyc_team.webhook_events WHERE id = $1', [
      event.Id,
    ]);
    expect(row.rows[0]).toEqual({
      type: 'IdentityVerification.StatusChanged',
      case_id: '89e50d98-c556-4818-8562-3cd98608bf09',
    });
  });

  it("reads Ondato's zone-less UTC times as UTC, whatever the relay host's time zone", async () => {
    const base = await start({ mode: 'basic', username: 'ondato', password: 's3cret-pass' });
    const event = fixture('webhook-kyc-approved.json');
    const payload = event.payload as Record<string, unknown>;
    const zoneless = {
      ...event,
      id: 'zoneless-1',
      // .NET writes a DateTime of unspecified kind without a zone, and with seven fractional digits.
      createdUtc: '2022-09-29T14:40:02.1130000',
      payload: { ...payload, modifiedUtc: '2022-09-29T14:39:00' },
    };
    const junk = {
      ...event,
      id: 'junk-time-1',
      createdUtc: '1',
      payload: { ...payload, modifiedUtc: 'May 1' },
    };
    const zone = process.env.TZ;
    process.env.TZ = 'Europe/Vilnius';
    try {
      const auth = { authorization: basic('ondato', 's3cret-pass') };
      expect((await post(`${base}/ondato/webhooks`, zoneless, auth)).status).toBe(200);
      expect((await post(`${base}/ondato/webhooks`, junk, auth)).status).toBe(200);
    } finally {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    }
    const rows = await team.owner.query(
      `SELECT id, created_utc, resource_modified FROM kyc_team.webhook_events
        WHERE id IN ('zoneless-1', 'junk-time-1') ORDER BY id`,
    );
    expect(rows.rows).toEqual([
      { id: 'junk-time-1', created_utc: null, resource_modified: new Date('2022-09-29T14:35:12.907Z') },
      {
        id: 'zoneless-1',
        created_utc: new Date('2022-09-29T14:40:02.113Z'),
        resource_modified: new Date('2022-09-29T14:39:00.000Z'),
      },
    ]);
  });

  it('answers what can never succeed with a 4xx, and stores nothing', async () => {
    const base = await start({ mode: 'basic', username: 'ondato', password: 's3cret-pass' });
    const event: Record<string, unknown> = { ...fixture('webhook-kyc-approved.json'), id: 'never-stored-1' };
    const good = { authorization: basic('ondato', 's3cret-pass') };
    expect((await post(`${base}/ondato/webhooks`, event)).status).toBe(401);
    expect(
      (await post(`${base}/ondato/webhooks`, event, { authorization: basic('ondato', 'wrong') })).status,
    ).toBe(401);
    expect((await post(`${base}/ondato/webhooks`, '{not json', good)).status).toBe(400);
    expect((await post(`${base}/ondato/webhooks`, { id: 'x', type: 'T' }, good)).status).toBe(422);
    expect(
      (await post(`${base}/ondato/webhooks`, 'a=b', { ...good, 'content-type': 'text/plain' })).status,
    ).toBe(415);
    const huge = { ...event, payload: { ...(event.payload as object), padding: 'x'.repeat(70 * 1024) } };
    expect((await post(`${base}/ondato/webhooks`, huge, good)).status).toBe(413);
    expect((await post(`${base}/elsewhere`, event, good)).status).toBe(404);
    expect((await fetch(`${base}/ondato/webhooks`, { headers: good })).status).toBe(405);
    expect(await stored('never-stored-1')).toBe(0);
  });

  it('serves the OAuth2 token endpoint and accepts only its bearer tokens', async () => {
    const base = await start({ mode: 'oauth2', clientId: 'ondato-client', clientSecret: 'oauth-secret-xyz' });
    const form = (secret: string): RequestInit => ({
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'client_credentials',
        client_id: 'ondato-client',
        client_secret: secret,
      }),
    });
    expect((await fetch(`${base}/oauth/token`, form('wrong'))).status).toBe(401);
    const issued = (await (await fetch(`${base}/oauth/token`, form('oauth-secret-xyz'))).json()) as {
      access_token: string;
      token_type: string;
    };
    expect(issued.token_type).toBe('Bearer');
    const event = { ...fixture('webhook-kyc-approved.json'), id: 'oauth-event-1' };
    expect(
      (await post(`${base}/ondato/webhooks`, event, { authorization: 'Bearer forged.token' })).status,
    ).toBe(401);
    const tampered = `${issued.access_token.slice(0, -2)}AA`;
    expect(
      (await post(`${base}/ondato/webhooks`, event, { authorization: `Bearer ${tampered}` })).status,
    ).toBe(401);
    const ok = await post(`${base}/ondato/webhooks`, event, {
      authorization: `Bearer ${issued.access_token}`,
    });
    expect(ok.status).toBe(200);
    expect(await stored('oauth-event-1')).toBe(1);
  });

  it('refuses addresses outside the allow-list', async () => {
    const base = await start(
      { mode: 'basic', username: 'ondato', password: 's3cret-pass' },
      { allowIps: ['20.31.10.47'] },
    );
    const event = { ...fixture('webhook-kyc-approved.json'), id: 'blocked-1' };
    expect(
      (await post(`${base}/ondato/webhooks`, event, { authorization: basic('ondato', 's3cret-pass') }))
        .status,
    ).toBe(403);
    const proxied = await start(
      { mode: 'basic', username: 'ondato', password: 's3cret-pass' },
      { allowIps: ['20.31.10.47'], trustProxy: true },
    );
    const through = await post(`${proxied}/ondato/webhooks`, event, {
      authorization: basic('ondato', 's3cret-pass'),
      'x-forwarded-for': '20.31.10.47',
    });
    expect(through.status).toBe(200);
  });

  it('wakes listening desks and makes a tracked case due at once', async () => {
    const caseId = '1dbb6d1d-0596-4247-9b37-000000000001';
    await officer.query('SELECT kyc_team.register_case($1, NULL, NULL, NULL)', [caseId]);
    await team.owner.query(
      "UPDATE kyc_team.poll_schedule SET next_due = now() + interval '1 hour' WHERE case_id = $1",
      [caseId],
    );
    const listener = await team.connect('alice');
    await listener.query('LISTEN kyc_team_webhooks');
    const heard = new Promise<string>((resolve) =>
      listener.on('notification', (n) => resolve(n.payload ?? '')),
    );
    const base = await start({ mode: 'basic', username: 'ondato', password: 's3cret-pass' });
    const event: Record<string, unknown> = { ...fixture('webhook-kyc-approved.json'), id: 'wake-1' };
    (event.payload as Record<string, unknown>).identityVerificationId = caseId;
    expect(
      (await post(`${base}/ondato/webhooks`, event, { authorization: basic('ondato', 's3cret-pass') }))
        .status,
    ).toBe(200);
    expect(JSON.parse(await heard)).toMatchObject({ id: 'wake-1', caseId });
    const due = await team.owner.query(
      'SELECT next_due <= now() AS due FROM kyc_team.poll_schedule WHERE case_id = $1',
      [caseId],
    );
    expect(due.rows[0].due).toBe(true);
  });

  it("a relay's role can record events and nothing else", async () => {
    const { Client: PgClient } = await import('pg');
    const relayClient = new PgClient({
      connectionString: team.cluster.url('relay_a', RELAY_PASSWORD, team.database),
    });
    await relayClient.connect();
    try {
      await expect(relayClient.query('SELECT * FROM kyc_team.cases')).rejects.toMatchObject({
        code: '42501',
      });
      await expect(relayClient.query('SELECT * FROM kyc_team.webhook_events')).rejects.toMatchObject({
        code: '42501',
      });
      await expect(
        relayClient.query(
          "SELECT kyc_team.decide(gen_random_uuid(), 'x', 'accept', 'r', '', '[]', now(), NULL)",
        ),
      ).rejects.toMatchObject({ code: '42501' });
    } finally {
      await relayClient.end();
    }
    await expect(
      officer.query("SELECT kyc_team.record_webhook('x', 'T', NULL, NULL, NULL, NULL, 'r')"),
    ).rejects.toMatchObject({
      code: '42501',
    });
  });

  it('answers 503 while the database is down, so Ondato retries, and stores the retry', async () => {
    const base = await start({ mode: 'basic', username: 'ondato', password: 's3cret-pass' });
    const event = { ...fixture('webhook-kyc-approved.json'), id: 'outage-1' };
    const auth = { authorization: basic('ondato', 's3cret-pass') };
    team.cluster.stop();
    try {
      const during = await post(`${base}/ondato/webhooks`, event, auth);
      expect(during.status).toBe(503);
      expect(during.headers.get('retry-after')).toBe('10');
      expect((await fetch(`${base}/healthz`)).status).toBe(503);
    } finally {
      team.cluster.start();
    }
    const after = await post(`${base}/ondato/webhooks`, event, auth);
    expect(after.status).toBe(200);
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    // The owner's connection died with the server; a fresh one reads the row.
    const { Client: PgClient } = await import('pg');
    const check = new PgClient({ connectionString: team.cluster.url(undefined, undefined, team.database) });
    await check.connect();
    const rows = await check.query(
      "SELECT count(*)::int AS n FROM kyc_team.webhook_events WHERE id = 'outage-1'",
    );
    await check.end();
    expect(rows.rows[0].n).toBe(1);
  });
});
