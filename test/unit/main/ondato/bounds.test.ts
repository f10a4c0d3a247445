import { describe, expect, it } from 'vitest';
import {
  capKycFiles,
  knownOnly,
  overCapOf,
  parseBoundedJson,
  RESPONSE_LIMITS,
} from '../../../../src/main/ondato/bounds';
import { kycIdentificationSchema, type KycIdentification } from '../../../../src/shared/wire/schemas';

describe('parseBoundedJson', () => {
  it('parses ordinary JSON unchanged, brackets inside strings not counted', () => {
    const text = JSON.stringify({ a: '[[[[{{{{"\\', b: [1, { c: ']]]}}}' }] });
    expect(parseBoundedJson(text, 3)).toEqual({ value: JSON.parse(text), pruned: false });
  });

  it('replaces what is nested deeper than the limit by null, without recursion', () => {
    const depth = 100_000;
    const text = `{"id":"k","deep":${'['.repeat(depth)}"x"${']'.repeat(depth)},"after":1}`;
    const { value, pruned } = parseBoundedJson(text, 3);
    expect(pruned).toBe(true);
    expect(value).toEqual({ id: 'k', deep: [[null]], after: 1 });
  });

  it('throws a SyntaxError for text that is not JSON, like JSON.parse', () => {
    expect(() => parseBoundedJson('{"a": [', 32)).toThrow(SyntaxError);
    expect(() => parseBoundedJson(`{"a": ${'['.repeat(50)}`, 32)).toThrow(SyntaxError);
  });
});

describe('knownOnly', () => {
  it('keeps the fields the schema names, drops the rest, caps strings and nested lists', () => {
    const kyc = {
      id: 'k',
      status: 'Approved',
      extra: 'x'.repeat(100),
      document: { firstName: 'R'.repeat(RESPONSE_LIMITS.maxStringChars + 5), secret: { a: 1 } },
      rules: Array.from({ length: RESPONSE_LIMITS.maxListItems + 10 }, (_, i) => ({
        name: `r${i}`,
        status: 'Success',
        x: 1,
      })),
    };
    const kept = knownOnly(kycIdentificationSchema, kyc) as KycIdentification;
    expect(Object.keys(kept).sort()).toEqual(['document', 'id', 'rules', 'status']);
    expect(kept.document?.firstName).toHaveLength(RESPONSE_LIMITS.maxStringChars);
    expect(kept.document).not.toHaveProperty('secret');
    expect(kept.rules).toHaveLength(RESPONSE_LIMITS.maxListItems);
    expect(kept.rules?.[0]).toEqual({ name: 'r0', status: 'Success' });
  });
});

describe('capKycFiles', () => {
  const file = (fileId: string) => ({ fileId, part: 'Front' });

  it('keeps the document files first, then additional ones, up to the limit, and marks the KYC', () => {
    const kyc: KycIdentification = {
      id: 'k',
      status: 'Awaiting',
      document: { files: [file('d1'), file('d2')] },
      additionalFiles: Array.from({ length: 5_000 }, (_, i) => file(`a${i}`)),
    };
    const capped = capKycFiles(kyc);
    expect(capped.document?.files?.map((f) => f.fileId)).toEqual(['d1', 'd2']);
    expect(capped.additionalFiles).toHaveLength(RESPONSE_LIMITS.maxFilesPerKyc - 2);
    expect(overCapOf(capped)).toEqual(['files']);
  });

  it('leaves a KYC within the limit alone, repeated ids not counted', () => {
    const kyc: KycIdentification = {
      id: 'k',
      status: 'Awaiting',
      document: { files: Array.from({ length: 50 }, (_, i) => file(`d${i}`)) },
      additionalFiles: [file('d0'), file('d1')],
    };
    expect(capKycFiles(kyc)).toBe(kyc);
    expect(overCapOf(kyc)).toEqual([]);
  });
});
