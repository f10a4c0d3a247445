import { useEffect } from 'react';
import type { ThemePreference } from '../../../../shared/domain/views';

/**
 * Puts the theme on <html data-theme="light|dark">; "system" follows the OS setting live. The CSS reads
 * only `data-theme`, so there is one place that decides.
 */
export function useAppliedTheme(preference: ThemePreference): void {
  useEffect(() => {
    const root = document.documentElement;
    const media =
      typeof window.matchMedia === 'function' ? window.matchMedia('(prefers-color-scheme: dark)') : null;
    const apply = (): void => {
      const dark = preference === 'dark' || (preference === 'system' && media?.matches === true);
      root.dataset.theme = dark ? 'dark' : 'light';
      root.dataset.themePreference = preference;
    };
    apply();
    if (preference !== 'system' || !media) return undefined;
    media.addEventListener('change', apply);
    return () => media.removeEventListener('change', apply);
  }, [preference]);
}
