import type { CaseView, SetupOption } from '../../../shared/domain/views';
import type { NewCaseForm } from '../../../shared/validation/registration';
import { call } from '../api';
import { attempt, type ActionResult, type Loadable } from './action-result';
import type { SliceCreator } from './types';

export const NEW_CASE_FIELDS = [
  'firstName',
  'middleName',
  'lastName',
  'dateOfBirth',
  'personalCode',
  'countryCode',
  'email',
  'phone',
  'externalRef',
  'setupId',
] as const;

export type NewCaseField = (typeof NEW_CASE_FIELDS)[number];
export type NewCaseDraft = Record<NewCaseField, string>;

export const EMPTY_DRAFT: NewCaseDraft = {
  firstName: '',
  middleName: '',
  lastName: '',
  dateOfBirth: '',
  personalCode: '',
  countryCode: '',
  email: '',
  phone: '',
  externalRef: '',
  setupId: '',
};

/** The draft as the contract takes it; an unset setup is left out (main uses the workspace's). */
export function draftToForm(draft: NewCaseDraft, today: string): NewCaseForm {
  const { setupId, ...rest } = draft;
  return { ...rest, ...(setupId ? { setupId } : {}), today };
}

export interface NewCaseSlice {
  /** The active workspace's Ondato setups, for the new-case form. */
  setups: Loadable<SetupOption[]>;
  /** What the officer has typed so far; kept when they look at another screen meanwhile. */
  newCaseDraft: NewCaseDraft;
  /** The case just created, shown with its link until the officer moves on. */
  createdCase: CaseView | null;
  loadSetups(): Promise<void>;
  setNewCaseDraft(patch: Partial<NewCaseDraft>): void;
  createCase(form: NewCaseForm): Promise<ActionResult<CaseView>>;
  clearCreatedCase(): void;
  /** Forgets everything tied to the active workspace (on a switch). */
  resetNewCase(): void;
}

export const createNewCaseSlice: SliceCreator<NewCaseSlice> = (set, get) => ({
  setups: { status: 'idle' },
  newCaseDraft: EMPTY_DRAFT,
  createdCase: null,

  async loadSetups() {
    set({ setups: { status: 'loading' } });
    const result = await attempt(() => call('workspaces:setups', undefined));
    set({
      setups: result.ok
        ? { status: 'ready', value: result.value }
        : { status: 'error', message: result.error.message },
    });
  },

  setNewCaseDraft(patch) {
    set((state) => ({ newCaseDraft: { ...state.newCaseDraft, ...patch } }));
  },

  async createCase(form) {
    const result = await attempt(() => call('cases:create', form));
    if (result.ok) {
      set({ createdCase: result.value, newCaseDraft: EMPTY_DRAFT });
      void get().refreshCaseList();
    }
    return result;
  },

  clearCreatedCase() {
    set({ createdCase: null });
  },

  resetNewCase() {
    set({ createdCase: null, setups: { status: 'idle' }, newCaseDraft: EMPTY_DRAFT });
  },
});
