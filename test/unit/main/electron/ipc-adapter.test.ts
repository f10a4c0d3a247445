import { beforeEach, describe, expect, it, vi } from 'vitest';
import { requestChannels } from '../../../../src/shared/ipc/channels';
import type { HandlerMap } from '../../../../src/main/ipc/handle';

type Listener = (event: unknown, input: unknown) => Promise<unknown>;
const registered = vi.hoisted(() => new Map<string, Listener[]>());

vi.mock('electron', () => ({
  ipcMain: {
    handle: (channel: string, listener: Listener) => {
      registered.set(channel, [...(registered.get(channel) ?? []), listener]);
    },
  },
}));

const { registerIpc, FORBIDDEN_SENDER, isTrustedSender } =
  await import('../../../../src/main/electron/ipc-adapter');

const info = { name: 'KYC Desk', version: '1.0.0', versions: { node: '20' } };
const appInfo = vi.fn(async () => info);
const caseGet = vi.fn(async () => ({ id: 'c1' }));
// Only app:info and cases:get are called; dispatch looks a handler up by channel name, so a partial
// map behind a cast is enough (as in test/unit/main/ipc/handle.test.ts).
const handlers = { 'app:info': appInfo, 'cases:get': caseGet } as unknown as HandlerMap;

function makeWindow(url = 'app://kyc-desk/index.html') {
  const mainFrame = { url, parent: null };
  const webContents = { mainFrame };
  return { isDestroyed: () => false, webContents, mainFrame };
}

let win = makeWindow();
function call(channel: string, event: unknown, input?: unknown): Promise<unknown> {
  const listener = registered.get(channel)?.[0];
  if (!listener) throw new Error(`${channel} not registered`);
  return listener(event, input);
}
const fromApp = () => ({ sender: win.webContents, senderFrame: win.mainFrame });

beforeEach(() => {
  registered.clear();
  appInfo.mockClear();
  win = makeWindow();
  registerIpc(handlers, () => win);
});

describe('registerIpc', () => {
  it('registers every contract channel exactly once and nothing else', () => {
    expect([...registered.keys()].sort()).toEqual([...requestChannels].sort());
    for (const listeners of registered.values()) expect(listeners).toHaveLength(1);
  });

  it('serves our window’s top frame on app://kyc-desk through dispatch (envelope)', async () => {
    await expect(call('app:info', fromApp())).resolves.toEqual({ ok: true, value: info });
    expect(appInfo).toHaveBeenCalledOnce();
  });

  it('refuses another webContents with forbidden_sender, before any handler runs', async () => {
    const other = { mainFrame: { url: 'app://kyc-desk/index.html', parent: null } };
    const result = await call('app:info', { sender: other, senderFrame: other.mainFrame });
    expect(result).toEqual(FORBIDDEN_SENDER);
    expect(result).toMatchObject({ ok: false, error: { code: 'forbidden_sender' } });
    expect(appInfo).not.toHaveBeenCalled();
  });

  it('refuses a subframe of our own window', async () => {
    const sub = { url: 'app://kyc-desk/index.html', parent: win.mainFrame };
    await expect(call('app:info', { sender: win.webContents, senderFrame: sub })).resolves.toEqual(
      FORBIDDEN_SENDER,
    );
  });

  it.each([
    'file:///etc/passwd',
    'https://evil.example/',
    'http://127.0.0.1:5173/',
    'app://kyc-desk.evil/index.html',
    'app://user@kyc-desk/index.html',
    'app://other/index.html',
    'about:blank',
    '',
  ])('refuses our top frame once it shows %j', async (url) => {
    win.mainFrame.url = url;
    await expect(call('app:info', fromApp())).resolves.toEqual(FORBIDDEN_SENDER);
    expect(appInfo).not.toHaveBeenCalled();
  });

  it('refuses a missing frame, a closed window, or no window', async () => {
    await expect(call('app:info', { sender: win.webContents, senderFrame: null })).resolves.toEqual(
      FORBIDDEN_SENDER,
    );
    const closed = { ...win, isDestroyed: () => true };
    expect(isTrustedSender(fromApp(), closed)).toBe(false);
    expect(isTrustedSender(fromApp(), null)).toBe(false);
  });

  it('refuses invalid input with invalid_input and never calls the handler', async () => {
    await expect(call('app:info', fromApp(), { path: '/etc/passwd' })).resolves.toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
    await expect(call('cases:get', fromApp(), { caseId: '', extra: 1 })).resolves.toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
    expect(appInfo).not.toHaveBeenCalled();
    expect(caseGet).not.toHaveBeenCalled();
  });

  it('has no listener for a channel outside the contract (the renderer cannot reach one)', () => {
    expect(registered.has('fs:read')).toBe(false);
    expect(registered.has('shell:openExternal')).toBe(false);
  });
});

describe('the counter window (counter mode)', () => {
  const counterView = vi.fn(async () => ({ caseId: 'case-1' }));
  const counterHandlers = {
    ...handlers,
    'counter:view': counterView,
    'counter:close': vi.fn(async () => undefined),
  } as unknown as HandlerMap;
  let counter = { ...makeWindow('app://kyc-desk/counter.html#case-1'), caseId: 'case-1' };
  const fromCounter = () => ({ sender: counter.webContents, senderFrame: counter.mainFrame });

  beforeEach(() => {
    registered.clear();
    counterView.mockClear();
    counter = { ...makeWindow('app://kyc-desk/counter.html#case-1'), caseId: 'case-1' };
    registerIpc(
      counterHandlers,
      () => win,
      undefined,
      () => [counter],
    );
  });

  it('may read its own case’s counter view', async () => {
    await expect(call('counter:view', fromCounter(), { caseId: 'case-1' })).resolves.toEqual({
      ok: true,
      value: { caseId: 'case-1' },
    });
  });

  it('may not read another case, call any other channel, or call from another page', async () => {
    await expect(call('counter:view', fromCounter(), { caseId: 'case-2' })).resolves.toEqual(
      FORBIDDEN_SENDER,
    );
    await expect(call('cases:get', fromCounter(), { caseId: 'case-1' })).resolves.toEqual(FORBIDDEN_SENDER);
    await expect(call('app:info', fromCounter())).resolves.toEqual(FORBIDDEN_SENDER);
    counter.mainFrame.url = 'app://kyc-desk/index.html';
    await expect(call('counter:view', fromCounter(), { caseId: 'case-1' })).resolves.toEqual(
      FORBIDDEN_SENDER,
    );
    expect(counterView).not.toHaveBeenCalled();
    expect(caseGet).not.toHaveBeenCalled();
  });

  it('the officer’s window keeps every channel, the counter ones included', async () => {
    await expect(call('counter:view', fromApp(), { caseId: 'case-2' })).resolves.toMatchObject({ ok: true });
  });
});
