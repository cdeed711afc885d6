// Documentation of fields, values and APIs in Markdown, read from the catalogue. The generated
// JSON Schema (markdownDescription), hover and completion all show the same text.
import type { ApiCatalogue, FieldSpec, SpecRef, ValueSpec } from '../../../common/src/catalogue';
import { orList } from './text';

/** `string, max. 64 chars` in the document's own terms. */
export function fieldTypeText(field: FieldSpec): string {
  const type = field.type === 'char' ? 'char' : field.type;
  const list = field.format === 'integer-list' ? 'comma-separated integers (string)' : type;
  return field.maxLength !== undefined ? `${list}, max. ${field.maxLength} chars` : list;
}

export function requirementText(field: FieldSpec): string {
  if (field.credential === 'secret') return 'credential: kept in SecretStorage, never in the file';
  if (field.credential === 'user') return 'required by the API; in the file or in settings';
  if (field.required === true) return 'required';
  if (field.required === 'conditional') return `required ${field.requiredWhen ?? 'in some cases'}`;
  return 'optional';
}

export function sourceText(ref: SpecRef): string {
  return `${ref.document}, ${ref.section}`;
}

/** `` `2` Apache/ModSSL `` */
export function valueLabel(value: ValueSpec): string {
  return `${value.value} - ${value.label}`;
}

function escapeMarkdown(text: string): string {
  return text.replace(/[\\*_[\]<>#|]/g, '\\$&');
}

export function fieldMarkdown(api: ApiCatalogue, field: FieldSpec, parent?: string): string {
  const name = parent ? `${parent}.${field.name}` : field.name;
  const lines = [
    `**${name}** — ${escapeMarkdown(field.description)}`,
    '',
    `*${fieldTypeText(field)}* · ${requirementText(field)}`,
  ];
  if (field.notes) lines.push('', escapeMarkdown(field.notes).replace(/\\`/g, '`'));
  if (field.values && field.values.length > 0) {
    const values = field.values.map((v) => `\`${v.value}\` ${escapeMarkdown(v.label)}`);
    lines.push('', `Values: ${values.join(' · ')}`);
    if (field.valuesCaseInsensitive)
      lines.push('', 'The document accepts lower case too; the listed case is the documented one.');
  }
  if (field.format === 'iso3166-country')
    lines.push('', 'An ISO-3166 country: its two-letter code (e.g. `GB`).');
  if (field.format === 'email') lines.push('', 'An e-mail address.');
  if (api.caseInsensitiveNames && !parent)
    lines.push('', `The name is case-insensitive; the documented spelling is \`${field.name}\`.`);
  lines.push('', `*${escapeMarkdown(api.title)} — ${escapeMarkdown(sourceText(field.source))}*`);
  return lines.join('\n');
}

export function valueMarkdown(value: ValueSpec): string {
  return `\`${value.value}\` — **${escapeMarkdown(value.label)}**${value.description ? `: ${escapeMarkdown(value.description)}` : ''}`;
}

export function apiMarkdown(api: ApiCatalogue): string {
  const endpoints = [`production: ${api.endpoints.production}`];
  if (api.endpoints.demo) endpoints.push(`demo: ${api.endpoints.demo}`);
  else if (api.endpoints.demoMode === 'testFlag') endpoints.push('demo: the production URL with `test=Y`');
  return [
    `**${escapeMarkdown(api.title)}** (\`${api.id}\`)`,
    '',
    `Vendor document: ${api.document}. ${api.endpoints.method} ${api.endpoints.encoding === 'form' ? 'form-encoded' : 'JSON'}; ${endpoints.join('; ')}.`,
    '',
    api.caseInsensitiveNames ? 'Field names are case-insensitive.' : 'Field names are exact (JSON).',
  ].join('\n');
}

export function apiListText(apis: readonly ApiCatalogue[]): string {
  return orList(apis.map((a) => `"${a.id}" (${a.title})`));
}
