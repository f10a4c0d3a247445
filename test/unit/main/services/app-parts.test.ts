import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { caseLabel, noticeFor, noticeKind } from '../../../../src/main/app/notify';
import type { CaseChange } from '../../../../src/main/sync/types';
import { generateExternalRef, registrationOf } from '../../../../src/main/services/case-create';
import { createEventBus } from '../../../../src/main/events';
import { createFileLogger, looksSecret, sanitizeMeta } from '../../../../src/main/logger';
import { defaultDataDir } from '../../../../src/main/paths';
import { newCaseSchema } from '../../../../src/shared/validation/registration';
import { decodeBytes, encodeBytes } from '../../../e2e/harness/codec';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('defaultDataDir', () => {
  it('follows each platform and honours KYC_DESK_DATA_DIR', () => {
    expect(defaultDataDir({ platform: 'linux', env: {}, home: '/home/o' })).toBe('/home/o/.config/KYC Desk');
    expect(defaultDataDir({ platform: 'linux', env: { XDG_CONFIG_HOME: '/x' }, home: '/home/o' })).toBe(
      '/x/KYC Desk',
    );
    expect(defaultDataDir({ platform: 'darwin', env: {}, home: '/Users/o' })).toBe(
      '/Users/o/Library/Application Support/KYC Desk',
    );
    expect(
      defaultDataDir({
        platform: 'win32',
        env: { APPDATA: 'C:\\Users\\o\\AppData\\Roaming' },
        home: 'C:\\Users\\o',
      }),
    ).toBe('C:\\Users\\o\\AppData\\Roaming\\KYC Desk');
    expect(defaultDataDir({ platform: 'linux', env: { KYC_DESK_DATA_DIR: '/data' }, home: '/home/o' })).toBe(
      '/data',
    );
  });
});

describe('file logger', () => {
  it('writes JSON lines, redacts secret-looking values and rotates by size', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kyc-desk-log-'));
    dirs.push(dir);
    const log = createFileLogger({ dir, maxBytes: 400, keep: 2, now: () => 0 });
    log.info('workspace test failed', { code: 'auth_failed', token: 'abc', header: 'Bearer xyz' });
    const first = JSON.parse(readFileSync(join(dir, 'app.log'), 'utf8').trim()) as Record<string, unknown>;
    expect(first).toEqual({
      at: '1970-01-01T00:00:00.000Z',
      level: 'info',
      message: 'workspace test failed',
      code: 'auth_failed',
      token: '[redacted]',
      header: '[redacted]',
    });
    log.debug('not written at info level');
    for (let i = 0; i < 20; i++) log.warn('again', { i });
    expect(readdirSync(dir).sort()).toEqual(['app.log', 'app.log.1', 'app.log.2']);
    expect(readFileSync(join(dir, 'app.log'), 'utf8')).not.toContain('not written');
  });

  it('tells secrets from ids', () => {
    expect(looksSecret('3f2b1c9a-1d2e-4f5a-8b6c-7d8e9f0a1b2c')).toBe(false);
    expect(looksSecret('8F3A0C1D9E2B4A6C8F3A0C1D9E2B4A6C')).toBe(true);
    expect(looksSecret('client_secret=abc')).toBe(true);
    expect(sanitizeMeta({ error: new TypeError('Rasa Petraitienė') })).toEqual({
      error: { kind: 'TypeError' },
    });
  });
});

describe('notifications', () => {
  const notice = (change: CaseChange, label: string) => {
    const kind = noticeKind(change);
    return kind === null ? null : noticeFor([{ caseId: change.caseId, label, kind }]);
  };

  it('names the reference, never the customer, and only for completion or an Ondato decision', () => {
    expect(
      notice(
        { caseId: 'c1', transitions: [{ kind: 'idv_status', from: 'InProgress', to: 'Completed' }] },
        'REF-1',
      ),
    ).toEqual({
      title: 'Case REF-1 completed',
      body: 'The customer finished the verification.',
      queue: 'needs-decision',
    });
    expect(
      notice(
        {
          caseId: 'c1',
          transitions: [{ kind: 'kyc_status', from: 'Awaiting', to: 'Rejected', reason: 'DocumentExpired' }],
        },
        'REF-1',
      )?.title,
    ).toBe('Ondato rejected case REF-1');
    expect(notice({ caseId: 'c1', transitions: [{ kind: 'kyc_submitted' }] }, 'REF-1')).toBeNull();
    expect(caseLabel('68c7294f-f3f2-4118', null)).toBe('68c7294f');
  });

  it('puts several cases into one notice that counts them and opens their queue', () => {
    expect(
      noticeFor([
        { caseId: 'a', label: 'REF-1', kind: 'approved' },
        { caseId: 'b', label: 'REF-2', kind: 'completed' },
        { caseId: 'c', label: 'REF-3', kind: 'rejected' },
        { caseId: 'd', label: 'REF-4', kind: 'completed' },
      ]),
    ).toEqual({
      title: '4 cases need your decision',
      body: 'Ondato decided 2 cases; 2 customers finished: REF-1, REF-2, REF-3 and 1 more.',
      queue: 'needs-decision',
    });
    expect(noticeFor([])).toBeNull();
  });
});

describe('case creation helpers', () => {
  it('sends the phone as a number of digits and generates unique references', () => {
    const parsed = newCaseSchema.parse({
      firstName: 'Ona',
      lastName: 'B',
      phone: '+370 (624) 51-514',
      countryCode: 'lt',
      email: '',
    });
    expect(registrationOf(parsed)).toEqual({
      firstName: 'Ona',
      lastName: 'B',
      phoneNumber: 37062451514,
      countryCode: 'LT',
    });
    const taken = new Set<string>();
    const now = Date.parse('2025-03-10T12:00:00Z');
    for (let i = 0; i < 50; i++) {
      const ref = generateExternalRef(now, (r) => taken.has(r));
      expect(ref).toMatch(/^KD-20250310-[A-HJ-NP-Z2-9]{4,}$/);
      taken.add(ref);
    }
    expect(taken.size).toBe(50);
  });
});

describe('event bus and byte codec', () => {
  it('delivers to typed and catch-all listeners and survives a failing one', () => {
    const failures: string[] = [];
    const bus = createEventBus((event) => failures.push(event));
    const got: unknown[] = [];
    bus.on('cases:changed', () => {
      throw new Error('closed window');
    });
    const off = bus.on('cases:changed', (p) => got.push(p.ids));
    bus.onAny((event) => got.push(event));
    bus.emit('cases:changed', { ids: ['a'] });
    off();
    bus.emit('cases:changed', { ids: ['b'] });
    expect(got).toEqual([['a'], 'cases:changed', 'cases:changed']);
    expect(failures).toEqual(['cases:changed', 'cases:changed']);
  });

  it('round-trips bytes as { $bytes }', () => {
    const value = { mime: 'image/png', bytes: new Uint8Array([0, 1, 255]), list: [new Uint8Array([7])] };
    const wire = JSON.parse(JSON.stringify(encodeBytes(value))) as unknown;
    expect(wire).toEqual({ mime: 'image/png', bytes: { $bytes: 'AAH/' }, list: [{ $bytes: 'Bw==' }] });
    expect(decodeBytes(wire)).toEqual(value);
  });
});
