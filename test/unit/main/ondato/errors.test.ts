import { describe, expect, it } from 'vitest';
import { AppError } from '../../../../src/main/errors';
import {
  errorForStatus,
  ONDATO_ERROR_CODES,
  ondatoMessage,
  OndatoError,
  problemFields,
} from '../../../../src/main/ondato/errors';

describe('OndatoError', () => {
  it('is an AppError with a stable code and the extra facts', () => {
    const error = new OndatoError('rate_limited', {
      operation: 'get IDV',
      status: 429,
      retryAfterMs: 30_000,
    });
    expect(error).toBeInstanceOf(AppError);
    expect(error).toBeInstanceOf(OndatoError);
    expect(error.code).toBe('rate_limited');
    expect(error.status).toBe(429);
    expect(error.retryAfterMs).toBe(30_000);
    expect(error.retryable).toBe(true);
    expect(error.operation).toBe('get IDV');
    expect(error.message).toBe(
      'Ondato is limiting requests (HTTP 429); could not get IDV. Try again in 30 seconds.',
    );
  });

  it('marks only transient codes retryable', () => {
    const retryable = ONDATO_ERROR_CODES.filter((code) => new OndatoError(code).retryable);
    expect(retryable.sort()).toEqual(['network', 'rate_limited', 'server', 'timeout']);
  });

  it('has an officer message for every code that names the operation or the credentials', () => {
    for (const code of ONDATO_ERROR_CODES) {
      const message = ondatoMessage(code, { operation: 'get IDV', status: 500 });
      expect(message.length).toBeGreaterThan(20);
      expect(message).not.toMatch(/undefined|null|\[object/);
      if (code !== 'auth_failed') expect(message).toContain('get IDV');
    }
  });

  it('keeps fields separate from the message', () => {
    const error = new OndatoError('validation', {
      operation: 'create IDV',
      status: 400,
      fields: { 'registration.email': ['The Email field is not a valid e-mail address.'] },
    });
    expect(error.fields).toEqual({
      'registration.email': ['The Email field is not a valid e-mail address.'],
    });
    expect(error.message).not.toContain('e-mail');
  });
});

describe('errorForStatus', () => {
  it.each([
    [401, 'auth_failed'],
    [403, 'forbidden'],
    [404, 'not_found'],
    [410, 'not_found'],
    [400, 'validation'],
    [409, 'validation'],
    [422, 'validation'],
    [408, 'timeout'],
    [429, 'rate_limited'],
    [500, 'server'],
    [502, 'server'],
    [503, 'server'],
    [504, 'server'],
    [599, 'server'],
    [304, 'bad_response'],
  ] as const)('maps %i to %s', (status, code) => {
    const error = errorForStatus(status, 'get IDV');
    expect(error.code).toBe(code);
    expect(error.status).toBe(status);
    expect(error.message).toContain(`HTTP ${status}`);
  });

  it('carries the Retry-After of 429 and 503, and the fields of a 400', () => {
    expect(errorForStatus(429, 'x', { retryAfterMs: 2000 }).retryAfterMs).toBe(2000);
    expect(errorForStatus(503, 'x', { retryAfterMs: 2000 }).retryAfterMs).toBe(2000);
    expect(errorForStatus(400, 'x', { fields: { a: ['b'] } }).fields).toEqual({ a: ['b'] });
  });
});

describe('problemFields', () => {
  it('reads ASP.NET problem+json errors and normalises keys', () => {
    expect(
      problemFields({
        type: 'https://tools.ietf.org/html/rfc9110#section-15.5.1',
        title: 'One or more validation errors occurred.',
        status: 400,
        errors: {
          'registration.phoneNumber': ['The value is not a number.'],
          '$.Registration.DateOfBirth': ['Bad date.', 'Another.'],
          SetupId: 'The SetupId field is required.',
        },
      }),
    ).toEqual({
      'registration.phoneNumber': ['The value is not a number.'],
      'registration.dateOfBirth': ['Bad date.', 'Another.'],
      setupId: ['The SetupId field is required.'],
    });
  });

  it('ignores bodies without a usable errors map', () => {
    expect(problemFields(undefined)).toBeUndefined();
    expect(problemFields('text')).toBeUndefined();
    expect(problemFields({ errors: null })).toBeUndefined();
    expect(problemFields({ errors: ['x'] })).toBeUndefined();
    expect(problemFields({ errors: { a: [1, 2] } })).toBeUndefined();
  });

  it('bounds the number and the length of the messages', () => {
    const errors: Record<string, string[]> = {};
    for (let i = 0; i < 100; i += 1) errors[`f${i}`] = Array.from({ length: 10 }, () => 'x'.repeat(1000));
    const fields = problemFields({ errors }) ?? {};
    expect(Object.keys(fields)).toHaveLength(50);
    expect(fields.f0).toHaveLength(5);
    expect(fields.f0?.[0]?.length).toBeLessThanOrEqual(300);
  });
});
