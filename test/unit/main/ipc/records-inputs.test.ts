import { describe, expect, it } from 'vitest';
import { inputs } from '../../../../src/shared/ipc/contract';

describe('retention, redaction and import inputs', () => {
  it('refuses a redaction without the confirmation the dialog gives', () => {
    expect(inputs['cases:redact'].safeParse({ caseId: 'idv-1' }).success).toBe(false);
    expect(inputs['cases:redact'].safeParse({ caseId: 'idv-1', confirm: false }).success).toBe(false);
    expect(inputs['cases:redact'].safeParse({ caseId: 'idv-1', confirm: true }).success).toBe(true);
  });

  it('takes a retention period of 1 to 36500 days, or null for off', () => {
    expect(inputs['retention:set'].safeParse({ days: null }).success).toBe(true);
    expect(inputs['retention:set'].safeParse({ days: 1826 }).success).toBe(true);
    for (const days of [0, -1, 1.5, 36_501, '30']) {
      expect(inputs['retention:set'].safeParse({ days }).success).toBe(false);
    }
  });

  it('imports 1 to 100 ids', () => {
    expect(inputs['cases:import'].safeParse({ ids: [] }).success).toBe(false);
    expect(
      inputs['cases:import'].safeParse({ ids: Array.from({ length: 101 }, (_, i) => `id-${i}`) }).success,
    ).toBe(false);
    expect(inputs['cases:import'].safeParse({ ids: ['a', 'b'] }).success).toBe(true);
  });
});
