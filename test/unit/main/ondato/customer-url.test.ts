import { describe, expect, it } from 'vitest';
import {
  customerHostOf,
  customerOrigin,
  customerUrl,
  isCustomerUrl,
} from '../../../../src/main/ondato/customer-url';
import { OndatoError } from '../../../../src/main/ondato/errors';

describe('customerUrl', () => {
  it('builds the documented link', () => {
    expect(customerUrl('89e50d98-c556-4818-8562-3cd98608bf09', 'https://idv.ondato.com')).toBe(
      'https://idv.ondato.com/?id=89e50d98-c556-4818-8562-3cd98608bf09',
    );
    expect(customerUrl('abc', 'https://sandbox-idv.ondato.com/')).toBe(
      'https://sandbox-idv.ondato.com/?id=abc',
    );
  });

  it('percent-encodes the id so it cannot add parameters or change the path', () => {
    const url = customerUrl('a&redirect=https://evil.example/#x /ü', 'https://idv.ondato.com');
    expect(url).toBe(
      'https://idv.ondato.com/?id=a%26redirect%3Dhttps%3A%2F%2Fevil.example%2F%23x%20%2F%C3%BC',
    );
    const parsed = new URL(url);
    expect([...parsed.searchParams.keys()]).toEqual(['id']);
    expect(parsed.searchParams.get('id')).toBe('a&redirect=https://evil.example/#x /ü');
    expect(parsed.hash).toBe('');
  });

  it('accepts a white-labelled https domain with a port', () => {
    expect(customerUrl('x', 'https://Verify.Bank.example:8443')).toBe(
      'https://verify.bank.example:8443/?id=x',
    );
  });

  it('accepts loopback http for the simulator only', () => {
    expect(customerUrl('x', 'http://127.0.0.1:4010')).toBe('http://127.0.0.1:4010/?id=x');
    expect(customerUrl('x', 'http://[::1]:4010')).toBe('http://[::1]:4010/?id=x');
    expect(() => customerUrl('x', 'http://verify.bank.example')).toThrow(OndatoError);
  });

  it.each([
    ['credentials', 'https://user:pass@verify.bank.example'],
    ['a query', 'https://verify.bank.example/?a=b'],
    ['a fragment', 'https://verify.bank.example/#a'],
    ['a path', 'https://verify.bank.example/kyc'],
    ['another scheme', 'file:///etc/passwd'],
    ['garbage', 'verify.bank.example'],
  ])('refuses a base with %s', (_label, base) => {
    try {
      customerUrl('x', base);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(OndatoError);
      if (error instanceof OndatoError) {
        expect(error.code).toBe('validation');
        expect(error.fields).toHaveProperty('customerWebUrl');
        expect(error.message).not.toContain(base);
      }
    }
  });

  it('refuses an empty id', () => {
    expect(() => customerUrl('', 'https://idv.ondato.com')).toThrow(OndatoError);
    expect(() => customerUrl('   ', 'https://idv.ondato.com')).toThrow(OndatoError);
  });
});

describe('customerHostOf / isCustomerUrl', () => {
  it('gives the lower-case host with a non-default port', () => {
    expect(customerHostOf('https://IDV.ondato.com/')).toBe('idv.ondato.com');
    expect(customerHostOf('https://verify.bank.example:8443')).toBe('verify.bank.example:8443');
    expect(customerHostOf('https://verify.bank.example:443')).toBe('verify.bank.example');
    expect(customerHostOf('http://127.0.0.1:4010')).toBe('127.0.0.1:4010');
    expect(customerOrigin('https://idv.ondato.com/')).toBe('https://idv.ondato.com');
  });

  it('recognises only links on the same origin', () => {
    const base = 'https://idv.ondato.com';
    expect(isCustomerUrl(customerUrl('abc', base), base)).toBe(true);
    expect(isCustomerUrl('http://idv.ondato.com/?id=abc', base)).toBe(false);
    expect(isCustomerUrl('https://idv.ondato.com.evil.example/?id=abc', base)).toBe(false);
    expect(isCustomerUrl('https://u@idv.ondato.com/?id=abc', base)).toBe(false);
    expect(isCustomerUrl('https://idv.ondato.com/other?id=abc', base)).toBe(false);
    expect(isCustomerUrl('https://idv.ondato.com/', base)).toBe(false);
    expect(isCustomerUrl('not a url', base)).toBe(false);
  });
});
