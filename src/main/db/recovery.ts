import { createCipheriv, createDecipheriv, createHash, randomBytes, scryptSync } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { writeFileAtomic } from './atomic-file';
import { AppError } from '../errors';
import { isCacheKey } from './connection';

/*
 * The recovery code re-opens the cache when its keychain entry is lost. It is 26 random Crockford
 * base32 characters (130 bits) plus 2 check characters, shown once in groups of four. The cache key is
 * wrapped with AES-256-GCM under a key derived from the code with scrypt (N=2^15, r=8, p=1: ~32 MiB and
 * a noticeable fraction of a second per guess) and stored beside the cache in `<cache>.recovery`. The
 * file alone is useless; the code alone is useless without the file. Neither is ever logged.
 */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const BODY = 26;
const CHECK = 2;
const SCRYPT = { N: 2 ** 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 } as const;
const AAD = Buffer.from('kyc-desk cache key v1');

interface RecoveryFile {
  v: 1;
  kdf: 'scrypt';
  N: number;
  r: number;
  p: number;
  salt: string;
  iv: string;
  tag: string;
  wrapped: string;
  createdAt: number;
}

export function recoveryPath(dbPath: string): string {
  return `${dbPath}.recovery`;
}

function checkChars(body: string): string {
  const digest = createHash('sha256').update(body).digest();
  const bits = (digest[0]! << 2) | (digest[1]! >> 6);
  return ALPHABET[bits >> 5]! + ALPHABET[bits & 31]!;
}

/** Formats: XXXX-XXXX-…; 28 characters in 7 groups. */
export function newRecoveryCode(): string {
  const bytes = randomBytes(BODY);
  const body = Array.from(bytes, (b) => ALPHABET[b & 31]!).join('');
  return (body + checkChars(body)).match(/.{4}/g)!.join('-');
}

/**
 * What the officer typed, normalised the Crockford way (case, spaces and dashes ignored; O→0, I/L→1),
 * or a typed error: the check characters catch a typo before any key derivation is attempted.
 */
export function parseRecoveryCode(input: string): string {
  const text = input.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  if (text.length !== BODY + CHECK || [...text].some((c) => !ALPHABET.includes(c)))
    throw new AppError(
      'recovery_code_invalid',
      'That is not a recovery code: it has 28 letters and digits in groups of four.',
    );
  const body = text.slice(0, BODY);
  if (checkChars(body) !== text.slice(BODY))
    throw new AppError(
      'recovery_code_invalid',
      'The recovery code has a typo: check each group and try again.',
    );
  return body;
}

function derive(body: string, salt: Buffer, params: { N: number; r: number; p: number }): Buffer {
  return scryptSync(body, salt, 32, { ...params, maxmem: SCRYPT.maxmem });
}

/**
 * Wraps `key` (and the audit chain key, when given: a lost keychain loses both, and a cache whose trail
 * can no longer be signed cannot record a decision) under a new code; replaces any earlier recovery
 * file (the old code stops working).
 */
export function createRecovery(dbPath: string, key: string, now: number, chainKey?: string | null): string {
  if (!isCacheKey(key) || (chainKey && !isCacheKey(chainKey)))
    throw new AppError('cache_key_invalid', 'The cache key is not in the expected format.');
  const code = newRecoveryCode();
  const salt = randomBytes(16);
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', derive(parseRecoveryCode(code), salt, SCRYPT), iv);
  cipher.setAAD(AAD);
  const plain = Buffer.concat([
    Buffer.from(key.toLowerCase(), 'hex'),
    ...(chainKey ? [Buffer.from(chainKey.toLowerCase(), 'hex')] : []),
  ]);
  const wrapped = Buffer.concat([cipher.update(plain), cipher.final()]);
  const file: RecoveryFile = {
    v: 1,
    kdf: 'scrypt',
    N: SCRYPT.N,
    r: SCRYPT.r,
    p: SCRYPT.p,
    salt: salt.toString('base64'),
    iv: iv.toString('base64'),
    tag: cipher.getAuthTag().toString('base64'),
    wrapped: wrapped.toString('base64'),
    createdAt: now,
  };
  writeFileAtomic(recoveryPath(dbPath), JSON.stringify(file));
  return code;
}

export interface RecoveryStatus {
  set: boolean;
  createdAt: number | null;
}

function readFile(dbPath: string): RecoveryFile | null {
  if (!existsSync(recoveryPath(dbPath))) return null;
  try {
    const parsed = JSON.parse(readFileSync(recoveryPath(dbPath), 'utf8')) as Partial<RecoveryFile>;
    if (parsed.v !== 1 || parsed.kdf !== 'scrypt' || typeof parsed.wrapped !== 'string') return null;
    return parsed as RecoveryFile;
  } catch {
    return null;
  }
}

export function recoveryStatus(dbPath: string): RecoveryStatus {
  const file = readFile(dbPath);
  return { set: file !== null, createdAt: file?.createdAt ?? null };
}

/** The cache key the code unwraps, or a typed error (no recovery file, wrong code). */
export function unwrapWithCode(dbPath: string, input: string): string {
  return unwrapKeysWithCode(dbPath, input).key;
}

/** The cache key and (for files written since the keyed audit chain) the chain key. */
export function unwrapKeysWithCode(dbPath: string, input: string): { key: string; chainKey: string | null } {
  const body = parseRecoveryCode(input);
  const file = readFile(dbPath);
  if (!file)
    throw new AppError(
      'recovery_not_set',
      'No recovery code was ever created for this cache (or its file is gone).',
    );
  try {
    const decipher = createDecipheriv(
      'aes-256-gcm',
      derive(body, Buffer.from(file.salt, 'base64'), file),
      Buffer.from(file.iv, 'base64'),
    );
    decipher.setAAD(AAD);
    decipher.setAuthTag(Buffer.from(file.tag, 'base64'));
    const plain = Buffer.concat([decipher.update(Buffer.from(file.wrapped, 'base64')), decipher.final()]);
    return {
      key: plain.subarray(0, 32).toString('hex'),
      chainKey: plain.length >= 64 ? plain.subarray(32, 64).toString('hex') : null,
    };
  } catch {
    throw new AppError('recovery_code_wrong', 'That recovery code does not open this cache.');
  }
}
