import { mkdir, writeFile } from 'node:fs/promises';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { AppError } from '../../main/errors';
import {
  createOndatoClient,
  type CreateIdvRequest,
  type KycFile,
  type OndatoClient,
} from '../../main/ondato';
import { qrPng } from '../../main/qr';
import type { EnvConfig } from '../env-config';
import { REGISTRATION_FLAGS, registrationFromJson } from '../registration-input';
import { print, type CliIo } from '../io';

export interface CommandContext {
  io: CliIo;
  json: boolean;
  config: EnvConfig;
  client?: OndatoClient;
}

function clientOf(ctx: CommandContext): OndatoClient {
  return (ctx.client ??= createOndatoClient({
    endpoints: ctx.config.endpoints,
    credentials: ctx.config.credentials,
  }));
}

export function usageError(message: string): AppError {
  return new AppError('usage', message);
}

export async function setups(ctx: CommandContext): Promise<void> {
  const list = await clientOf(ctx).listSetups();
  print(ctx.io, ctx.json, list, () =>
    list.length === 0
      ? ['No IDV setups.']
      : list.map((s) => `${s.id}  ${s.name ?? '(unnamed)'}${s.isDisabled ? '  [disabled]' : ''}`),
  );
}

export interface CreateFlags {
  'first-name'?: string;
  'middle-name'?: string;
  'last-name'?: string;
  'date-of-birth'?: string;
  'personal-code'?: string;
  email?: string;
  phone?: string;
  country?: string;
  'external-ref'?: string;
  setup?: string;
  'from-json'?: string;
}

/** Phone numbers travel as a JSON number of digits; spaces, dashes and a leading + are only formatting. */
export function parsePhone(raw: string): number {
  const digits = raw.replace(/[\s\-().]/g, '').replace(/^\+/, '');
  if (!/^\d{5,15}$/.test(digits)) {
    throw new AppError('validation', 'The phone number must be 5 to 15 digits, e.g. 370624515141.', {
      fields: { 'registration.phoneNumber': ['Use digits only, with the country code.'] },
    });
  }
  return Number(digits);
}

export function buildCreateRequest(flags: CreateFlags, defaultSetupId: string | null): CreateIdvRequest {
  const setupId = flags.setup ?? defaultSetupId;
  if (!setupId) throw usageError('Give --setup <uuid> or set ONDATO_SETUP_ID (see the `setups` command).');
  const registration: NonNullable<CreateIdvRequest['registration']> = {};
  const text = {
    firstName: flags['first-name'],
    middleName: flags['middle-name'],
    lastName: flags['last-name'],
    dateOfBirth: flags['date-of-birth'],
    personalCode: flags['personal-code'],
    email: flags.email,
    countryCode: flags.country?.toUpperCase(),
  };
  for (const [key, value] of Object.entries(text) as [keyof typeof text, string | undefined][]) {
    if (value !== undefined && value.trim() !== '') registration[key] = value.trim();
  }
  if (flags.phone !== undefined) registration.phoneNumber = parsePhone(flags.phone);
  return {
    setupId,
    ...(flags['external-ref'] ? { externalReferenceId: flags['external-ref'] } : {}),
    ...(Object.keys(registration).length > 0 ? { registration } : {}),
  };
}

async function createRequestOf(ctx: CommandContext, flags: CreateFlags): Promise<CreateIdvRequest> {
  const source = flags['from-json'];
  if (source === undefined) return buildCreateRequest(flags, ctx.config.setupId);
  const mixed = REGISTRATION_FLAGS.filter((name) => flags[name] !== undefined);
  if (mixed.length > 0)
    throw usageError(`--from-json carries the registration; leave out --${mixed.join(', --')}.`);
  return registrationFromJson(ctx.io, source, {
    setupId: flags.setup ?? ctx.config.setupId,
    externalRef: flags['external-ref'],
  });
}

export async function create(
  ctx: CommandContext,
  flags: CreateFlags,
): Promise<{ id: string; request: CreateIdvRequest }> {
  const client = clientOf(ctx);
  const request = await createRequestOf(ctx, flags);
  const { id } = await client.createIdv(request);
  const url = client.customerUrl(id);
  print(ctx.io, ctx.json, { id, customerUrl: url }, () => [`Created IDV ${id}`, `Customer link: ${url}`]);
  return { id, request };
}

export async function status(ctx: CommandContext, idvId: string): Promise<void> {
  const idv = await clientOf(ctx).getIdv(idvId);
  print(ctx.io, ctx.json, idv, () => [
    `IDV ${idv.id}: ${idv.status}`,
    ...(idv.modifiedUtc ? [`Modified: ${idv.modifiedUtc}`] : []),
    ...(idv.step?.consent ? [`Consent: ${idv.step.consent.isConsented ? 'given' : 'not given'}`] : []),
    `KYC identification: ${idv.step?.kycIdentification?.id ?? 'not started'}`,
  ]);
}

async function kycIdOf(client: OndatoClient, idvId: string): Promise<string> {
  const idv = await client.getIdv(idvId);
  const kycId = idv.step?.kycIdentification?.id;
  if (!kycId) {
    throw new AppError(
      'not_started',
      `The customer has not reached identification yet (IDV status ${idv.status}).`,
    );
  }
  return kycId;
}

