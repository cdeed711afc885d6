// Fields that may be given both in the CSR and as a request argument (Comodo `prioritiseCSRValues`
// rows): which value the CA uses where they differ, and the address arguments the document
// requires when the CSR does not have the field.
import { COMODO_ADDRESS_ARGUMENTS } from '../../catalogue/comodo';
import { COMODO_SUBJECT_FIELDS } from '../comodoCsrSpec';
import type { SubjectAttribute } from '../types';
import {
  attributeRef,
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
): { attr: SubjectAttribute; field: string; description: string }[] {
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
      });
    }
  }
  return out;
}
export const csrOrderFieldDiffers: CsrContentRule = {
  code: 'csr-order-field-differs',
  readsOrder: true,
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

/** The argument as written in the order, empty or not (names are case-insensitive). */
function writtenName(ctx: RuleContext, name: string): string | undefined {
  return Object.keys(ctx.orderFields ?? {}).find((k) => k.toLowerCase() === name.toLowerCase());
}

// Required unless the CSR has the field: the reading and its reasons are written once, next to
// COMODO_ADDRESS_ARGUMENTS in the catalogue.
export const csrOrderFieldRequired: CsrContentRule = {
  code: 'csr-order-field-required',
  readsOrder: true,
  statusCode: -3,
  description:
    'An address argument (streetAddress1, localityName, stateOrProvinceName, postalCode) that neither the order nor the CSR gives.',
  check(csr, ctx) {
    if (!ctx.orderFields) return [];
    const out: CsrFinding[] = [];
    for (const a of COMODO_ADDRESS_ARGUMENTS) {
      if (csr.subject.some((s) => s.oid === a.oid) || orderValue(ctx, a.field)) continue;
      const written = writtenName(ctx, a.field);
      const row = `"${a.field} (if there is a ${a.description} in the CSR)"`;
      out.push({
        code: this.code,
        statusCode: statusFor(ctx, this.statusCode),
        severity: 'error',
        message:
          `${written ?? a.field} is ${written ? 'empty' : 'missing'}. The CSR has no ${a.description} (${a.oid}) either: ` +
          `give one of the two. The document's row ${row} is the only case in which the argument may be left out.` +
          vendorSays(ctx, this.statusCode, a.field),
        // The catalogue's spelling: where the finding goes, and what the CA's -3 names.
        orderField: a.field,
        ...(written ? {} : { missingArgument: true }),
      });
    }
    return out;
  },
};
