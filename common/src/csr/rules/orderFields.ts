// Fields that may be given both in the CSR and as a request argument (Comodo `prioritiseCSRValues`
// rows): which value the CA uses where they differ, and the arguments the document requires
// because the CSR has the field ("localityName (if there is a Locality Name in the CSR)").
import { COMODO_SUBJECT_FIELDS } from '../comodoCsrSpec';
import type { SubjectAttribute } from '../types';
import {
  attributeRef,
  COMODO_ONLY,
  quote,
  statusFor,
  vendorSays,
  type CsrContentRule,
  type CsrFinding,
  type RuleContext,
} from './types';

/** The order argument, looked up case-insensitively (Comodo variable names are). */
function orderValue(ctx: RuleContext, name: string): { name: string; value: string } | undefined {
  return ctx.orderFieldIndex.get(name.toLowerCase());
}

/** Pairs of (CSR attribute, order argument name) for every field with a duplicate argument. */
function pairs(
  subject: readonly SubjectAttribute[],
): { attr: SubjectAttribute; field: string; description: string; requiredIfInCsr: boolean }[] {
  const out = [];
  for (const spec of COMODO_SUBJECT_FIELDS) {
    if (!spec.orderField) continue;
    const attrs = subject.filter((a) => a.oid === spec.oid);
    const names = spec.orderField.names;
    for (let i = 0; i < attrs.length && i < names.length; i++) {
      out.push({
        attr: attrs[i],
        field: names[i],
        description: names.length > 1 ? `${spec.description} ${i + 1}` : spec.description,
        // Only the first of several (streetAddress1) is required.
        requiredIfInCsr: (spec.orderField.requiredIfInCsr ?? false) && i === 0,
      });
    }
  }
  return out;
}

export const csrOrderFieldDiffers: CsrContentRule = {
  code: 'csr-order-field-differs',
  apis: COMODO_ONLY,
  description:
    'An order argument and the CSR give different values; prioritiseCSRValues decides which the CA uses.',
  check(csr, ctx) {
    const out: CsrFinding[] = [];
    for (const p of pairs(csr.subject)) {
      const given = orderValue(ctx, p.field);
      if (!given || given.value.trim() === p.attr.value.trim()) continue;
      const csrWins = ctx.prioritiseCSRValues === 'Y';
      const setting = `prioritiseCSRValues=${ctx.prioritiseCSRValues}${ctx.orderFields && !orderValue(ctx, 'prioritiseCSRValues') ? ' (the default)' : ''}`;
      out.push({
        code: this.code,
        severity: 'information',
        message:
          `The order's ${given.name} ${quote(given.value)} differs from the CSR's ${p.description} ` +
          `${quote(p.attr.value)}. With ${setting} the CA uses the ${csrWins ? "CSR's" : "order's"} value ` +
          `${quote(csrWins ? p.attr.value : given.value)}.`,
        attribute: attributeRef(p.attr),
        orderField: given.name,
      });
    }
    return out;
  },
};

export const csrOrderFieldRequired: CsrContentRule = {
  code: 'csr-order-field-required',
  statusCode: -3,
  apis: COMODO_ONLY,
  description:
    'The CSR has a street address, locality, state or postal code, which makes the matching argument required.',
  check(csr, ctx) {
    if (!ctx.orderFields) return [];
    return pairs(csr.subject)
      .filter((p) => p.requiredIfInCsr && !orderValue(ctx, p.field))
      .map((p): CsrFinding => ({
        code: this.code,
        statusCode: statusFor(ctx, this.statusCode),
        severity: 'error',
        message:
          `The CSR has a ${p.description.replace(/ 1$/, '')} (${quote(p.attr.value)}), and the Comodo document then ` +
          `requires the ${p.field} argument ("${p.field} (if there is a ${p.description.replace(/ 1$/, '')} in the CSR)"). ` +
          `Add "${p.field}": ${quote(p.attr.value)}.${vendorSays(ctx, this.statusCode, p.field)}`,
        attribute: attributeRef(p.attr),
        orderField: p.field,
      }));
  },
};
