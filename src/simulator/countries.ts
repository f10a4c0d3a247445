import { iso3Of } from '../shared/domain/countries';

/** ICAO's code for "unspecified nationality" stands in for codes that are well-formed but unknown. */
export function toIso3(alpha2: string): string {
  return iso3Of(alpha2) ?? 'XXX';
}
