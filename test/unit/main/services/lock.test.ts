import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../../src/main/app/core';
import * as settingsRepo from '../../../../src/main/db/repos/settings';
import { dispatch } from '../../../../src/main/ipc/handle';
import { silentLogger } from '../../../../src/main/logger';
import { createMemoryStore } from '../../../../src/main/secrets/memory-store';
import {
  MAX_PIN_TRIES,
  OPEN_WHILE_LOCKED,
  PIN_KEY,
  PIN_THROTTLE_MS,
} from '../../../../src/main/services/lock';
import type { LockStatus } from '../../../../src/shared/domain/views';
import { requestChannels } from '../../../../src/shared/ipc/channels';

const PIN = '482913';
const MINUTE = 60_000;

let dir: string;
let core: Core;
let clock: number;
let changes: LockStatus[];

async function open(): Promise<Core> {
  const next = await createCore({
    dataDir: dir,
    secrets: secrets,
    clock: { now: () => clock },
    osUser: 'tester',
    logger: silentLogger,
    shell: { openExternal: async () => undefined },
    notifier: { notify: () => undefined },
  });
  next.events.on('lock:changed', (status) => changes.push(status));
  return next;
}

const call = (channel: string, input?: unknown) => dispatch(core.handlers, channel, input);
let secrets = createMemoryStore();

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'kyc-desk-lock-'));
  secrets = createMemoryStore();
  clock = Date.UTC(2024, 2, 5, 9, 0);
  changes = [];
  core = await open();
});

afterEach(async () => {
  await core.close();
  rmSync(dir, { recursive: true, force: true });
});

async function setPin(minutes = 5): Promise<void> {
  expect(await call('lock:set-pin', { pin: PIN })).toMatchObject({
    ok: true,
    value: { locked: false, pinSet: true },
  });
  expect(await call('settings:set', { autoLockMinutes: minutes })).toMatchObject({
    ok: true,
    value: { autoLockMinutes: minutes },
  });
}

