import type { ComparisonRow, Verdict } from './compare';

/*
 * The words of a comparison result, shared by the review screen and the evidence pack so both say the
 * same thing: the verdict, its tone, and the lines of working under it (how a match was reached, what
 * differs, and the caveat when Ondato could not confirm the field).
 */

export type OutcomeTone = 'ok' | 'warn' | 'bad' | 'neutral';

export interface RowOutcome {
  /** "Match", "Match, with a caveat", "Mismatch"… */
  text: string;
  tone: OutcomeTone;
  /** A match that must not read as a clean one. */
  caveated: boolean;
}

const VERDICT: Record<Verdict, { text: string; tone: OutcomeTone }> = {
  match: { text: 'Match', tone: 'ok' },
  mismatch: { text: 'Mismatch', tone: 'bad' },
  missing: { text: 'Missing', tone: 'warn' },
  absent: { text: 'Not given', tone: 'neutral' },
  'document-only': { text: 'From document', tone: 'neutral' },
  waiting: { text: 'Awaiting document', tone: 'neutral' },
};

export function rowOutcome(row: Pick<ComparisonRow, 'verdict' | 'caveat'>): RowOutcome {
  // Ondato's "could not validate" never sits next to a plain green Match.
  if (row.verdict === 'match' && row.caveat)
    return { text: 'Match, with a caveat', tone: 'warn', caveated: true };
  return { ...VERDICT[row.verdict], caveated: false };
}

/** Ondato's OCR said the field is not valid, and no caveat already says so. */
export function ocrWarning(row: Pick<ComparisonRow, 'ocrInvalid' | 'caveat'>): string | null {
  return row.ocrInvalid && row.caveat?.code !== 'ocr-invalid' ? 'Ondato could not validate this field' : null;
}

/** Every line of working under a result, in reading order (for the PDF, and as plain text). */
export function rowWorking(row: Pick<ComparisonRow, 'note' | 'diff' | 'caveat' | 'ocrInvalid'>): string[] {
  return [row.note, row.diff?.summary ?? null, row.caveat?.text ?? null, ocrWarning(row)].filter(
    (line): line is string => line !== null,
  );
}
