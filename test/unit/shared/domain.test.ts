import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { assignedIso2Codes, isAssignedIso2, isKnownIso2 } from '../../../src/shared/domain/countries';
import { fieldErrors, firstFieldErrors } from '../../../src/shared/domain/fields';
import { DEFAULT_SETTINGS } from '../../../src/shared/domain/settings';
import { newCaseErrors, newCaseSchema } from '../../../src/shared/validation/registration';
import { DEFAULT_COUNTER_INSTRUCTIONS } from '../../../src/shared/domain/counter';

const root = join(__dirname, '..', '..', '..');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return /\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

/** Files under src/ whose text matches, as paths relative to the repository. */
function filesMatching(pattern: RegExp): string[] {
  return sources(join(root, 'src'))
    .filter((file) => pattern.test(readFileSync(file, 'utf8')))
    .map((file) => relative(root, file).split('\\').join('/'));
}

describe('one source of truth in src/shared/domain', () => {
  it('defines the settings defaults once', () => {
    expect(filesMatching(/DEFAULT_SETTINGS\s*(?::[^=]+)?=\s*(?:Object\.freeze\()?\{/)).toEqual([
      'src/shared/domain/settings.ts',
    ]);
  });

  it('maps zod issues to fields in one place', () => {
    expect(filesMatching(/for \(const issue of [^)]*\.issues/)).toEqual(['src/shared/domain/fields.ts']);
  });

  it('keeps one ISO 3166 table', () => {
    expect(filesMatching(/'AD',\s*'AE'|AD:AND/)).toEqual(['src/shared/domain/countries.ts']);
  });
});

describe('fieldErrors / firstFieldErrors', () => {
  const schema = z.object({
    name: z
      .string()
      .min(2, 'Too short.')
      .regex(/^[a-z]+$/, 'Letters only.'),
    overrides: z.object({ authUrl: z.url('Enter an https URL.') }),
  });
  const parsed = schema.safeParse({
    name: '1',
    overrides: { authUrl: 'nope' },
  });
  const error = parsed.error!;

  it('keys by the dotted path with every message in order', () => {
    const fields = fieldErrors(error);
    expect(fields['name']).toEqual(['Too short.', 'Letters only.']);
    expect(fields['overrides.authUrl']).toEqual(['Enter an https URL.']);
  });

  it('keeps an input-supplied `__proto__` key a plain field', () => {
    const hostile = new z.ZodError([{ code: 'custom', path: ['__proto__'], message: 'Bad.', input: 1 }]);
    const fields = fieldErrors(hostile);
    expect(Object.getPrototypeOf(fields)).toBe(Object.prototype);
    expect(Object.hasOwn(fields, '__proto__')).toBe(true);
    expect(Object.hasOwn(firstFieldErrors(hostile), '__proto__')).toBe(true);
  });

  it('gives the first message per field, and `_` for the input as a whole', () => {
    expect(firstFieldErrors(error)).toMatchObject({
      name: 'Too short.',
      'overrides.authUrl': 'Enter an https URL.',
    });
    expect(firstFieldErrors(z.string('Text.').safeParse(1).error!)).toEqual({ _: 'Text.' });
  });
});

describe('settings defaults and countries', () => {
  it('are what a fresh installation starts with', () => {
    expect(DEFAULT_SETTINGS).toEqual({
      polling: true,
      theme: 'system',
      shortcuts: true,
      notifications: true,
      autoLockMinutes: 0,
      backupKeep: 7,
      recoveryPromptDismissed: false,
      counterInstructions: DEFAULT_COUNTER_INSTRUCTIONS,
    });
    expect(Object.isFrozen(DEFAULT_SETTINGS)).toBe(true);
  });

  it('registration accepts exactly the officially assigned codes of the table', () => {
    const assigned = assignedIso2Codes();
    expect(assigned).toHaveLength(249);
    expect(isKnownIso2('XK')).toBe(true);
    expect(isAssignedIso2('XK')).toBe(false);
    const base = { firstName: 'Ona', lastName: 'Kazlauskaitė' };
    for (const countryCode of assigned) {
      expect(newCaseErrors({ ...base, countryCode })['countryCode']).toBeUndefined();
    }
    expect(newCaseSchema.safeParse({ ...base, countryCode: 'XK' }).success).toBe(false);
    expect(newCaseSchema.safeParse({ ...base, countryCode: 'ZZ' }).success).toBe(false);
  });
});
