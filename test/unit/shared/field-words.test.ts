import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { fieldErrors, firstFieldErrors } from '../../../src/shared/domain/fields';
import { inputs, settingsPatchSchema } from '../../../src/shared/ipc/contract';

/** No message an officer sees may be zod's developer English. */
const ZOD_ENGLISH = /^(Too small|Too big|Invalid (input|option|string|number|key|value))/;

function messages(schema: z.ZodType, input: unknown): string[] {
  const parsed = schema.safeParse(input);
  expect(parsed.success).toBe(false);
  return Object.values(fieldErrors(parsed.error!)).flat();
}

describe('field messages in the officer’s words', () => {
  it('turns zod’s defaults into plain sentences that name the field', () => {
    const schema = z.strictObject({
      name: z.string().trim().min(1),
      officerName: z.string().max(5),
      days: z.number().int().min(1),
      theme: z.enum(['light', 'dark']),
      email: z.email(),
    });
    const fields = firstFieldErrors(
      schema.safeParse({ name: ' ', officerName: 'too long', days: 0, theme: 'blue', email: 'x' }).error!,
    );
    expect(fields).toEqual({
      name: 'Enter a name for the workspace.',
      officerName: 'Use at most 5 characters.',
      days: 'Use 1 or more.',
      theme: 'Choose one of: light, dark.',
      email: 'Enter an e-mail address such as name@example.com.',
    });
    expect(firstFieldErrors(schema.safeParse({}).error!).clientId).toBeUndefined();
    expect(firstFieldErrors(z.object({ clientId: z.string() }).safeParse({}).error!)).toEqual({
      clientId: 'Enter the client ID.',
    });
  });

  it('keeps a schema’s own sentence as it is', () => {
    expect(
      messages(z.object({ name: z.string().min(1, 'Invalid input, says the schema.') }), { name: '' }),
    ).toEqual(['Invalid input, says the schema.']);
  });

  it('never shows zod’s English for any request the contract refuses', () => {
    const bad: [keyof typeof inputs, unknown][] = [
      ['workspaces:update', { id: '', name: '', officerName: 'x'.repeat(200), setupId: 'nope' }],
      ['workspaces:add', {}],
      ['workspaces:probe', { environment: 'moon', clientId: '', clientSecret: '' }],
      ['cases:list', { sort: 'name', dir: 'up', limit: 0, search: 'x'.repeat(300) }],
      ['review:decide', { caseId: 'c', decision: 'maybe', reasonCode: '', note: 1 }],
      ['retention:set', { days: 1.5 }],
      ['lock:set-pin', { pin: 'abc' }],
      ['cases:import', { ids: [] }],
    ];
    for (const [channel, input] of bad) {
      for (const message of messages(inputs[channel], input)) {
        expect(message, `${channel}: ${message}`).not.toMatch(ZOD_ENGLISH);
      }
    }
    expect(messages(settingsPatchSchema, { autoLockMinutes: 5000, theme: 'pink' }).sort()).toEqual([
      'Choose one of: system, light, dark.',
      'Use 1440 or less.',
    ]);
  });
});
