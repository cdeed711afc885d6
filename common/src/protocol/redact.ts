// Keeping secrets out of everything that is written or shown: the request as stored and shown
// is built with the secret masked, and every string that leaves the submission (history, log,
// panel) passes through `redactText`/`redactDeep`/`redactRecord` as a second net.
//
// A server may echo the secret in any spelling, each character on its own: raw, percent-encoded
// (either case of hex, UTF-8 or `%uXXXX`, `+` for a space: form, encodeURI, encodeURIComponent,
// escape), JSON-escaped (`\u0064` in either case, `\"`, `\/`...), or as an HTML entity (named,
// decimal, hex). One pattern per secret matches every mix of those, character by character.
import { createHash } from 'node:crypto';
import type { SubmissionRecord } from './record';
import type { ParsedError, ParsedResponse, ParsedSuccess, ParsedUnexpected } from './types';

export const MASK = '********';

const HEX_DIGIT = (d: string): string => (/[a-f]/i.test(d) ? `[${d.toLowerCase()}${d.toUpperCase()}]` : d);

/** `0x2f` as `2[fF]`, padded to `width` digits. */
function hexPattern(n: number, width: number): string {
  return [...n.toString(16).padStart(width, '0')].map(HEX_DIGIT).join('');
}

/** HTML5 names for ASCII punctuation and whitespace; each names exactly one character. */
const ASCII_ENTITIES: Record<string, string[]> = {
  '\t': ['Tab'],
  '\n': ['NewLine'],
  '!': ['excl'],
  '"': ['quot', 'QUOT'],
  '#': ['num'],
  $: ['dollar'],
  '%': ['percnt'],
  '&': ['amp', 'AMP'],
  "'": ['apos'],
  '(': ['lpar'],
  ')': ['rpar'],
  '*': ['ast', 'midast'],
  '+': ['plus'],
  ',': ['comma'],
  '.': ['period'],
  '/': ['sol'],
  ':': ['colon'],
  ';': ['semi'],
  '<': ['lt', 'LT'],
  '=': ['equals'],
  '>': ['gt', 'GT'],
  '?': ['quest'],
  '@': ['commat'],
  '[': ['lsqb', 'lbrack'],
  '\\': ['bsol'],
  ']': ['rsqb', 'rbrack'],
  '^': ['Hat'],
  _: ['lowbar', 'UnderBar'],
  '`': ['grave', 'DiacriticalGrave'],
  '{': ['lcub', 'lbrace'],
  '|': ['verbar', 'vert', 'VerticalLine'],
  '}': ['rcub', 'rbrace'],
};

/** HTML 4's Latin-1 entities, U+00A0 to U+00FF in order. */
const LATIN1_ENTITIES = (
  'nbsp iexcl cent pound curren yen brvbar sect uml copy ordf laquo not shy reg macr deg plusmn ' +
  'sup2 sup3 acute micro para middot cedil sup1 ordm raquo frac14 frac12 frac34 iquest Agrave ' +
  'Aacute Acirc Atilde Auml Aring AElig Ccedil Egrave Eacute Ecirc Euml Igrave Iacute Icirc Iuml ' +
  'ETH Ntilde Ograve Oacute Ocirc Otilde Ouml times Oslash Ugrave Uacute Ucirc Uuml Yacute THORN ' +
  'szlig agrave aacute acirc atilde auml aring aelig ccedil egrave eacute ecirc euml igrave iacute ' +
  'icirc iuml eth ntilde ograve oacute ocirc otilde ouml divide oslash ugrave uacute ucirc uuml ' +
  'yacute thorn yuml'
).split(' ');

function entityNames(ch: string): string[] {
  const cp = ch.codePointAt(0) ?? 0;
  if (cp >= 0xa0 && cp <= 0xff) return [LATIN1_ENTITIES[cp - 0xa0]];
  return ASCII_ENTITIES[ch] ?? [];
}

const JSON_SHORT: Record<string, string> = {
  '"': '\\"',
  '\\': '\\\\',
  '/': '\\/',
  '\b': '\\b',
  '\f': '\\f',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
};

const escapeRegExp = (s: string): string => s.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&');

/** An entity's `&`: itself, or JSON- or percent-escaped (an entity inside JSON or a form). */
const AMP = '(?:&|\\\\u0026|%26)';

