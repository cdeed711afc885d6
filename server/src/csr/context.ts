// What the CSR rules need to know about the order around a CSR: the API, the Comodo products,
// the key policy setting, and the arguments that may repeat a subject field (prioritiseCSRValues).
import {
  COMODO_SUBJECT_FIELDS,
  CSR_RULES,
  type CsrApi,
  type CsrCheckContext,
  type CsrFinding,
  type CsrReportOptions,
} from '../../../common/src/csr';
import type { OrderSettings } from '../../../common/src/settings';
import type { OrderFacts } from '../service/types';

const CSR_APIS: readonly CsrApi[] = ['comodo-autoapplyssl', 'ssl2buy-sectigo-pac-enterprise'];

/** The Comodo arguments that may give a subject field again, and the switch between them. */
const DUPLICATE_FIELDS: readonly string[] = [
  ...COMODO_SUBJECT_FIELDS.flatMap((f) => f.orderField?.names ?? []),
  'prioritiseCSRValues',
];

/** The check context for a CSR in this order; undefined for an API the CSR rules do not know. */
export function orderCheckContext(order: OrderFacts, settings: OrderSettings): CsrCheckContext | undefined {
  const api = CSR_APIS.find((id) => id === order.api.id);
  if (!api) return undefined;
  const context: CsrCheckContext = { api, policy: settings.csr.keyPolicy };
  if (api !== 'comodo-autoapplyssl') return context;
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
 * (decodable, signature, key policy), judged as for a Comodo order so the key policy setting
 * applies. Subject and product rules need the order's product: the order's own check gives them.
 */
export function standaloneCheckContext(settings: OrderSettings): CsrCheckContext {
  return { api: 'comodo-autoapplyssl', policy: settings.csr.keyPolicy };
}

/** Rules that apply under every API: they do not depend on the order. */
const UNIVERSAL_CODES = new Set(
  CSR_RULES.filter((r) => CSR_APIS.every((api) => r.apis.includes(api))).map((r) => r.code),
);

/** The findings of standaloneCheckContext that do not depend on an order. */
export function standaloneFindings(findings: readonly CsrFinding[]): CsrFinding[] {
  return findings.filter((f) => UNIVERSAL_CODES.has(f.code));
}
