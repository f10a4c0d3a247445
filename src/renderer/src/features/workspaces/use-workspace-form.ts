import { useState } from 'react';
import type { SetupOption, WorkspaceView } from '../../../../shared/domain/views';
import { useStore } from '../../store';
import { connectionProblem, type ConnectionProblem } from './connection-errors';
import type { HostValues } from './host-edits';
import {
  ADD_FIELDS,
  addInputOf,
  check,
  DEMO_EDIT_FIELDS,
  draftOf,
  movedHosts,
  updateInputOf,
  valuesOf,
  type WorkspaceValues,
} from './workspace-values';

type Busy = 'test' | 'save' | null;

export interface WorkspaceForm {
  values: WorkspaceValues;
  change<K extends Exclude<keyof WorkspaceValues, 'hosts'>>(key: K, value: WorkspaceValues[K]): void;
  changeHost(key: keyof HostValues, value: string): void;
  /** The setups Ondato returned to the last test (null: not tested since the credentials changed). */
  setups: SetupOption[] | null;
  problem: ConnectionProblem | null;
  busy: Busy;
  /** Editing: an Ondato address changed, so the secret is needed again. */
  moved: boolean;
  error(key: string): string | undefined;
  test(): Promise<void>;
  save(event: React.FormEvent): Promise<void>;
}

const CREDENTIALS = new Set<keyof WorkspaceValues>(['environment', 'clientId', 'clientSecret']);

function secretNeeded(): ConnectionProblem {
  const message = 'Enter the client secret again for the new Ondato addresses.';
  return { code: 'invalid_input', message, detail: null, fields: { clientSecret: message }, others: [] };
}

/**
 * The workspace form's behaviour. Adding: test the credentials, pick a setup, save. Editing: name,
 * officer, addresses, setup and a new secret (client ID and environment stay); a changed address
 * needs the secret again. Both check the input with the contract's schema before sending anything.
 */
export function useWorkspaceForm(workspace: WorkspaceView | undefined, onSaved: () => void): WorkspaceForm {
  const probe = useStore((s) => s.probeWorkspace);
  const add = useStore((s) => s.addWorkspace);
  const update = useStore((s) => s.updateWorkspace);
  const retest = useStore((s) => s.testWorkspace);
  const [values, setValues] = useState<WorkspaceValues>(() => valuesOf(workspace));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [setups, setSetups] = useState<SetupOption[] | null>(null);
  const [problem, setProblem] = useState<ConnectionProblem | null>(null);
  const [busy, setBusy] = useState<Busy>(null);
  const shown = workspace?.environment === 'demo' ? DEMO_EDIT_FIELDS : ADD_FIELDS;
  const moved = workspace ? movedHosts(values, workspace) : false;

  const fail = (found: ConnectionProblem): void => {
    setProblem(found);
    setErrors(found.fields);
  };

  const change: WorkspaceForm['change'] = (key, value) => {
    setValues((v) => ({ ...v, [key]: value }));
    setErrors(({ [key]: _, ...rest }) => rest);
    // Adding: new credentials invalidate what the last test found.
    if (!workspace && CREDENTIALS.has(key)) {
      setSetups(null);
      setProblem(null);
      setValues((v) => ({ ...v, setupId: '' }));
    }
  };

  const changeHost = (key: keyof HostValues, value: string): void => {
    setValues((v) => ({ ...v, hosts: { ...v.hosts, [key]: value } }));
    setErrors(({ [`overrides.${key}`]: _, overrides: __, ...rest }) => rest);
    // Other addresses invalidate what the last test found, like other credentials.
    if (!workspace) {
      setSetups(null);
      setProblem(null);
    }
  };

  const test = async (): Promise<void> => {
    setProblem(null);
    let result;
    if (workspace) {
      setBusy('test');
      result = await retest(workspace.id);
    } else {
      const draft = draftOf(values);
      const local = check.draft(draft);
      setErrors(local);
      if (Object.keys(local).length > 0) return;
      setBusy('test');
      result = await probe(draft);
    }
    setBusy(null);
    if (!result.ok) return fail(connectionProblem(result.error, shown));
    setSetups(result.value.setups);
    const usable = result.value.setups.filter((s) => !s.disabled);
    if (!workspace && usable.length === 1) setValues((v) => ({ ...v, setupId: usable[0]!.id }));
  };

  const save = async (event: React.FormEvent): Promise<void> => {
    event.preventDefault();
    setProblem(null);
    if (workspace && moved && !values.clientSecret) return fail(secretNeeded());
    if (!workspace && !setups) return;
    const run = workspace
      ? (() => {
          const input = updateInputOf(values, workspace);
          return { local: check.update(input), send: () => update(input) };
        })()
      : (() => {
          const input = addInputOf(values);
          return { local: check.add(input), send: () => add(input) };
        })();
    setErrors(run.local);
    if (Object.keys(run.local).length > 0) {
      setProblem(
        connectionProblem({ code: 'invalid_input', message: '', fields: toLists(run.local) }, shown),
      );
      return;
    }
    setBusy('save');
    const result = await run.send();
    setBusy(null);
    if (result.ok) onSaved();
    else fail(connectionProblem(result.error, shown));
  };

  return {
    values,
    change,
    changeHost,
    setups,
    problem,
    busy,
    moved,
    error: (key) => errors[key] ?? (key.startsWith('overrides.') ? errors.overrides : undefined),
    test,
    save,
  };
}

function toLists(fields: Record<string, string>): Record<string, string[]> {
  return Object.fromEntries(Object.entries(fields).map(([key, message]) => [key, [message]]));
}
