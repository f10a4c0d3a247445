export { startHarness, HARNESS_KEYCHAIN_SERVICE, type Harness, type HarnessOptions } from './server';
export { HARNESS_CSP, injectBridge } from './static';
export { encodeBytes, decodeBytes } from './codec';
export { createHarnessConfirmer, type HarnessConfirmer } from './confirmer';
export { ipc } from './ipc';
