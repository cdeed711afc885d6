// What the vendor says about a problem, for the end of a diagnostic message: the status code the
// CA would answer (Comodo -2/-3/-4, from the catalogue), or the document's row (SSL2Buy).
import type { ApiCatalogue, FieldSpec } from '../../../../common/src/catalogue';
import { fieldTypeText } from '../docs';

export type ProblemKind = 'unknownField' | 'missingField' | 'invalidValue';

/** `Comodo would answer -4: The value of the 'product' argument is invalid!` */
export function statusAnswer(api: ApiCatalogue, kind: ProblemKind, fieldName: string): string | undefined {
  const code = api.problemStatus?.[kind];
  if (code === undefined) return undefined;
  const status = api.statusCodes.find((s) => s.code === code);
  if (!status) return undefined;
  const meaning = status.namesField ? status.meaning.replace(/'x+'/, `'${fieldName}'`) : status.meaning;
  return `${vendorName(api)} would answer ${code}: ${meaning}`;
}

/** `SSL2Buy document: OrgName is string, max. 200 chars, required.` */
export function documentRow(api: ApiCatalogue, field: FieldSpec): string {
  const required =
    field.required === true
      ? 'required'
      : field.required === 'conditional'
        ? `required ${field.requiredWhen}`
        : 'optional';
  return `${vendorName(api)} document: ${field.name} is ${fieldTypeText(field)}, ${required}.`;
}

/** The status answer when the document gives one, otherwise the document's row. */
export function vendorRule(api: ApiCatalogue, kind: ProblemKind, field: FieldSpec): string {
  return statusAnswer(api, kind, field.name) ?? documentRow(api, field);
}

export function vendorName(api: ApiCatalogue): string {
  return api.title.split(' ')[0];
}