export async function kyc(ctx: CommandContext, idvId: string): Promise<void> {
  const client = clientOf(ctx);
  const result = await client.getKyc(await kycIdOf(client, idvId));
  const doc = result.document;
  print(ctx.io, ctx.json, result, () => [
    `KYC ${result.id}: ${result.status}${result.statusReason ? ` (${result.statusReason})` : ''}`,
    `Cross-checked by Ondato: ${result.isCrossChecked ? 'yes' : 'no'}`,
    ...(doc
      ? [
          `Document: ${doc.type ?? 'unknown type'} ${doc.documentNumber ?? ''}`.trimEnd(),
          `Name: ${[doc.firstName, doc.middleName, doc.lastName].filter(Boolean).join(' ')}`,
          `Date of birth: ${doc.dateOfBirth ?? '-'}   Personal code: ${doc.personalCode ?? '-'}`,
          `Expires: ${doc.dateOfExpiration ?? '-'}   MRZ verified: ${doc.mrzVerified ? 'yes' : 'no'}`,
          `Files: ${(doc.files ?? []).map((f) => f.part ?? f.fileType ?? f.fileId).join(', ') || 'none'}`,
        ]
      : ['Document: not submitted yet']),
    ...(result.rules ?? []).map((r) => `Rule ${r.name}: ${r.status}${r.reason ? ` — ${r.reason}` : ''}`),
  ]);
}

const EXTENSIONS: Record<string, string> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'application/pdf': 'pdf',
};

/**
 * A file's name on disk: a label from a safe alphabet (a-z, 0-9, hyphen) and the sniffed extension,
 * e.g. `front.jpg`, numbered when it repeats (`other-2.jpg`). Nothing Ondato sends as an id or a file
 * name becomes part of a path.
 */
export function safeFileName(file: KycFile, ext: string, taken: Set<string>): string {
  const label =
    (file.part ?? file.fileType ?? '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .slice(0, 32)
      .replace(/^-+|-+$/g, '') || 'file';
  let name = `${label}.${ext}`;
  for (let n = 2; taken.has(name); n++) name = `${label}-${n}.${ext}`;
  taken.add(name);
  return name;
}

/** The path of `name` inside `dir`, or an error if it would land anywhere else. */
function insideDir(dir: string, name: string): string {
  const path = resolve(dir, name);
  const rel = relative(dir, path);
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel) || rel.includes(sep)) {
    throw new AppError(
      'bad_file',
      'A file name would have left the output directory; nothing was written there.',
    );
  }
  return path;
}

export async function files(ctx: CommandContext, idvId: string, outDir: string | undefined): Promise<void> {
  if (!outDir) throw usageError('Give --out <directory> for the images.');
  const client = clientOf(ctx);
  const kycId = await kycIdOf(client, idvId);
  const result = await client.getKyc(kycId);
  const list = [...(result.document?.files ?? []), ...(result.additionalFiles ?? [])];
  const dir = resolve(ctx.io.cwd, outDir);
  await mkdir(dir, { recursive: true });
  const written: { fileId: string; part: string | null; path: string; mime: string; size: number }[] = [];
  const refused: { fileId: string; reason: string }[] = [];
  const taken = new Set<string>();
  for (const file of list) {
    const content = await client.getKycFile(kycId, file.fileId);
    const ext = content.mime ? EXTENSIONS[content.mime] : undefined;
    if (!ext) {
      refused.push({ fileId: file.fileId, reason: 'not a JPEG, PNG or PDF' });
      continue;
    }
    const path = insideDir(dir, safeFileName(file, ext, taken));
    await writeFile(path, content.bytes, { mode: 0o600 });
    written.push({
      fileId: file.fileId,
      part: file.part ?? null,
      path,
      mime: content.mime ?? '',
      size: content.size,
    });
  }
  print(ctx.io, ctx.json, { written, refused }, () => [
    ...(list.length === 0 ? ['No files: the customer has not submitted a document yet.'] : []),
    ...written.map((w) => `${w.path}  ${w.mime}  ${w.size} bytes`),
    ...refused.map((r) => `Refused file ${r.fileId}: ${r.reason}`),
  ]);
  if (refused.length > 0)
    throw new AppError('bad_file', `${refused.length} file(s) were not images and were not saved.`);
}

export async function url(ctx: CommandContext, idvId: string): Promise<void> {
  const link = clientOf(ctx).customerUrl(idvId);
  print(ctx.io, ctx.json, { id: idvId, customerUrl: link }, () => [link]);
}

export async function qr(ctx: CommandContext, idvId: string, out: string | undefined): Promise<void> {
  if (!out) throw usageError('Give --out <file.png> for the QR code.');
  const link = clientOf(ctx).customerUrl(idvId);
  const path = resolve(ctx.io.cwd, out);
  await writeFile(path, await qrPng(link));
  print(ctx.io, ctx.json, { id: idvId, customerUrl: link, path }, () => [
    `QR code of ${link} written to ${path}`,
  ]);
}
