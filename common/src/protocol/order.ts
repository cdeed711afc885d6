// Reading an order file into the fields that are sent. The file format: a JSON object whose
// `$api` names the API, `$`-keys are the extension's own (never sent), every other key is the
// vendor's field name (Comodo: case-insensitive, flat; SSL2Buy: the JSON body).
import { parse, type ParseError } from 'jsonc-parser';
import { API_KEY, CSR_FILE_PREFIX, findCatalogue, type ApiCatalogue, type FieldSpec } from '../catalogue';

export interface Order {
  api: ApiCatalogue;
  /** The vendor fields in file order, `$`-keys removed. */
  fields: Record<string, unknown>;
}

export type ReadOrderResult = { ok: true; order: Order } | { ok: false; problem: string };

export function readOrder(text: string): ReadOrderResult {
  const errors: ParseError[] = [];
  const value: unknown = parse(text, errors, { allowTrailingComma: false, disallowComments: true });
  if (errors.length > 0) return { ok: false, problem: 'The order is not valid JSON.' };
  if (!isRecord(value)) return { ok: false, problem: 'The order must be a JSON object.' };
  const apiId = value[API_KEY];
  if (typeof apiId !== 'string')
    return { ok: false, problem: `The order has no "${API_KEY}" naming its API.` };
  const api = findCatalogue(apiId);
  if (!api) return { ok: false, problem: `"${API_KEY}": "${apiId}" is not an API this extension knows.` };
  const fields: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) if (!key.startsWith('$')) fields[key] = v;
  return { ok: true, order: { api, fields } };
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The key the file uses for a catalogue field (case-insensitive where the API is). */
export function keyOf(api: ApiCatalogue, fields: Record<string, unknown>, name: string): string | undefined {
  if (!api.caseInsensitiveNames) return name in fields ? name : undefined;
  const lower = name.toLowerCase();
  return Object.keys(fields).find((k) => k.toLowerCase() === lower);
}

export function valueOf(order: Order, name: string): unknown {
  const key = keyOf(order.api, order.fields, name);
  return key === undefined ? undefined : order.fields[key];
}

/** The catalogue field with the given credential role (`loginName`/`PartnerEmail`, `loginPassword`/`ApiKey`). */
export function credentialField(api: ApiCatalogue, role: 'user' | 'secret'): FieldSpec {
  const field = api.fields.find((f) => f.credential === role);
  if (!field) throw new Error(`The catalogue of ${api.id} has no ${role} credential field.`);
  return field;
}

export function csrField(api: ApiCatalogue): FieldSpec {
  const field = api.fields.find((f) => f.csr);
  if (!field) throw new Error(`The catalogue of ${api.id} has no CSR field.`);
  return field;
}

/** The CSR as written: inline text, or the path of a `file:` reference relative to the order. */
export function csrReference(order: Order): { key: string; inline?: string; file?: string } | undefined {
  const key = keyOf(order.api, order.fields, csrField(order.api).name);
  if (key === undefined) return undefined;
  const value = order.fields[key];
  if (typeof value !== 'string') return { key };
  if (value.startsWith(CSR_FILE_PREFIX)) return { key, file: value.slice(CSR_FILE_PREFIX.length).trim() };
  return { key, inline: value };
}

/** The order with its CSR field holding the CSR's text (after a `file:` reference is read). */
export function withCsrText(order: Order, csrText: string): Order {
  const ref = csrReference(order);
  if (!ref) return order;
  return { ...order, fields: { ...order.fields, [ref.key]: csrText } };
}

export function csrText(order: Order): string | undefined {
  const ref = csrReference(order);
  return ref?.inline;
}

/** The account name written in the order, if any. */
export function userInOrder(order: Order): string | undefined {
  const v = valueOf(order, credentialField(order.api, 'user').name);
  return typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined;
}

/**
 * Every key of the order that spells a credential's name in any case. Case-insensitive for every
 * API: `apikey` is not SSL2Buy's field, but it holds the same secret and must not be sent or kept.
 */
function credentialKeys(order: Order, role?: 'user' | 'secret'): string[] {
  const names = new Set(
    order.api.fields
      .filter((f) => (role ? f.credential === role : f.credential !== undefined))
      .map((f) => f.name.toLowerCase()),
  );
  return Object.keys(order.fields).filter((k) => names.has(k.toLowerCase()));
}

/** Keys of secrets written in the order: they are never sent (the language server warns). */
export function secretKeysInOrder(order: Order): string[] {
  return credentialKeys(order, 'secret');
}

/** The values of secrets written in the order, to be masked wherever the order's text may go. */
export function secretValuesInOrder(order: Order): string[] {
  return secretKeysInOrder(order)
    .map((k) => order.fields[k])
    .filter((v): v is string => typeof v === 'string' && v !== '');
}

/** The order's fields without any credential: what the builders send besides the credentials. */
export function fieldsWithoutCredentials(order: Order): Record<string, unknown> {
  const drop = new Set(credentialKeys(order));
  return Object.fromEntries(Object.entries(order.fields).filter(([k]) => !drop.has(k)));
}
