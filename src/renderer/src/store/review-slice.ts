import type { AuditEvent } from '../../../shared/domain/audit';
import type { Decision, DecisionRecord } from '../../../shared/domain/decision';
import { DECISION_REASONS } from '../../../shared/domain/reasons';
import type { CaseView, ImageData } from '../../../shared/domain/views';
import { ApiError, call, errorMessage, subscribe } from '../api';
import type { SliceCreator } from './types';

/** A failed form submission: one message for the form, messages per field (keys as in the contract). */
export interface FormError {
  message: string;
  fields: Record<string, string[]>;
}

/** Everything the review screen knows about one case. Data is kept while a reload runs or after it fails. */
export interface ReviewCase {
  view: CaseView | null;
  /** A load is running (first one when `view` is null, a quiet reload otherwise). */
  loading: boolean;
  loadError: string | null;
  refreshing: boolean;
  refreshError: string | null;
  /** Local clock, ms: when the officer's last Refresh succeeded. */
  refreshedAt: number | null;
  /** Oldest first, as main returns them. */
  decisions: DecisionRecord[] | null;
  decisionsError: string | null;
  /** Newest first, as main returns them. */
  timeline: AuditEvent[] | null;
  timelineError: string | null;
  deciding: boolean;
  decideError: FormError | null;
  /** The decision form as the officer left it (moving to the next case and back), never sent anywhere. */
  draft: DecisionDraft | null;
}

/** What the decision form holds before it is recorded. */
export interface DecisionDraft {
  decision: Decision | '';
  reasonCode: string;
  note: string;
  overrides: string[];
}

export interface DecideInput {
  caseId: string;
  decision: Decision;
  reasonCode: string;
  note: string;
  /** Risk-flag codes ticked as reviewed; main refuses an accept that leaves one out. */
  overriddenFlags?: string[];
}

export type ImageResult = { ok: true; image: ImageData } | { ok: false; message: string };

/** Text for the review screen's polite live region; `id` changes so the same text is announced again. */
export interface Announcement {
  id: number;
  text: string;
}

export interface ReviewSlice {
  reviewCases: Record<string, ReviewCase>;
  reviewAnnouncement: Announcement | null;
  /**
   * The review screen for `caseId` is on screen: tells main (fast polling), listens for changes of this
   * case, loads everything. Returns the cleanup to call when the screen goes away. Sync status and
   * settings come from the app slice (`sync`, `settings`).
   */
  reviewOpen(caseId: string): () => void;
  /** `cases:get`; the current view stays on screen while it runs (the screen shows `loading` only without one). */
  reviewLoad(caseId: string): Promise<void>;
  /** Asks main to check the case with Ondato now (`cases:refresh`). */
  reviewRefresh(caseId: string): Promise<void>;
  reviewLoadDecisions(caseId: string): Promise<void>;
  reviewLoadTimeline(caseId: string): Promise<void>;
  /** Records the officer's decision; null when it failed (the error is in `decideError`). */
  reviewDecide(input: DecideInput): Promise<DecisionRecord | null>;
  reviewClearDecideError(caseId: string): void;
  /** Keeps (or, with null, forgets) the decision form of a case the officer moves away from. */
  reviewSaveDraft(caseId: string, draft: DecisionDraft | null): void;
  /** One cached image's bytes (from the local cache, works offline). */
  reviewImage(caseId: string, fileId: string): Promise<ImageResult>;
  /**
   * The image of `fileId` from the `cases:first-image` answer reviewOpen asked for alongside the case
   * (one round trip, not two), or from `cases:image` when that answer holds another file or none.
   */
  reviewFirstImage(caseId: string, fileId: string): Promise<ImageResult>;
  reviewAnnounce(text: string): void;
}

export const NOTE_MAX = 4000;

export const DECISION_LABELS: Record<Decision, string> = {
  accept: 'Accept',
  reject: 'Reject',
  escalate: 'Escalate',
};

export const emptyReviewCase: ReviewCase = {
  view: null,
  loading: false,
  loadError: null,
  refreshing: false,
  refreshError: null,
  refreshedAt: null,
  decisions: null,
  decisionsError: null,
  timeline: null,
  timelineError: null,
  deciding: false,
  decideError: null,
  draft: null,
};

/** How many cases' data the slice keeps around (so going back to a case is instant). */
const KEEP_CASES = 20;

function formError(error: unknown): FormError {
  if (error instanceof ApiError) return { message: error.message, fields: error.fields };
  return { message: errorMessage(error), fields: {} };
}

