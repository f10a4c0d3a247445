export type ApplyResult = 'changed' | 'unchanged' | 'stale';

/*
 * Responses can arrive out of order (retries, overlapping polls). A response is stale when Ondato's
 * modifiedUtc says it is older than what is stored; when the timestamps are equal or one is missing,
 * the order in which the requests were started decides: fetchSeq is taken when a request starts and
 * must grow across app runs too (seed the counter from cases.maxFetchSeq at startup).
 * An equal fetchSeq is the same response applied again: not stale, and then 'unchanged'.
 */
export function isStale(
  storedModified: number | null,
  storedSeq: number,
  incomingModified: number | null,
  incomingSeq: number,
): boolean {
  if (storedModified !== null && incomingModified !== null && storedModified !== incomingModified) {
    return incomingModified < storedModified;
  }
  return incomingSeq < storedSeq;
}
