import { useEffect, useMemo, useState } from 'react';
import { newCaseErrors } from '../../../../shared/validation/registration';
import { localToday } from '../../components/format';
import { useStore } from '../../store';
import { draftToForm, NEW_CASE_FIELDS, type NewCaseField } from '../../store/new-case-slice';
import { mapServerFields } from './server-fields';

type Touched = Partial<Record<NewCaseField, boolean>>;

export interface NewCaseFormState {
  draft: ReturnType<typeof useStore.getState>['newCaseDraft'];
  errorFor(field: NewCaseField): string | undefined;
  change(field: NewCaseField, value: string): void;
  touch(field: NewCaseField): void;
  formError: string | null;
  busy: boolean;
  offline: boolean;
  submit(event: React.FormEvent): Promise<void>;
}

/**
 * The line above the footer: main's sentence when it points at highlighted fields; when nothing could
 * be highlighted, the messages themselves (not "check the highlighted fields" with none highlighted).
 */
export function formErrorOf(message: string, highlighted: boolean, other: readonly string[]): string {
  if (highlighted) return [message, ...other].join(' ');
  return other.length > 0 ? other.join(' ') : message;
}

/**
 * The new-case form's behaviour: the draft lives in the store (it survives leaving the screen), each
 * field's message shows once the officer left it or tried to submit, main's messages land on their
 * fields, and the first problem gets the focus.
 */
export function useNewCaseForm(formRef: React.RefObject<HTMLFormElement | null>): NewCaseFormState {
  const draft = useStore((s) => s.newCaseDraft);
  const setDraft = useStore((s) => s.setNewCaseDraft);
  const createCase = useStore((s) => s.createCase);
  const setups = useStore((s) => s.setups);
  const loadSetups = useStore((s) => s.loadSetups);
  const offline = useStore((s) => s.sync?.state === 'offline');
  const [touched, setTouched] = useState<Touched>({});
  const [submitted, setSubmitted] = useState(false);
  const [serverFields, setServerFields] = useState<Partial<Record<NewCaseField, string>>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (setups.status === 'idle') void loadSetups();
  }, [setups.status, loadSetups]);

  const clientErrors = useMemo(() => newCaseErrors(draftToForm(draft, localToday())), [draft]);

  const focusFirstInvalid = (fields: Partial<Record<string, string>>): void => {
    const first = NEW_CASE_FIELDS.find((field) => fields[field]);
    if (first) formRef.current?.querySelector<HTMLElement>(`[name="${first}"]`)?.focus();
  };

  const submit = async (event: React.FormEvent): Promise<void> => {
    event.preventDefault();
    setSubmitted(true);
    setFormError(null);
    if (Object.keys(clientErrors).length > 0) {
      setFormError('Check the highlighted fields.');
      focusFirstInvalid(clientErrors);
      return;
    }
    setBusy(true);
    const result = await createCase(draftToForm(draft, localToday()));
    setBusy(false);
    if (result.ok) return;
    const { byField, other } = mapServerFields(result.error.fields);
    setServerFields(byField);
    setFormError(formErrorOf(result.error.message, Object.keys(byField).length > 0, other));
    focusFirstInvalid(byField);
  };

  return {
    draft,
    errorFor: (field) =>
      serverFields[field] ?? (touched[field] || submitted ? clientErrors[field] : undefined),
    change(field, value) {
      setDraft({ [field]: value });
      if (serverFields[field]) setServerFields(({ [field]: _, ...rest }) => rest);
    },
    touch: (field) => setTouched((t) => ({ ...t, [field]: true })),
    formError,
    busy,
    offline,
    submit,
  };
}
