import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { createKeytarStore } from '../../../src/main/secrets/keytar-store';

// Runs against the real Secret Service of the test's own D-Bus session (scripts/run-tests.mjs),
// under a service name of its own, and removes what it wrote.
const service = `kyc-desk-test-${randomUUID()}`;
const store = createKeytarStore(service);

afterEach(async () => {
  for (const account of await store.accounts()) await store.delete(account);
});

describe('keytar secret store', () => {
  it('stores, reads, lists and deletes a secret in the OS keychain', async () => {
    await store.set('ws_1:client-secret', 's3cr3t-value');
    expect(await store.get('ws_1:client-secret')).toBe('s3cr3t-value');
    expect(await store.accounts()).toEqual(['ws_1:client-secret']);
    expect(await store.delete('ws_1:client-secret')).toBe(true);
    expect(await store.get('ws_1:client-secret')).toBeNull();
    expect(await store.delete('ws_1:client-secret')).toBe(false);
  });

  it('keeps services apart', async () => {
    const other = createKeytarStore(`${service}-other`);
    await store.set('shared-account', 'a');
    await other.set('shared-account', 'b');
    expect(await store.get('shared-account')).toBe('a');
    expect(await other.get('shared-account')).toBe('b');
    await other.delete('shared-account');
  });

  it('overwrites an existing value', async () => {
    await store.set('ws_2:client-secret', 'first');
    await store.set('ws_2:client-secret', 'second');
    expect(await store.get('ws_2:client-secret')).toBe('second');
    expect(await store.accounts()).toHaveLength(1);
  });
});
