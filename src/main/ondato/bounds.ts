import { z } from 'zod';
import type { KycFile, KycIdentification } from '../../shared/wire/schemas';

/*
 * What one Ondato response may make KYC Desk store or do. Ondato is trusted for its data, not for its
 * size: a response that goes beyond these limits keeps only the fields KYC Desk knows (the schemas),
 * and the case is marked so the officer knows something was left out. Nothing here recurses deeper
 * than a schema's own (fixed) depth, so a hostile body can neither exhaust the stack nor block a case.
 */

export const RESPONSE_LIMITS = {
  /** JSON nesting kept; Ondato's documented objects are at most 5 levels deep. */
  maxDepth: 32,
  /** A response larger than this (bytes of JSON) keeps only its known fields. */
  maxStoredBytes: 512 * 1024,
  /** Document + additional files of one KYC that are listed, downloaded and cached. */
  maxFilesPerKyc: 50,
  /** In a trimmed response: longest string kept, and items kept of a nested list. */
  maxStringChars: 10_000,
  maxListItems: 200,
} as const;

/** Why a response was cut down: too deep, too large, or too many files. */
export type OverCap = 'depth' | 'size' | 'files';

const marks = new WeakMap<object, readonly OverCap[]>();

/** Remembers, on the parsed object itself (not serialised), which limits a response went beyond. */
export function markOverCap<T extends object>(value: T, reasons: readonly OverCap[]): T {
  if (reasons.length === 0) return value;
  const before = marks.get(value) ?? [];
  marks.set(value, [...new Set([...before, ...reasons])]);
  return value;
}

/** The limits this parsed response went beyond; empty when it was kept whole. */
export function overCapOf(value: object): readonly OverCap[] {
  return marks.get(value) ?? [];
}

/**
 * JSON.parse, except that any value nested deeper than `maxDepth` is replaced by `null` first. One
 * iterative pass over the text finds the over-deep values; only then is the (bounded) text parsed.
 * Throws SyntaxError for text that is not JSON, like JSON.parse.
 */
export function parseBoundedJson(text: string, maxDepth: number): { value: unknown; pruned: boolean } {
  const parts: string[] = [];
  let copied = 0;
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
      continue;
    }
    if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      if (depth < maxDepth) {
        depth++;
        continue;
      }
      const end = skipValue(text, i);
      parts.push(text.slice(copied, i), 'null');
      copied = end;
      i = end - 1;
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  if (parts.length === 0) return { value: JSON.parse(text) as unknown, pruned: false };
  parts.push(text.slice(copied));
  return { value: JSON.parse(parts.join('')) as unknown, pruned: true };
}

/** The index just after the object or array opening at `start` (or the text's end if it never closes). */
function skipValue(text: string, start: number): number {
  let depth = 0;
  let inString = false;
  for (let i = start; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) depth++;
    else if ((c === 0x7d || c === 0x5d) && --depth === 0) return i + 1;
  }
  return text.length;
}

/**
 * The value reduced to what `schema` names: unknown keys dropped, strings and nested lists capped.
 * Recursion follows the schema (finite), never the data.
 */
export function knownOnly(schema: z.ZodType, value: unknown, nested = false): unknown {
  if (schema instanceof z.ZodOptional || schema instanceof z.ZodNullable) {
    return value === undefined || value === null
      ? value
      : knownOnly(schema.unwrap() as z.ZodType, value, nested);
  }
  if (schema instanceof z.ZodObject) {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
    const source = value as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    for (const [key, field] of Object.entries(schema.shape as Record<string, z.ZodType>)) {
      if (Object.hasOwn(source, key)) out[key] = knownOnly(field, source[key], true);
    }
    return out;
  }
  if (schema instanceof z.ZodArray) {
    if (!Array.isArray(value)) return value;
    const kept = nested ? value.slice(0, RESPONSE_LIMITS.maxListItems) : value;
    return kept.map((item: unknown) => knownOnly(schema.element as z.ZodType, item, true));
  }
  if (schema instanceof z.ZodUnion) {
    const options = schema.options as readonly z.ZodType[];
    const match = options.find((option) => option.safeParse(value).success);
    if (match) return knownOnly(match, value, nested);
  }
  if (typeof value === 'string') return value.slice(0, RESPONSE_LIMITS.maxStringChars);
  // Scalars, and schema types we do not look into (unknown): kept only when they are scalars.
  return value !== null && typeof value === 'object' ? null : value;
}

/**
 * At most `maxFilesPerKyc` files, document files first (the ones the review needs), then additional
 * files; a file id listed twice counts once. Marks the KYC when files were left out.
 */
export function capKycFiles(kyc: KycIdentification): KycIdentification {
  const documentFiles = kyc.document?.files ?? [];
  const additional = kyc.additionalFiles ?? [];
  const seen = new Set<string>();
  const unique = (f: KycFile): boolean => (seen.has(f.fileId) ? false : (seen.add(f.fileId), true));
  const keptDocument = documentFiles.filter(unique).slice(0, RESPONSE_LIMITS.maxFilesPerKyc);
  const room = RESPONSE_LIMITS.maxFilesPerKyc - keptDocument.length;
  const keptAdditional = additional.filter(unique).slice(0, room);
  const dropped = documentFiles.length + additional.length - keptDocument.length - keptAdditional.length;
  const duplicates = documentFiles.length + additional.length - seen.size;
  if (dropped - duplicates <= 0) return kyc;
  const capped: KycIdentification = {
    ...kyc,
    ...(kyc.document ? { document: { ...kyc.document, files: keptDocument } } : {}),
    ...(kyc.additionalFiles ? { additionalFiles: keptAdditional } : {}),
  };
  return markOverCap(capped, [...overCapOf(kyc), 'files']);
}
