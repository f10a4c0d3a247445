import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { AppError } from '../main/errors';
import type { CreateIdvRequest } from '../main/ondato';
import { registrationOf } from '../main/services/case-create';
import { newCaseSchema } from '../shared/validation/registration';
import { fieldErrors } from './field-errors';
import type { CliIo } from './io';

/*
 * `create --from-json -|FILE`: the registration as JSON on stdin or in a file, so a customer's name,
 * birth date and personal code never sit in the process list or the shell history. The JSON is the
 * new-case form of the app (same schema, same messages, unknown fields refused):
 *   { "firstName", "lastName", "middleName"?, "dateOfBirth"?, "personalCode"?, "email"?, "phone"?,
 *     "countryCode"?, "externalRef"?, "setupId"? }
 */

/** A registration is a few hundred bytes; anything much larger is a wrong file. */
export const MAX_REGISTRATION_BYTES = 64 * 1024;

/** The registration flags that `--from-json` replaces (mixing the two would be ambiguous). */
export const REGISTRATION_FLAGS = [
  'first-name',
  'middle-name',
  'last-name',
  'date-of-birth',
  'personal-code',
  'email',
  'phone',
  'country',
] as const;

async function readSource(io: CliIo, source: string): Promise<string> {
  if (source === '-') {
    if (!io.readStdin)
      throw new AppError('usage', 'There is no standard input to read the registration from.');
    return io.readStdin();
  }
  try {
    return await readFile(resolve(io.cwd, source), 'utf8');
  } catch {
    throw new AppError(
      'usage',
      'The registration file could not be read. Check the path given to --from-json.',
    );
  }
}

export async function registrationFromJson(
  io: CliIo,
  source: string,
  defaults: { setupId: string | null; externalRef: string | undefined },
): Promise<CreateIdvRequest> {
  const text = await readSource(io, source);
  if (Buffer.byteLength(text, 'utf8') > MAX_REGISTRATION_BYTES)
    throw new AppError(
      'validation',
      'The registration JSON is larger than 64 KB; give one registration only.',
    );
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new AppError(
      'validation',
      'The registration is not valid JSON, e.g. {"firstName":"Rasa","lastName":"Petraitienė"}.',
    );
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    throw new AppError('validation', 'The registration must be one JSON object.');
  // A missing name gets the form's own words ("Enter the customer's last name."), not zod's generic ones.
  const parsed = newCaseSchema.safeParse({ firstName: '', lastName: '', ...value });
  if (!parsed.success) {
    throw new AppError('validation', 'The registration has errors; nothing was sent to Ondato:', {
      fields: fieldErrors(parsed.error, (key) => key),
    });
  }
  const setupId = parsed.data.setupId ?? defaults.setupId;
  if (!setupId)
    throw new AppError(
      'usage',
      'Give "setupId" in the JSON, --setup <uuid> or ONDATO_SETUP_ID (see `setups`).',
    );
  const externalRef = parsed.data.externalRef ?? defaults.externalRef;
  return {
    setupId,
    ...(externalRef ? { externalReferenceId: externalRef } : {}),
    registration: registrationOf(parsed.data),
  };
}
