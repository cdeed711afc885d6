// A new order of one API as a snippet, from its catalogue (`snippet`, the fields' `required`,
// `placeholder` and `values`), in VS Code's snippet syntax. The language server offers it where a
// new order starts (server/src/service/newOrder.ts); "New Order..." fills a new file with it.
import {
  CSR_FILE_PREFIX,
  apiSettingKey,
  catalogues,
  credentialSpec,
  type ApiCatalogue,
  type FieldSpec,
} from './index';

/** The object fields an order must hold in the file: required, and not a credential (settings or SecretStorage). */
export function requiredInFile(fields: readonly FieldSpec[]): FieldSpec[] {
  return fields.filter((f) => f.required === true && !f.credential);
}

export interface Snippet {
  prefix: string[];
  isFileTemplate: boolean;
  description: string;
  body: string[];
}

/** Text inside a JSON string of the order, then escaped for the snippet syntax (`$`, `}`, `\`). */
const placeholderText = (text: string): string =>
  JSON.stringify(text)
    .slice(1, -1)
    .replace(/[$}\\]/g, '\\$&');
/** A choice: `,` and `|` belong to the syntax too. */
const choiceText = (text: string): string => placeholderText(text).replace(/[,|]/g, '\\$&');

/** The snippet of a new order of `api`. Throws when a field it must give has no value to give. */
export function orderSnippet(api: ApiCatalogue): Snippet {
  const also = api.snippet.alsoFields ?? [];
  for (const name of also)
    if (!api.fields.some((f) => f.name === name))
      throw new Error(`${api.id}: snippet.alsoFields names "${name}", which is not one of its fields.`);

  let stop = 0;
  const value = (field: FieldSpec): string => {
    const n = ++stop;
    const quote = (inner: string): string => (field.type === 'integer' ? inner : `"${inner}"`);
    if (field.placeholder !== undefined) {
      const placeholder = String(field.placeholder);
      // `file:${4:server.csr}`: the user types the path, the prefix stays.
      if (field.csr && placeholder.startsWith(CSR_FILE_PREFIX))
        return quote(
          `${CSR_FILE_PREFIX}\${${n}:${placeholderText(placeholder.slice(CSR_FILE_PREFIX.length))}}`,
        );
      return quote(`\${${n}:${placeholderText(placeholder)}}`);
    }
    if (field.values?.length)
      return quote(`\${${n}|${field.values.map((v) => choiceText(String(v.value))).join(',')}|}`);
    if (field.type === 'integer')
      throw new Error(`${api.id}: ${field.name} is an integer with neither a placeholder nor values.`);
    return quote(`\${${n}}`);
  };

  /** The members a new order gives at one level, in the table's order, one line each. */
  const members = (fields: readonly FieldSpec[], indent: string, alsoHere: readonly string[]): string[][] => {
    const required = new Set(requiredInFile(fields));
    return fields
      .filter((f) => required.has(f) || alsoHere.includes(f.name))
      .map((field) => {
        const key = `${indent}"${field.name}": `;
        if (field.type !== 'object') return [key + value(field)];
        return [`${key}{`, ...joined(members(field.fields ?? [], `${indent}\t`, []), ''), `${indent}}`];
      });
  };
  /** Members separated by commas; `end` after the last one. */
  const joined = (list: string[][], end: string): string[] =>
    list.flatMap((lines, i) => {
      const last = [...lines];
      last[last.length - 1] += i < list.length - 1 ? ',' : end;
      return last;
    });

  const user = credentialSpec(api, 'user').name;
  const secret = credentialSpec(api, 'secret').name;
  return {
    prefix: [api.snippet.prefix, api.id],
    isFileTemplate: true,
    description:
      `A new ${api.title} order (fields as in the ${api.document}). ` +
      `${user} may come from the ${apiSettingKey(api, 'userName')} setting; the ${secret} from SecretStorage.`,
    body: ['{', ...joined([[`\t"\\$api": "${api.id}"`], ...members(api.fields, '\t', also)], '$0'), '}'],
  };
}

/** The whole new order of `apiId` as a snippet (for "New Order..."), or undefined for an unknown id. */
export function newOrderSnippet(apiId: string): string | undefined {
  const api = catalogues.find((a) => a.id === apiId);
  return api ? orderSnippet(api).body.join('\n') : undefined;
}
