// ISO 3166-1 countries, one module for every layer: the CSR rules' Country Name check (Comodo -7
// "'xx' is not a valid ISO-3166 country!"), the order's country field, completion and hover.
// From a maintained package (i18n-iso-countries), English names only: the package's main entry
// registers all of its locales, about 700 KB minified in each bundle that imports it. Import the
// package only here.
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

let alpha2: ReadonlySet<string> | undefined;

/** An assigned ISO 3166-1 alpha-2 code, upper case as the standard writes it. */
export function isIso3166Alpha2(code: string): boolean {
  alpha2 ??= new Set(Object.keys(countries.getAlpha2Codes()));
  return alpha2.has(code);
}

/** Common mistakes and the assigned code meant: UK is reserved; the United Kingdom is GB. */
export const COUNTRY_SUGGESTIONS: Readonly<Record<string, string>> = { UK: 'GB', EL: 'GR' };