export const createReviewSlice: SliceCreator<ReviewSlice> = (set, get) => {
  // Latest request per case and kind: a slower, older answer never overwrites a newer one.
  const tickets = new Map<string, number>();
  const take = (key: string): number => {
    const next = (tickets.get(key) ?? 0) + 1;
    tickets.set(key, next);
    return next;
  };
  const current = (key: string, ticket: number): boolean => tickets.get(key) === ticket;
  let announcements = 0;
  // The `cases:first-image` answers asked for by reviewOpen, until the review takes them.
  const firstImages = new Map<string, Promise<{ fileId: string; image: ImageData } | null>>();

  const patch = (
    caseId: string,
    change: Partial<ReviewCase> | ((c: ReviewCase) => Partial<ReviewCase>),
  ): void => {
    set((state) => {
      const before = state.reviewCases[caseId] ?? emptyReviewCase;
      const next = { ...before, ...(typeof change === 'function' ? change(before) : change) };
      const cases = { ...state.reviewCases, [caseId]: next };
      const ids = Object.keys(cases);
      if (ids.length > KEEP_CASES) {
        for (const id of ids.slice(0, ids.length - KEEP_CASES)) if (id !== caseId) delete cases[id];
      }
      return { reviewCases: cases };
    });
  };

  const announce = (text: string): void => {
    announcements += 1;
    set({ reviewAnnouncement: { id: announcements, text } });
  };

  return {
    reviewCases: {},
    reviewAnnouncement: null,

    reviewOpen(caseId) {
      let open = true;
      // The case first: main answers in order, and the rest of the screen waits for it. Its first image
      // comes with it, not after it.
      void get().reviewLoad(caseId);
      const firstImage = call('cases:first-image', { caseId }).catch(() => null);
      firstImages.set(caseId, firstImage);
      void call('cases:viewing', { caseId }).catch(() => undefined);
      const offChanged = subscribe('cases:changed', ({ ids }) => {
        if (!open || !ids.includes(caseId)) return;
        void get().reviewLoad(caseId);
        void get().reviewLoadDecisions(caseId);
        void get().reviewLoadTimeline(caseId);
      });
      void get().reviewLoadDecisions(caseId);
      void get().reviewLoadTimeline(caseId);
      return () => {
        open = false;
        if (firstImages.get(caseId) === firstImage) firstImages.delete(caseId);
        offChanged();
        void call('cases:viewing', { caseId: null }).catch(() => undefined);
      };
    },

    async reviewLoad(caseId) {
      const ticket = take(`load:${caseId}`);
      patch(caseId, { loading: true });
      try {
        const view = await call('cases:get', { caseId });
        if (current(`load:${caseId}`, ticket)) patch(caseId, { view, loading: false, loadError: null });
      } catch (error) {
        if (current(`load:${caseId}`, ticket))
          patch(caseId, { loading: false, loadError: errorMessage(error) });
      }
    },

    async reviewRefresh(caseId) {
      const ticket = take(`refresh:${caseId}`);
      patch(caseId, { refreshing: true, refreshError: null });
      try {
        const view = await call('cases:refresh', { caseId });
        if (!current(`refresh:${caseId}`, ticket)) return;
        take(`load:${caseId}`); // this answer is newer than any load still in flight
        patch(caseId, { view, refreshing: false, refreshedAt: Date.now(), loadError: null, loading: false });
        announce('Case refreshed from Ondato.');
        void get().reviewLoadTimeline(caseId);
      } catch (error) {
        if (!current(`refresh:${caseId}`, ticket)) return;
        const message = errorMessage(error);
        patch(caseId, { refreshing: false, refreshError: message });
        announce(`Refresh failed. ${message}`);
      }
    },

    async reviewLoadDecisions(caseId) {
      const ticket = take(`decisions:${caseId}`);
      try {
        const decisions = await call('review:decisions', { caseId });
        if (current(`decisions:${caseId}`, ticket)) patch(caseId, { decisions, decisionsError: null });
      } catch (error) {
        if (current(`decisions:${caseId}`, ticket)) patch(caseId, { decisionsError: errorMessage(error) });
      }
    },

    async reviewLoadTimeline(caseId) {
      const ticket = take(`timeline:${caseId}`);
      try {
        const timeline = await call('audit:list', { caseId });
        if (current(`timeline:${caseId}`, ticket)) patch(caseId, { timeline, timelineError: null });
      } catch (error) {
        if (current(`timeline:${caseId}`, ticket)) patch(caseId, { timelineError: errorMessage(error) });
      }
    },

    async reviewDecide(input) {
      const { caseId } = input;
      if (get().reviewCases[caseId]?.deciding) return null;
      patch(caseId, { deciding: true, decideError: null });
      try {
        const record = await call('review:decide', input);
        patch(caseId, (c) => ({
          deciding: false,
          decideError: null,
          decisions: [...(c.decisions ?? []).filter((d) => d.id !== record.id), record],
          view: c.view
            ? { ...c.view, decision: record.decision, latestDecision: record, decidedAt: record.decidedAt }
            : c.view,
        }));
        const reason = DECISION_REASONS[record.decision].find((r) => r.code === record.reasonCode)?.label;
        announce(`Decision recorded: ${DECISION_LABELS[record.decision]}${reason ? `, ${reason}` : ''}.`);
        void get().reviewLoadDecisions(caseId);
        void get().reviewLoadTimeline(caseId);
        return record;
      } catch (error) {
        const problem = formError(error);
        patch(caseId, { deciding: false, decideError: problem });
        announce(`The decision was not recorded. ${problem.message}`);
        return null;
      }
    },

    reviewClearDecideError(caseId) {
      if (get().reviewCases[caseId]?.decideError) patch(caseId, { decideError: null });
    },

    reviewSaveDraft(caseId, draft) {
      if (draft !== null || get().reviewCases[caseId]?.draft) patch(caseId, { draft });
    },

    async reviewImage(caseId, fileId) {
      try {
        return { ok: true, image: await call('cases:image', { caseId, fileId }) };
      } catch (error) {
        return { ok: false, message: errorMessage(error) };
      }
    },

    async reviewFirstImage(caseId, fileId) {
      const pending = firstImages.get(caseId);
      firstImages.delete(caseId);
      const first = pending ? await pending : null;
      if (first && first.fileId === fileId) return { ok: true, image: first.image };
      return get().reviewImage(caseId, fileId);
    },

    reviewAnnounce(text) {
      announce(text);
    },
  };
};
