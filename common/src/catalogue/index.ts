// The registry of order APIs. Adding an API is adding its catalogue to SHIPPED (and its rules);
// everything else (settings, environment variables, snippets, schemas, the sandbox) reads it.
import { comodoAutoApplySsl } from './comodo';
import { catalogueClashes } from './names';
import { ssl2buySectigoPacEnterprise } from './ssl2buy';
import type { ApiCatalogue, FieldSpec } from './types';

export * from './types';
export * from './names';
export * from './csrRules';
export { comodoAutoApplySsl, ssl2buySectigoPacEnterprise };

const SHIPPED: readonly ApiCatalogue[] = [comodoAutoApplySsl, ssl2buySectigoPacEnterprise];

const registry: ApiCatalogue[] = [...SHIPPED];

/** Every order API: the shipped ones, then any registered by `registerCatalogue`. Read it at use, not at load. */
export const catalogues: readonly ApiCatalogue[] = registry;

/**
 * Adds an API beside the shipped ones, in this process only (a test's synthetic API). Throws
 * when it would share an id, a setting or an environment variable with another. Returns the
 * function that removes it again.
 */
export function registerCatalogue(api: ApiCatalogue): () => void {
  const clashes = catalogueClashes(api, registry);
  if (clashes.length > 0) throw new Error(`Cannot register ${api.id}: ${clashes.join(' ')}`);
  registry.push(api);
  return () => {
    const i = registry.indexOf(api);
    if (i >= 0 && !SHIPPED.includes(api)) registry.splice(i, 1);
  };
}

/** The order file's key that names its API: `"$api": "comodo-autoapplyssl"`. */
export const API_KEY = '$api';

/** Prefix of a CSR field's value that references a CSR file relative to the order. */
export const CSR_FILE_PREFIX = 'file:';

export function findCatalogue(id: string): ApiCatalogue | undefined {
  return catalogues.find((c) => c.id === id);
}

/** Lower-cased names of each field list, built on first use: the language server looks up every key on every keystroke. */
const lowerCaseIndexes = new WeakMap<readonly FieldSpec[], Map<string, FieldSpec>>();

/** Looks a field up by name, honouring the API's case rule. */
export function findField(
  fields: readonly FieldSpec[],
  name: string,
  caseInsensitive: boolean,
): FieldSpec | undefined {
  if (!caseInsensitive) return fields.find((f) => f.name === name);
  let index = lowerCaseIndexes.get(fields);
  if (!index) {
    index = new Map();
    for (const f of fields) if (!index.has(f.name.toLowerCase())) index.set(f.name.toLowerCase(), f);
    lowerCaseIndexes.set(fields, index);
  }
  return index.get(name.toLowerCase());
}

/** The vendor's name, for messages: `Comodo`, `SSL2Buy` (the first word of the title). */
export function vendorName(api: ApiCatalogue): string {
  return api.title.split(' ')[0];
}

export function statusMeaning(api: ApiCatalogue, code: number): string | undefined {
  return api.statusCodes.find((s) => s.code === code)?.meaning;
}
