/**
 * Where the officer left the case list: its scroll offset for the filters and workspace it had, and
 * the case opened last (next/previous in the review moves it). When the officer comes back from a
 * review (`returning`), the list puts the offset back and selects that case, so Esc from a review
 * lands on the same rows. Memory only: nothing is persisted.
 */
export const listMemory: {
  filters: unknown;
  workspaceId: string | null;
  top: number;
  caseId: string | null;
  returning: boolean;
} = {
  filters: null,
  workspaceId: null,
  top: 0,
  caseId: null,
  returning: false,
};

/** True when the list being shown is the one the memory is about, on the way back from a review. */
export function listMemoryApplies(filters: unknown, workspaceId: string | null): boolean {
  return listMemory.returning && listMemory.filters === filters && listMemory.workspaceId === workspaceId;
}
