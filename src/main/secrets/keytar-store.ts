import { createRequire } from 'node:module';
import type * as KeytarModule from 'keytar';
import { AppError } from '../errors';
import { SECRET_SERVICE, type SecretStore } from './secret-store';

type Keytar = typeof KeytarModule;

const UNAVAILABLE =
  'The system keychain is not available. On Linux, KYC Desk needs a Secret Service ' +
  '(GNOME Keyring or KWallet) running and unlocked.';

function isKeytar(value: unknown): value is Keytar {
  if (typeof value !== 'object' || value === null) return false;
  return ['getPassword', 'setPassword', 'deletePassword', 'findCredentials'].every(
    (name) => typeof Reflect.get(value, name) === 'function',
  );
}

/**
 * Electron loads its own-ABI build of keytar.node from the side directory (src/main/native.ts)
 * with process.dlopen: the addon's exports already are the promise API that keytar's JS wraps. Node
 * (tests, CLI) requires the package from node_modules as usual.
 */
function requireKeytar(nativePath: string | undefined): unknown {
  if (nativePath !== undefined && process.versions.electron) {
    const addon: { exports: unknown } = { exports: {} };
    process.dlopen(addon, nativePath);
    return addon.exports;
  }
  return createRequire(__filename)('keytar');
}

/** keytar is loaded on first use so that a machine without a keychain gets a clear error, not a crash. */
function loadKeytar(nativePath: string | undefined): Keytar {
  let loaded: unknown;
  try {
    loaded = requireKeytar(nativePath);
  } catch (cause) {
    throw new AppError('keychain_unavailable', UNAVAILABLE, { cause });
  }
  if (!isKeytar(loaded)) throw new AppError('keychain_unavailable', UNAVAILABLE);
  return loaded;
}

export interface KeytarStoreOptions {
  /** Electron: path of its own-ABI keytar.node build. Ignored outside Electron. */
  nativePath?: string;
}

async function guarded<T>(operation: () => Promise<T>): Promise<T> {
  try {
    return await operation();
  } catch (cause) {
    if (cause instanceof AppError) throw cause;
    // keytar's messages can echo D-Bus details but never the secret; we still do not pass them on.
    throw new AppError('keychain_unavailable', UNAVAILABLE, { cause });
  }
}

/** The OS keychain: macOS Keychain, Windows Credential Manager, Linux Secret Service. */
export function createKeytarStore(
  service: string = SECRET_SERVICE,
  options: KeytarStoreOptions = {},
): SecretStore {
  let keytar: Keytar | null = null;
  const lib = (): Keytar => (keytar ??= loadKeytar(options.nativePath));
  return {
    get: (account) => guarded(() => lib().getPassword(service, account)),
    set: (account, value) => guarded(() => lib().setPassword(service, account, value)),
    delete: (account) => guarded(() => lib().deletePassword(service, account)),
    accounts: () =>
      guarded(async () => (await lib().findCredentials(service)).map((credential) => credential.account)),
  };
}
