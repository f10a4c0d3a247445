import { useCallback, useEffect, useState } from 'react';
import type { CounterView } from '../../../../shared/domain/counter';
import { call, subscribe } from '../../api';
import { attempt, type ActionResult } from '../../store/action-result';

export type CounterPageState =
  | { status: 'loading' }
  | { status: 'ready'; view: CounterView }
  | { status: 'error'; message: string }
  | { status: 'ended' };

export interface CounterPage {
  state: CounterPageState;
  /** Esc, or the window's own close button (Electron): the exit dialog asks for the officer. */
  exiting: boolean;
  setExiting(open: boolean): void;
  leave(pin: string | undefined): Promise<ActionResult<void>>;
}

/**
 * The counter page's only door to main: its own case's view (`counter:view`) and leaving it
 * (`counter:close`), reloaded whenever main says the case moved on. It never asks for anything else.
 */
export function useCounterView(caseId: string): CounterPage {
  const [state, setState] = useState<CounterPageState>({ status: 'loading' });
  const [exiting, setExiting] = useState(false);

  useEffect(() => {
    let live = true;
    const load = (): void => {
      void attempt(() => call('counter:view', { caseId })).then((result) => {
        if (!live) return;
        setState((current) =>
          current.status === 'ended'
            ? current
            : result.ok
              ? { status: 'ready', view: result.value }
              : { status: 'error', message: result.error.message },
        );
      });
    };
    load();
    const onKey = (event: KeyboardEvent): void => {
      if (event.key === 'Escape') setExiting(true);
    };
    document.addEventListener('keydown', onKey);
    const offs = [
      subscribe('counter:changed', (change) => {
        if (change.caseId !== caseId) return;
        if (change.active) load();
        else setState({ status: 'ended' });
      }),
      subscribe('counter:exit-requested', (request) => {
        if (request.caseId === caseId) setExiting(true);
      }),
    ];
    return () => {
      live = false;
      document.removeEventListener('keydown', onKey);
      offs.forEach((off) => off());
    };
  }, [caseId]);

  const leave = useCallback(
    async (pin: string | undefined): Promise<ActionResult<void>> => {
      const result = await attempt(() =>
        call('counter:close', pin === undefined ? { caseId } : { caseId, pin }),
      );
      if (result.ok) {
        setExiting(false);
        setState({ status: 'ended' });
      }
      return result;
    },
    [caseId],
  );

  return { state, exiting, setExiting, leave };
}

/** The QR code's SVG as a blob: URL (the CSP allows blob: images, not inline markup). */
export function useSvgUrl(svg: string | null): string | null {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    if (svg === null) return undefined;
    const next = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
    // The URL is an external resource the effect makes and revokes; state is how the image gets it.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setUrl(next);
    return () => URL.revokeObjectURL(next);
  }, [svg]);
  return url;
}
