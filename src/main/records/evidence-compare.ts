import type { RegistrationData } from '../../shared/domain/case';
import { compareCase, documentOf, type Verdict } from '../../shared/domain/compare';
import { rowOutcome, rowWorking } from '../../shared/domain/compare-text';
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
  /** A match Ondato could not confirm (its OCR or MRZ): never printed as a clean match. */
  caveated: boolean;
  /**
   * The working, one line each, as the review screen shows it: how a match was reached ("Matches
   * ignoring accents: Rūta / RUTA"), what differs, the caveat; null when there is nothing to say.
   */
  note: string | null;
}

export function compareForEvidence(
  registration: RegistrationData | null,
  payload: JsonObject | null | undefined,
  now: Date = new Date(),
): ComparedField[] {
  return compareCase(registration, payload, now)
    .rows.filter((r) => r.verdict !== 'absent' || r.key === 'firstName' || r.key === 'lastName')
    .map((r) => {
      const working = rowWorking(r);
      return {
        label: r.label,
        registered: r.entered,
        document: r.document,
        verdict: r.verdict,
        caveated: rowOutcome(r).caveated,
        note: working.length ? working.join('\n') : null,
      };
    });
}
