import { eventChannels, requestChannels } from '../../../src/shared/ipc/channels';

/**
 * The browser half of the harness: defines `window.kycDesk` exactly as the preload does (KycDeskApi:
 * `invoke` and `on`, nothing else), over HTTP instead of Electron IPC. invoke → POST /__ipc/<channel>
 * with `{ input }`; on → one EventSource on /__events, dispatched by event name (requests wait for it
 * to open, so no event a request causes is missed). Bytes travel as
 * `{ "$bytes": base64 }` both ways (codec.ts). Served as /__harness/bridge.js, a classic script placed
 * before the app's module script, so the API exists before the app runs. The event stream opens as
 * the bridge loads, not at the first on(): in Electron a listener costs no round trip, and the app's
 * first requests (made right after it subscribes) should not wait for the stream's handshake here.
 * Answers without bytes skip the decoding walk, as structured cloning in Electron has none.
 */
export function bridgeScript(): string {
  return `(() => {
  'use strict';
  const channels = ${JSON.stringify(requestChannels)};
  const events = ${JSON.stringify(eventChannels)};
  const toB64 = (bytes) => {
    let text = '';
    for (let i = 0; i < bytes.length; i += 0x8000) text += String.fromCharCode.apply(null, bytes.subarray(i, i + 0x8000));
    return btoa(text);
  };
  const fromB64 = (text) => {
    const bin = atob(text);
    const out = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
    return out;
  };
  const encode = (v) => {
    if (v instanceof Uint8Array) return { $bytes: toB64(v) };
    if (Array.isArray(v)) return v.map(encode);
    if (v !== null && typeof v === 'object') {
      const out = {};
      for (const key of Object.keys(v)) out[key] = encode(v[key]);
      return out;
    }
    return v;
  };
  const decode = (v) => {
    if (Array.isArray(v)) return v.map(decode);
    if (v !== null && typeof v === 'object') {
      const keys = Object.keys(v);
      if (keys.length === 1 && keys[0] === '$bytes' && typeof v.$bytes === 'string') return fromB64(v.$bytes);
      const out = {};
      for (const key of keys) out[key] = decode(v[key]);
      return out;
    }
    return v;
  };
  const listeners = new Map();
  let source = null;
  // Until the event stream is open, requests wait for it: in Electron a listener is live as soon as
  // on() returns, so an event caused by a request made after on() must not be lost here either.
  // Once it is open, a request is sent at once (as ipcRenderer.invoke sends), not a microtask later
  // behind whatever else the page queued.
  let opened = Promise.resolve();
  let open = true;
  const connect = () => {
    if (source) return;
    source = new EventSource('/__events');
    open = false;
    opened = new Promise((resolve) => {
      const done = () => { open = true; resolve(); };
      source.addEventListener('open', done, { once: true });
      source.addEventListener('error', done, { once: true });
    });
    for (const name of events) {
      source.addEventListener(name, (message) => {
        const payload = decode(JSON.parse(message.data));
        for (const listener of [...(listeners.get(name) || [])]) {
          try { listener(payload); } catch (error) { console.error(error); }
        }
      });
    }
  };
  const unreachable = { ok: false, error: { code: 'harness_unreachable', message: 'The test harness did not answer.' } };
  const api = {
    invoke(channel, input) {
      if (!channels.includes(channel)) {
        return Promise.resolve({ ok: false, error: { code: 'unknown_channel', message: 'Unknown request.' } });
      }
      const send = () => {
        try {
          return fetch('/__ipc/' + encodeURIComponent(channel), {
            method: 'POST',
            credentials: 'same-origin',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ input: encode(input) }),
          });
        } catch (error) {
          return Promise.reject(error);
        }
      };
      return (open ? send() : opened.then(send))
        .then((response) => response.text())
        .then((text) => ({ text, value: JSON.parse(text) }))
        .then(({ text, value }) => (text.includes('"$bytes"') ? decode(value) : value), () => unreachable);
    },
    on(event, listener) {
      if (!events.includes(event)) return () => undefined;
      connect();
      const set = listeners.get(event) || new Set();
      listeners.set(event, set);
      set.add(listener);
      return () => { set.delete(listener); };
    },
  };
  Object.defineProperty(window, 'kycDesk', { value: Object.freeze(api), writable: false, configurable: false });
  connect();
})();
`;
}
