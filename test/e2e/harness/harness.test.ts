import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, launchChromium } from '../../support/chromium';
import { tempDataDir, testKeychain, type TestKeychain } from '../../integration/services/support';
import { injectBridge, startHarness, type Harness } from './index';

const APP_HTML = `<!doctype html>
<html><head>
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; connect-src 'none'" />
<script type="module" src="./assets/app.js"></script>
</head><body><div id="root"></div></body></html>`;

let keychain: TestKeychain;
let data: { dir: string; remove(): void };
let renderer: string;
let harness: Harness;
let cookie: string;

beforeAll(async () => {
  keychain = testKeychain();
  data = tempDataDir();
  // A stand-in for out/renderer: the harness serves whatever electron-vite built; these tests need no build.
  renderer = mkdtempSync(join(tmpdir(), 'kyc-desk-renderer-'));
  mkdirSync(join(renderer, 'assets'));
  writeFileSync(join(renderer, 'index.html'), APP_HTML);
  writeFileSync(join(renderer, 'assets', 'app.js'), 'document.getElementById("root").textContent = "app";');
  harness = await startHarness({ dataDir: data.dir, secrets: keychain.store, rendererDir: renderer });
  const login = await fetch(harness.url, { redirect: 'manual' });
  expect(login.status).toBe(302);
  const setCookie = login.headers.get('set-cookie') ?? '';
  expect(setCookie).toMatch(/HttpOnly/);
  expect(setCookie).toMatch(/SameSite=Strict/);
  cookie = setCookie.split(';')[0] ?? '';
});

afterAll(async () => {
  await harness.stop();
  await keychain.cleanup();
  data.remove();
  rmSync(renderer, { recursive: true, force: true });
});

const ipc = async (channel: string, input?: unknown, withCookie = true): Promise<Response> =>
  fetch(`${harness.origin}/__ipc/${channel}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(withCookie ? { cookie } : {}) },
    body: JSON.stringify({ input }),
  });

describe('e2e harness', () => {
  it('listens on loopback only and refuses every request without the session cookie', async () => {
    expect(harness.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect((await fetch(`${harness.origin}/`)).status).toBe(403);
    expect((await fetch(`${harness.origin}/?token=wrong`, { redirect: 'manual' })).status).toBe(403);
    expect((await ipc('app:info', undefined, false)).status).toBe(403);
    expect((await fetch(`${harness.origin}/__events`)).status).toBe(403);
    expect((await fetch(`${harness.origin}/__harness/bridge.js`)).status).toBe(403);
  });

  it('serves the renderer with the bridge first, under the app CSP with connect-src self', async () => {
    const page = await fetch(`${harness.origin}/`, { headers: { cookie } });
    expect(page.status).toBe(200);
    const csp = page.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("connect-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("default-src 'none'");
    const html = await page.text();
    expect(html.indexOf('/__harness/bridge.js')).toBeGreaterThan(0);
    expect(html.indexOf('/__harness/bridge.js')).toBeLessThan(html.indexOf('./assets/app.js'));
    expect(html).not.toContain("connect-src 'none'");
    expect((await fetch(`${harness.origin}/..%2Fpackage.json`, { headers: { cookie } })).status).toBe(404);
    expect(injectBridge('<html><head></head></html>')).toContain(
      '<script src="/__harness/bridge.js"></script>',
    );
  });

  it('answers IPC through the real handler map', async () => {
    const info = (await (await ipc('app:info')).json()) as { ok: boolean; value: { name: string } };
    expect(info).toMatchObject({ ok: true, value: { name: 'KYC Desk (harness)' } });
    expect(await (await ipc('cases:create', { firstName: 1 })).json()).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
    expect(await (await ipc('no:such')).json()).toMatchObject({
      ok: false,
      error: { code: 'unknown_channel' },
    });
  });

  it('streams events, encodes bytes and records opened links', async () => {
    const controller = new AbortController();
    const events = await fetch(`${harness.origin}/__events`, {
      headers: { cookie },
      signal: controller.signal,
    });
    expect(events.headers.get('content-type')).toBe('text/event-stream');
    const reader = events.body!.getReader();
    const seen = (async () => {
      let text = '';
      while (!text.includes('event: sync:status')) {
        const { value, done } = await reader.read();
        if (done) break;
        text += new TextDecoder().decode(value);
      }
      return text;
    })();
    const demo = (await (await ipc('workspaces:create-demo', {})).json()) as { ok: boolean };
    expect(demo.ok).toBe(true);
    expect(await seen).toContain('event: sync:status');
    controller.abort();

    const created = (await (await ipc('cases:create', { firstName: 'Ona', lastName: 'Onaitė' })).json()) as {
      value: { id: string; customerUrl: string };
    };
    const qr = (await (await ipc('link:qr', { caseId: created.value.id })).json()) as {
      value: { png: { $bytes: string } };
    };
    expect(Buffer.from(qr.value.png.$bytes, 'base64').subarray(1, 4).toString()).toBe('PNG');
    expect(await (await ipc('link:open', { caseId: created.value.id })).json()).toEqual({ ok: true });
    const opened = (await (
      await fetch(`${harness.origin}/__harness/opened`, { headers: { cookie } })
    ).json()) as string[];
    expect(opened).toEqual([created.value.customerUrl]);
  });

  it('confirms removals only when the test armed main’s confirmation, whatever the page sends', async () => {
    const { value } = (await (await ipc('workspaces:list')).json()) as {
      value: { workspaces: { id: string; environment: string }[] };
    };
    const demo = value.workspaces.find((w) => w.environment === 'demo');
    expect(demo).toBeDefined();
    const id = demo?.id ?? '';
    expect(await (await ipc('workspaces:remove', { id, confirmed: true })).json()).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
    expect(await (await ipc('workspaces:remove', { id })).json()).toMatchObject({
      ok: false,
      error: { code: 'not_confirmed' },
    });
    expect(harness.confirmer.asked.map((r) => r.kind)).toEqual(['workspace-remove']);
    harness.confirmer.arm('workspace-remove');
    expect(await (await ipc('workspaces:remove', { id })).json()).toEqual({ ok: true });
    await ipc('workspaces:create-demo', {});
  });

  it.runIf(hasChromium())('gives the page window.kycDesk under the CSP, like the preload', async () => {
    const browser = await launchChromium();
    try {
      const page = await browser.newPage();
      await page.goto(harness.url);
      await page.waitForFunction('document.getElementById("root")?.textContent === "app"');
      // A string, not a function: this file is type-checked without the DOM library.
      const result = (await page.evaluate(`(async () => {
        const api = window.kycDesk;
        const status = new Promise((resolve) => api.on('sync:status', resolve));
        const info = await api.invoke('app:info', undefined);
        await api.invoke('sync:set-polling', { enabled: false });
        return { keys: Object.keys(api).sort(), info, status: await status };
      })()`)) as { keys: string[]; info: unknown; status: unknown };
      expect(result.keys).toEqual(['invoke', 'on']);
      expect(result.info).toMatchObject({ ok: true, value: { name: 'KYC Desk (harness)' } });
      expect(result.status).toMatchObject({ state: 'paused' });
    } finally {
      await browser.close();
    }
  });
});
