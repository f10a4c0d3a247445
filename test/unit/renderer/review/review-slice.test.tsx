// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAppStore } from '../../../../src/renderer/src/store';
import type { CaseView } from '../../../../src/shared/domain/views';
import {
  auditEvent,
  caseHandlers,
  caseView,
  decision,
  deferred,
  failure,
  fakeBridge,
  PNG_BYTES,
  type FakeBridge,
} from './fixtures';

let bridge: FakeBridge;
let store: ReturnType<typeof createAppStore>;

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
const entry = (caseId = 'case-1') => store.getState().reviewCases[caseId]!;

beforeEach(() => {
  bridge = fakeBridge(caseHandlers());
  window.kycDesk = bridge;
  store = createAppStore();
});

afterEach(() => {
  // @ts-expect-error the bridge is per test
  delete window.kycDesk;
});

describe('reviewOpen', () => {
  it('tells main the case is on screen, loads everything, and lets go on close', async () => {
    const close = store.getState().reviewOpen('case-1');
    await settle();
    expect(bridge.callsTo('cases:viewing')).toEqual([{ caseId: 'case-1' }]);
    expect(bridge.callsTo('cases:get')).toEqual([{ caseId: 'case-1' }]);
    expect(bridge.callsTo('review:decisions')).toEqual([{ caseId: 'case-1' }]);
    expect(bridge.callsTo('audit:list')).toEqual([{ caseId: 'case-1' }]);
    expect(entry().view?.id).toBe('case-1');
    expect(entry().timeline).toHaveLength(1);
    expect(entry().decisions).toEqual([]);
    expect(bridge.listeners('cases:changed')).toBe(1);

    close();
    await settle();
    expect(bridge.callsTo('cases:viewing')).toEqual([{ caseId: 'case-1' }, { caseId: null }]);
    expect(bridge.listeners('cases:changed')).toBe(0);
  });

  it('reloads when main says this case changed, and ignores other cases', async () => {
    const close = store.getState().reviewOpen('case-1');
    await settle();
    bridge.handlers['cases:get'] = () => caseView({ kycStatus: 'Approved' });
    bridge.emit('cases:changed', { ids: ['other-case'] });
    await settle();
    expect(bridge.callsTo('cases:get')).toHaveLength(1);

    bridge.emit('cases:changed', { ids: ['other-case', 'case-1'] });
    await settle();
    expect(bridge.callsTo('cases:get')).toHaveLength(2);
    expect(bridge.callsTo('audit:list')).toHaveLength(2);
    expect(entry().view?.kycStatus).toBe('Approved');
    close();
  });

  it('keeps the error and offers nothing stale when the first load fails', async () => {
    bridge.handlers['cases:get'] = () => failure('case_not_found', 'This case is not in the cache.');
    store.getState().reviewOpen('case-1')();
    await settle();
    expect(entry()).toMatchObject({
      view: null,
      loading: false,
      loadError: 'This case is not in the cache.',
    });
  });
});

describe('reviewLoad', () => {
  it('keeps the last copy on screen when a reload fails', async () => {
    await store.getState().reviewLoad('case-1');
    bridge.handlers['cases:get'] = () => failure('internal', 'Disk trouble.');
    await store.getState().reviewLoad('case-1');
    expect(entry().view?.id).toBe('case-1');
    expect(entry().loadError).toBe('Disk trouble.');
  });

  it('never lets an older, slower answer overwrite a newer one', async () => {
    const slow = deferred<CaseView>();
    const fast = deferred<CaseView>();
    const answers = [slow.promise, fast.promise];
    bridge.handlers['cases:get'] = () => answers.shift()!;
    const first = store.getState().reviewLoad('case-1');
    const second = store.getState().reviewLoad('case-1');
    fast.resolve(caseView({ fullName: 'Newer' }));
    await second;
    slow.resolve(caseView({ fullName: 'Older' }));
    await first;
    expect(entry().view?.fullName).toBe('Newer');
    expect(entry().loading).toBe(false);
  });
});

