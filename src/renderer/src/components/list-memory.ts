/**
 * The case opened last in a review (next/previous moves it), and whether the officer is on the way
 * back from a review. The list's own position (scroll, selection, filters) is kept per workspace in
 * the case-list slice; this adds which case the review ended on, so Esc from a review lands on it.
 * Memory only: nothing is persisted.
 */
export const listMemory: { caseId: string | null; returning: boolean } = {
  caseId: null,
  returning: false,
};