describe('auto-lock', () => {
  it('is off by default and stores only a salted scrypt hash of the PIN', async () => {
    expect(await call('lock:status')).toEqual({
      ok: true,
      value: { locked: false, pinSet: false, retryAt: null },
    });
    expect(await call('settings:get')).toMatchObject({ ok: true, value: { autoLockMinutes: 0 } });
    // Without a PIN there is nothing to unlock with.
    expect(await call('lock:now')).toMatchObject({ ok: false, error: { code: 'pin_not_set' } });

    await setPin();
    const stored = settingsRepo.get(core.db, PIN_KEY) ?? '';
    expect(stored).not.toContain(PIN);
    expect(Buffer.from(stored).toString('base64')).not.toContain(Buffer.from(PIN).toString('base64'));
    const parsed = JSON.parse(stored) as Record<string, unknown>;
    expect(parsed).toMatchObject({ n: 2 ** 15, r: 8, p: 1 });
    expect(Buffer.from(String(parsed['salt']), 'base64')).toHaveLength(16);
    expect(Buffer.from(String(parsed['hash']), 'base64')).toHaveLength(32);
    // A second PIN gets a fresh salt, so equal PINs never share a hash.
    await call('lock:set-pin', { pin: PIN, currentPin: PIN });
    expect(JSON.parse(settingsRepo.get(core.db, PIN_KEY) ?? '{}')).not.toMatchObject({
      salt: parsed['salt'],
    });
  });

  it('refuses PINs that are not 4 to 12 digits', async () => {
    for (const pin of ['123', '1234567890123', '12a4', ' 1234']) {
      expect(await call('lock:set-pin', { pin }), pin).toMatchObject({
        ok: false,
        error: { code: 'invalid_input', fields: { pin: [expect.any(String)] } },
      });
    }
  });

  it('locks after the idle minutes on the clock, and activity restarts the count', async () => {
    await setPin(5);
    clock += 4 * MINUTE;
    expect(await call('workspaces:list')).toMatchObject({ ok: true });
    await call('lock:activity');
    clock += 4 * MINUTE;
    // Four minutes since the last activity: still open (data calls are not activity).
    expect(await call('workspaces:list')).toMatchObject({ ok: true });
    expect(core.services.lock.check()).toBe(false);
    clock += MINUTE;
    expect(core.services.lock.check()).toBe(true);
    expect(changes.at(-1)).toEqual({ locked: true, pinSet: true, retryAt: null });
    expect(await call('workspaces:list')).toEqual({
      ok: false,
      error: { code: 'locked', message: 'KYC Desk is locked. Enter your PIN to continue.' },
    });
    // Activity while locked does not unlock.
    await call('lock:activity');
    expect(await call('lock:status')).toMatchObject({ ok: true, value: { locked: true } });
  });

  it('never auto-locks with auto-lock off or without a PIN', async () => {
    await call('settings:set', { autoLockMinutes: 1 });
    clock += 60 * MINUTE;
    expect(core.services.lock.check()).toBe(false);
    await call('lock:set-pin', { pin: PIN });
    await call('settings:set', { autoLockMinutes: 0 });
    clock += 60 * MINUTE;
    expect(core.services.lock.check()).toBe(false);
    expect(await call('workspaces:list')).toMatchObject({ ok: true });
  });

  it('while locked refuses every channel but app:info, settings:get, sync:status, lock:* and the counter view', async () => {
    await setPin();
    expect(await call('lock:now')).toMatchObject({ ok: true, value: { locked: true } });
    const open = [...OPEN_WHILE_LOCKED].sort();
    expect(open).toEqual(
      [
        'app:info',
        'settings:get',
        'sync:status',
        ...requestChannels.filter((c) => c.startsWith('lock:')),
        // The customer-facing counter view (ADR 0018): the link and progress of a case the officer put on it.
        'counter:view',
        'counter:close',
      ].sort(),
    );
    // The guard runs before any handler, whatever the input.
    for (const channel of requestChannels) {
      if (OPEN_WHILE_LOCKED.has(channel)) continue;
      const handler = core.handlers[channel] as (input: unknown) => Promise<unknown>;
      await expect(handler({}), channel).rejects.toMatchObject({ code: 'locked' });
    }
    // And through dispatch with valid input, as the renderer sees it.
    expect(await call('settings:set', { theme: 'dark' })).toMatchObject({
      ok: false,
      error: { code: 'locked' },
    });
    expect(await call('cases:list', { sort: 'created', dir: 'desc', limit: 10 })).toMatchObject({
      ok: false,
      error: { code: 'locked' },
    });
    expect(await call('app:info')).toMatchObject({ ok: true });
    expect(await call('settings:get')).toMatchObject({ ok: true });
    expect(await call('sync:status')).toMatchObject({ ok: true });
    expect(await call('lock:status')).toMatchObject({ ok: true, value: { locked: true } });
    // The refused settings change did not happen.
    expect(await call('settings:get')).toMatchObject({ ok: true, value: { theme: 'system' } });
  });

  it('unlocks with the right PIN; wrong PINs are refused and throttled after five in a row', async () => {
    await setPin();
    await call('lock:now');
    expect(await call('lock:unlock', { pin: '0000' })).toMatchObject({
      ok: false,
      error: { code: 'pin_incorrect', fields: { pin: [expect.any(String)] } },
    });
    for (let i = 2; i < MAX_PIN_TRIES; i += 1) {
      expect(await call('lock:unlock', { pin: '0000' })).toMatchObject({
        ok: false,
        error: { code: 'pin_incorrect' },
      });
    }
    const fifth = await call('lock:unlock', { pin: '0000' });
    expect(fifth).toMatchObject({
      ok: false,
      error: {
        code: 'pin_throttled',
        message: 'Too many wrong PINs. Try again in 30 seconds.',
        fields: { retryAt: [String(clock + PIN_THROTTLE_MS)] },
      },
    });
    expect(await call('lock:status')).toMatchObject({
      ok: true,
      value: { locked: true, retryAt: clock + PIN_THROTTLE_MS },
    });
    // Even the right PIN waits out the delay.
    clock += PIN_THROTTLE_MS - 10_000;
    expect(await call('lock:unlock', { pin: PIN })).toMatchObject({
      ok: false,
      error: { code: 'pin_throttled', message: 'Too many wrong PINs. Try again in 10 seconds.' },
    });
    // Changing or removing the PIN counts against the same tries.
    expect(await call('lock:clear-pin', { currentPin: PIN })).toMatchObject({
      ok: false,
      error: { code: 'pin_throttled' },
    });
    clock += 10_000;
    expect(await call('lock:unlock', { pin: PIN })).toEqual({
      ok: true,
      value: { locked: false, pinSet: true, retryAt: null },
    });
    expect(changes.at(-1)).toEqual({ locked: false, pinSet: true, retryAt: null });
    expect(await call('workspaces:list')).toMatchObject({ ok: true });
  });

  it('needs the current PIN to change or remove it', async () => {
    await setPin();
    expect(await call('lock:set-pin', { pin: '1111' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', fields: { currentPin: [expect.any(String)] } },
    });
    expect(await call('lock:set-pin', { pin: '1111', currentPin: '9999' })).toMatchObject({
      ok: false,
      error: { code: 'pin_incorrect', fields: { currentPin: [expect.any(String)] } },
    });
    expect(await call('lock:set-pin', { pin: '1111', currentPin: PIN })).toMatchObject({ ok: true });
    expect(await call('lock:clear-pin', { currentPin: PIN })).toMatchObject({
      ok: false,
      error: { code: 'pin_incorrect' },
    });
    expect(await call('lock:clear-pin', { currentPin: '1111' })).toEqual({
      ok: true,
      value: { locked: false, pinSet: false, retryAt: null },
    });
    expect(settingsRepo.get(core.db, PIN_KEY)).toBeNull();
  });

  it('starts locked when a PIN is set, so a restart does not get round it', async () => {
    await setPin();
    await core.close();
    core = await open();
    expect(await call('lock:status')).toMatchObject({ ok: true, value: { locked: true, pinSet: true } });
    expect(await call('workspaces:list')).toMatchObject({ ok: false, error: { code: 'locked' } });
    expect(await call('lock:unlock', { pin: PIN })).toMatchObject({ ok: true, value: { locked: false } });
  });
});
