// How an order diagnostic's message is put together: the status code the CA would answer and the
// short statement first (`-3: 'isCustomerValidated' is missing.`), so that the Problems panel
// shows what matters before it cuts the line; then what to do; then the vendor's own words: the
// status message (Comodo -2/-3/-4, from the catalogue) or the document's row (SSL2Buy).
import { vendorName, type ApiCatalogue, type FieldSpec } from '../../../../common/src/catalogue';
import { fieldTypeText } from '../docs';

export type ProblemKind = 'unknownField' | 'missingField' | 'invalidValue';

/** The status code the API answers for this kind of problem, when its document gives one. */
export function statusCodeFor(api: ApiCatalogue, kind: ProblemKind): number | undefined {
  const code = api.problemStatus?.[kind];
  return code !== undefined && api.statusCodes.some((s) => s.code === code) ? code : undefined;
}

/** `-4: ` to lead a message with; empty where the document gives no status code. */
export function statusLead(api: ApiCatalogue, kind: ProblemKind): string {
  const code = statusCodeFor(api, kind);
  return code === undefined ? '' : `${code}: `;
}

/** `Comodo would answer: "The value of the 'product' argument is invalid!"` */
export function statusAnswer(api: ApiCatalogue, kind: ProblemKind, fieldName: string): string | undefined {
  const code = statusCodeFor(api, kind);
  const status = api.statusCodes.find((s) => s.code === code);
  if (!status) return undefined;
  const meaning = status.namesField ? status.meaning.replace(/'x+'/, `'${fieldName}'`) : status.meaning;
  return `${vendorName(api)} would answer: "${meaning}"`;
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

/**
 * A whole message: `statement` (short, first sentence) and what to do, led by the status code and
 * followed by the vendor's words.
 */
export function vendorMessage(
  api: ApiCatalogue,
  kind: ProblemKind,
  field: FieldSpec,
  statement: string,
): string {
  return `${statusLead(api, kind)}${statement} ${vendorRule(api, kind, field)}`;
}

export { vendorName };