describe('reviewRefresh', () => {
  it('stores the refreshed case and announces it', async () => {
    bridge.handlers['cases:refresh'] = () => caseView({ idvStatus: 'Completed', fullName: 'Fresh' });
    await store.getState().reviewRefresh('case-1');
    expect(bridge.callsTo('cases:refresh')).toEqual([{ caseId: 'case-1' }]);
    expect(entry()).toMatchObject({ refreshing: false, refreshError: null });
    expect(entry().view?.fullName).toBe('Fresh');
    expect(entry().refreshedAt).toEqual(expect.any(Number));
    expect(store.getState().reviewAnnouncement?.text).toBe('Case refreshed from Ondato.');
  });

  it('keeps the cached case and reports the error when Ondato cannot be reached', async () => {
    await store.getState().reviewLoad('case-1');
    bridge.handlers['cases:refresh'] = () => failure('network', 'Ondato cannot be reached.');
    await store.getState().reviewRefresh('case-1');
    expect(entry()).toMatchObject({ refreshing: false, refreshError: 'Ondato cannot be reached.' });
    expect(entry().view?.id).toBe('case-1');
    expect(store.getState().reviewAnnouncement?.text).toMatch(/Refresh failed\. Ondato cannot be reached\./);
  });
});

describe('reviewDecide', () => {
  it('records the decision, shows it as current, and reloads the history and timeline', async () => {
    await store.getState().reviewLoad('case-1');
    const record = decision({
      id: 7,
      decision: 'reject',
      reasonCode: 'face_mismatch',
      note: 'Different person',
    });
    bridge.handlers['review:decide'] = () => record;
    bridge.handlers['review:decisions'] = () => [decision({ id: 6 }), record];
    bridge.handlers['audit:list'] = () => [auditEvent({ seq: 2, action: 'decision.recorded' })];

    const result = await store.getState().reviewDecide({
      caseId: 'case-1',
      decision: 'reject',
      reasonCode: 'face_mismatch',
      note: 'Different person',
    });
    expect(result).toEqual(record);
    expect(bridge.callsTo('review:decide')).toEqual([
      { caseId: 'case-1', decision: 'reject', reasonCode: 'face_mismatch', note: 'Different person' },
    ]);
    expect(entry().view).toMatchObject({ decision: 'reject', latestDecision: record });
    expect(store.getState().reviewAnnouncement?.text).toBe(
      'Decision recorded: Reject, Selfie does not match the document.',
    );
    await settle();
    expect(entry().decisions?.map((d) => d.id)).toEqual([6, 7]);
    expect(entry().timeline?.[0]?.action).toBe('decision.recorded');
  });

  it('keeps field messages from main and records nothing', async () => {
    bridge.handlers['review:decide'] = () =>
      failure('validation', 'Check the highlighted fields.', { reasonCode: ['Choose a reason.'] });
    const result = await store
      .getState()
      .reviewDecide({ caseId: 'case-1', decision: 'accept', reasonCode: '', note: '' });
    expect(result).toBeNull();
    expect(entry().deciding).toBe(false);
    expect(entry().decideError).toEqual({
      message: 'Check the highlighted fields.',
      fields: { reasonCode: ['Choose a reason.'] },
    });
    store.getState().reviewClearDecideError('case-1');
    expect(entry().decideError).toBeNull();
  });

  it('does not send a second decision while one is being recorded', async () => {
    const answer = deferred<ReturnType<typeof decision>>();
    bridge.handlers['review:decide'] = () => answer.promise;
    const input = { caseId: 'case-1', decision: 'accept' as const, reasonCode: 'verified', note: '' };
    const first = store.getState().reviewDecide(input);
    expect(await store.getState().reviewDecide(input)).toBeNull();
    answer.resolve(decision());
    await first;
    expect(bridge.callsTo('review:decide')).toHaveLength(1);
  });
});

describe('reviewImage', () => {
  it('returns the cached bytes, or the error as a message', async () => {
    const ok = await store.getState().reviewImage('case-1', 'file-front');
    expect(ok).toEqual({ ok: true, image: { mime: 'image/png', bytes: PNG_BYTES } });
    expect(bridge.callsTo('cases:image')).toEqual([{ caseId: 'case-1', fileId: 'file-front' }]);
    bridge.handlers['cases:image'] = () => failure('not_found', 'This image is not in the cache.');
    expect(await store.getState().reviewImage('case-1', 'file-front')).toEqual({
      ok: false,
      message: 'This image is not in the cache.',
    });
  });
});
