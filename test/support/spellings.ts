// The spellings a server may echo a secret in, for the masking tests.
const hex = (n: number, width: number) => n.toString(16).padStart(width, '0');
const units = (s: string) => [...Array(s.length).keys()].map((i) => s.charCodeAt(i));
const codePoints = (s: string) => [...s].map((c) => c.codePointAt(0) ?? 0);
const utf8 = (s: string) => [...Buffer.from(s, 'utf8')];

/** Every spelling the masking must know, each applied to the whole secret. */
export function spellings(secret: string): Record<string, string> {
  const mixed = (s: string) => s.replace(/[a-f]/g, (c, i: number) => (i % 2 ? c.toUpperCase() : c));
  return {
    raw: secret,
    encodeURIComponent: encodeURIComponent(secret),
    encodeURI: encodeURI(secret),
    form: new URLSearchParams({ s: secret }).toString().slice(2),
    'percent, lower-case hex': encodeURIComponent(secret).replace(/%[0-9A-F]{2}/g, (m) => m.toLowerCase()),
    'percent, every byte, lower case': utf8(secret)
      .map((b) => `%${hex(b, 2)}`)
      .join(''),
    'percent, every byte, mixed case': mixed(
      utf8(secret)
        .map((b) => `%${hex(b, 2)}`)
        .join(''),
    ),
    escape: units(secret)
      .map((u) => `%u${hex(u, 4).toUpperCase()}`)
      .join(''),
    JSON: JSON.stringify(secret).slice(1, -1),
    'JSON \\u, every character, lower case': units(secret)
      .map((u) => `\\u${hex(u, 4)}`)
      .join(''),
    'JSON \\u, every character, upper case': units(secret)
      .map((u) => `\\u${hex(u, 4).toUpperCase()}`)
      .join(''),
    'JSON \\u, one character': `\\u${hex(units(secret)[0], 4)}${secret.slice(1)}`,
    'HTML decimal': codePoints(secret)
      .map((c) => `&#${c};`)
      .join(''),
    'HTML decimal, leading zeros': codePoints(secret)
      .map((c) => `&#000${c};`)
      .join(''),
    'HTML hex': codePoints(secret)
      .map((c) => `&#x${hex(c, 1)};`)
      .join(''),
    'HTML hex, upper case': codePoints(secret)
      .map((c) => `&#X${hex(c, 1).toUpperCase()};`)
      .join(''),
    'HTML named where there is a name': secret
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
      .replace(/\//g, '&sol;')
      .replace(/=/g, '&equals;')
      .replace(/\+/g, '&plus;')
      .replace(/é/g, '&eacute;'),
    'HTML entity inside JSON': codePoints(secret)
      .map((c) => `\\u0026#${c};`)
      .join(''),
  };
}
