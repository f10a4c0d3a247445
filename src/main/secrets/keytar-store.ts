import { createRequire } from 'node:module';
import type * as KeytarModule from 'keytar';
import { AppError } from '../errors';
import { SECRET_SERVICE, type SecretStore } from './secret-store';

type Keytar = typeof KeytarModule;

const UNAVAILABLE =
  'The system keychain is not available. On Linux, KYC Desk needs a Secret Service ' +
  '(GNOME Keyring or KWallet) running and unlocked.';

/** keytar is loaded on first use so that a machine without a keychain gets a clear error, not a crash. */
function loadKeytar(): Keytar {
  try {
    return createRequire(__filename)('keytar') as Keytar;
  } catch (cause) {
    throw new AppError('keychain_unavailable', UNAVAILABLE, { cause });
  }
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
export function createKeytarStore(service: string = SECRET_SERVICE): SecretStore {
  let keytar: Keytar | null = null;
  const lib = (): Keytar => (keytar ??= loadKeytar());
  return {
    get: (account) => guarded(() => lib().getPassword(service, account)),
    set: (account, value) => guarded(() => lib().setPassword(service, account, value)),
    delete: (account) => guarded(() => lib().deletePassword(service, account)),
    accounts: () =>
      guarded(async () => (await lib().findCredentials(service)).map((credential) => credential.account)),
  };
}
