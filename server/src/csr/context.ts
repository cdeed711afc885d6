// What the CSR rules need to know about the order around a CSR: the API (whose catalogue's
// `csrRules` say which rules apply), its products, the key policy setting, and the arguments that
// may repeat a subject field (prioritiseCSRValues).
import { catalogues } from '../../../common/src/catalogue';
import {
  COMODO_SUBJECT_FIELDS,
  type CsrCheckContext,
  type CsrFinding,
  type CsrReportOptions,
} from '../../../common/src/csr';
import type { OrderSettings } from '../../../common/src/settings';
import type { OrderFacts } from '../service/types';

/** The Comodo arguments that may give a subject field again, and the switch between them. */
const DUPLICATE_FIELDS: readonly string[] = [
  ...COMODO_SUBJECT_FIELDS.flatMap((f) => f.orderField?.names ?? []),
  'prioritiseCSRValues',
];

/** The check context for a CSR in this order; undefined for an API whose catalogue has no CSR rules. */
export function orderCheckContext(order: OrderFacts, settings: OrderSettings): CsrCheckContext | undefined {
  const rules = order.api.csrRules;
  if (!rules) return undefined;
  const context: CsrCheckContext = { api: order.api.id, policy: settings.csr.keyPolicy };
  // Only the fields the rules read: the cache re-runs the rules when this context changes, and
  // an edit elsewhere in the order must not cause that.
  const orderFields: Record<string, string> = {};
  for (const name of DUPLICATE_FIELDS) {
    const value = order.values[name];
    if (typeof value === 'string' || typeof value === 'number') orderFields[name] = String(value);
  }
  return {
    ...context,
    // Absent or malformed `product`: the product rules skip rather than guess.
    ...(order.products.length ? { products: order.products } : {}),
    orderFields,
    ...(orderFields.prioritiseCSRValues !== undefined
      ? { prioritiseCSRValues: orderFields.prioritiseCSRValues }
      : {}),
  };
}

/** Report options for a CSR in this order: DCV values for TLS orders only. */
export function orderReportOptions(order: OrderFacts | undefined): CsrReportOptions {
  return { dcv: order?.api.certificateKind !== 'smime' };
}

/**
 * A CSR with no order around it (a `.csr` file, a selection): the rules every API applies
 * (decodable, signature, key policy), judged as for an order of the API whose document the
 * setting `csr.keyPolicy: "document"` names, so that the setting applies, and with that API's
 * status codes. Subject and product rules need the order: the order's own check gives them.
 */
export function standaloneCheckContext(settings: OrderSettings): CsrCheckContext {
  const api = catalogues.find((a) => a.csrRules?.documentKeyPolicy) ?? catalogues.find((a) => a.csrRules);
  return { api: api?.id ?? '', policy: settings.csr.keyPolicy };
}

/** The findings of standaloneCheckContext that do not depend on an order: those of rules every API with CSR rules applies. */
export function standaloneFindings(findings: readonly CsrFinding[]): CsrFinding[] {
  const withRules = catalogues.flatMap((a) => (a.csrRules ? [a.csrRules.codes] : []));
  return findings.filter((f) => withRules.every((codes) => codes.includes(f.code)));
}