/** Every spelling of one character (a code point), as a regular-expression alternation. */
function characterPattern(ch: string): string {
  const cp = ch.codePointAt(0) ?? 0;
  const units = [...Array(ch.length).keys()].map((i) => ch.charCodeAt(i));
  const bytes = [...Buffer.from(ch, 'utf8')];
  const alternatives = [
    escapeRegExp(ch),
    bytes.map((b) => `%${hexPattern(b, 2)}`).join(''),
    units.map((u) => `%[uU]${hexPattern(u, 4)}`).join(''),
    units.map((u) => `\\\\u${hexPattern(u, 4)}`).join(''),
    `${AMP}#0*${cp};?`,
    `${AMP}#[xX]0*${hexPattern(cp, 1)};?`,
    ...entityNames(ch).map((name) => `${AMP}${name};?`),
  ];
  if (JSON_SHORT[ch]) alternatives.push(escapeRegExp(JSON_SHORT[ch]));
  if (ch === ' ') alternatives.push('\\+');
  return `(?:${alternatives.join('|')})`;
}

const patterns = new Map<string, RegExp>();

/** The pattern matching every spelling of a secret (cached: one per secret, a few at most). */
function secretPattern(secret: string): RegExp {
  let pattern = patterns.get(secret);
  if (!pattern) {
    pattern = new RegExp([...secret].map(characterPattern).join(''), 'gu');
    if (patterns.size > 32) patterns.clear();
    patterns.set(secret, pattern);
  }
  return pattern;
}

/** Longest first, so that a longer secret is not half-replaced by a shorter one inside it. */
const bySize = (secrets: readonly string[]): string[] =>
  secrets.filter((s) => s !== '').sort((a, b) => b.length - a.length);

export function redactText(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of bySize(secrets)) out = out.replace(secretPattern(secret), MASK);
  return out;
}

/**
 * A deep copy with every string value redacted. Keys are left as they are: they are the record's
 * own structure (and an answer's field names), and a short secret (`e`) must not break it.
 */
export function redactDeep<T>(value: T, secrets: readonly string[]): T {
  if (bySize(secrets).length === 0) return value;
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') return redactText(v, secrets);
    if (Array.isArray(v)) return v.map(walk);
    if (typeof v === 'object' && v !== null)
      return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)]));
    return v;
  };
  return walk(value) as T;
}

/** Whether any spelling of a secret occurs in the text (for assertions and a last check before writing). */
export function containsSecret(text: string, secrets: readonly string[]): boolean {
  return bySize(secrets).some((s) => {
    const pattern = secretPattern(s);
    pattern.lastIndex = 0;
    const found = pattern.test(text);
    pattern.lastIndex = 0;
    return found;
  });
}

/**
 * A value that must be compared later (the duplicate key) but may hold a secret: kept as it is
 * when it holds none, else as its SHA-256, which compares the same and shows nothing.
 */
export function secretFreeKey(key: string, secrets: readonly string[]): string {
  return containsSecret(key, secrets) ? hashedKey(key) : key;
}

export function hashedKey(key: string): string {
  return `sha256:${createHash('sha256').update(key).digest('hex')}`;
}

/**
 * The record with every value that came from outside (the request, the answer, the failure's
 * text, the parsed values, the endpoint and order file) masked, and its own structure kept as it
 * was: keys, format, id, API, environment, times, kinds, codes and the catalogue's field names.
 * So a short secret (`demo`, `1`, `e`) masks parts of values only, and Show Order History and the
 * duplicate guard still read the record. Each value is masked before the record is serialised.
 */
export function redactRecord(record: SubmissionRecord, secrets: readonly string[]): SubmissionRecord {
  const masked = redactDeep(record, secrets);
  const out: SubmissionRecord = {
    ...masked,
    format: record.format,
    id: record.id,
    apiId: record.apiId,
    apiTitle: record.apiTitle,
    environment: record.environment,
    startedAt: record.startedAt,
    request: { ...masked.request, method: record.request.method },
  };
  if (record.duplicateKey !== undefined) out.duplicateKey = secretFreeKey(record.duplicateKey, secrets);
  if (record.failure && masked.failure)
    out.failure = { ...masked.failure, kind: record.failure.kind, code: record.failure.code };
  if (record.parsed && masked.parsed) out.parsed = keepParsedStructure(record.parsed, masked.parsed);
  return out;
}

function keepParsedStructure(original: ParsedResponse, masked: ParsedResponse): ParsedResponse {
  if (original.kind === 'unexpected') return { ...(masked as ParsedUnexpected), kind: 'unexpected' };
  const m = masked as ParsedSuccess | ParsedError;
  const fields = m.fields.map((f, i) => ({
    ...f,
    name: original.fields[i]?.name ?? f.name,
    label: original.fields[i]?.label ?? f.label,
  }));
  return { ...m, kind: original.kind, statusMeaning: original.statusMeaning, fields } as ParsedResponse;
}
