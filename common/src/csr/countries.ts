// ISO 3166-1 alpha-2 country codes (Comodo -7 "'xx' is not a valid ISO-3166 country!").
import { getAlpha2Codes } from 'i18n-iso-countries';

let codes: ReadonlySet<string> | undefined;

export function isIso3166Alpha2(code: string): boolean {
  codes ??= new Set(Object.keys(getAlpha2Codes()));
  return codes.has(code);
}

/** Common mistakes and the assigned code meant: UK is reserved; the United Kingdom is GB. */
export const COUNTRY_SUGGESTIONS: Readonly<Record<string, string>> = { UK: 'GB', EL: 'GR' };
