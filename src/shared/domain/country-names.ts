import { iso2Of, isKnownIso2 } from './countries';

let names: Intl.DisplayNames | null | undefined;

/** The English name of a country given by its alpha-2 or alpha-3 code; null when unknown. */
export function countryName(code: string): string | null {
  const upper = code.trim().toUpperCase();
  const alpha2 = upper.length === 2 ? upper : iso2Of(upper);
  if (!alpha2 || !isKnownIso2(alpha2)) return null;
  if (names === undefined) {
    try {
      names = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });
    } catch {
      names = null;
    }
  }
  try {
    return names?.of(alpha2) ?? null;
  } catch {
    return null;
  }
}
