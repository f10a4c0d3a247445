import type { RegistrationData } from '../../shared/domain/case';
import { compareCase, documentOf, type Verdict } from '../../shared/domain/compare';
import type { JsonObject } from '../../shared/domain/json';

/*
 * The registered data against what Ondato read from the document, for the evidence pack: the review
 * screen's own rules (src/shared/domain/compare.ts), so the pack and the screen never disagree.
 */
export { documentOf };
export type { Verdict };

export interface ComparedField {
  label: string;
  registered: string | null;
  document: string | null;
  verdict: Verdict;
  /** Why, when the verdict needs a word (e.g. "matches once diacritics are ignored"). */
  note: string | null;
}

export function compareForEvidence(
  registration: RegistrationData | null,
  payload: JsonObject | null | undefined,
  now: Date = new Date(),
): ComparedField[] {
  return compareCase(registration, payload, now)
    .rows.filter((r) => r.verdict !== 'absent' || r.key === 'firstName' || r.key === 'lastName')
    .map((r) => ({
      label: r.label,
      registered: r.entered,
      document: r.document,
      verdict: r.verdict,
      note: r.ocrInvalid
        ? [r.note, 'Ondato could not validate this field'].filter(Boolean).join('; ')
        : r.note,
    }));
}
