// ISO-3166 countries from a maintained package (i18n-iso-countries), English names only: the
// package's default entry registers every language, which would bloat the server bundle.
import * as countries from 'i18n-iso-countries/index.js';
import en from 'i18n-iso-countries/langs/en.json';

countries.registerLocale(en);

export interface Country {
  code: string;
  name: string;
}

let all: Country[] | undefined;

/** Every alpha-2 code with its English name, sorted by code. */
export function allCountries(): readonly Country[] {
  all ??= Object.entries(countries.getNames('en', { select: 'official' }))
    .map(([code, name]) => ({ code, name }))
    .sort((a, b) => a.code.localeCompare(b.code));
  return all;
}

export function countryName(code: string): string | undefined {
  return /^[A-Za-z]{2}$/.test(code) ? countries.getName(code.toUpperCase(), 'en') : undefined;
}

/** The alpha-2 code of an English country name (`United Kingdom` -> `GB`). */
export function countryCodeOfName(name: string): string | undefined {
  return countries.getAlpha2Code(name, 'en');
}

let alpha2: Set<string> | undefined;

export function isAlpha2Code(code: string): boolean {
  alpha2 ??= new Set(Object.keys(countries.getAlpha2Codes()));
  return alpha2.has(code);
}
