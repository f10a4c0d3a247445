import { assignedIso2Codes } from '../../../../shared/domain/countries';

export interface CountryOption {
  code: string;
  name: string;
}

let cached: CountryOption[] | null = null;

/** ISO 3166 codes with English names from the runtime's ICU data (no table shipped), sorted by name. */
export function countryOptions(): CountryOption[] {
  if (cached) return cached;
  let names: Intl.DisplayNames | null = null;
  try {
    names = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'code' });
  } catch {
    names = null;
  }
  cached = assignedIso2Codes()
    .map((code) => ({ code, name: names?.of(code) ?? code }))
    .sort((a, b) => a.name.localeCompare(b.name, 'en'));
  return cached;
}
