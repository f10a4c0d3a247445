export { iso2Of, iso3Of } from '../../../../shared/domain/countries';
export { countryName } from '../../../../shared/domain/country-names';
