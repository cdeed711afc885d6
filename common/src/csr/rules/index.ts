// checkCsr: what the CA would say about a CSR for this order, one finding per problem.
import { findCatalogue } from '../../catalogue';
import type { CsrAnalysis } from '../analyse';
import {
  csrCnNotFqdn,
  csrCnWildcardNotAllowed,
  csrCnWildcardRequired,
  csrIntranetFqdn,
  csrIntranetPublicIp,
} from './commonName';
import {
  csrEmpty,
  csrExtensionUnreadable,
  csrNotACsr,
  csrNotBase64,
  csrTooLarge,
  csrVersion,
} from './encoding';
import {
  csrBadSignature,
  csrSignatureUnchecked,
  csrUnsupportedKeyAlgorithm,
  csrUnsupportedKeySize,
  csrUnsupportedSignature,
} from './keyPolicy';
import { csrOrderFieldDiffers, csrOrderFieldRequired } from './orderFields';
import {
  csrCountryInvalid,
  csrMissingSubjectField,
  csrSubjectIgnored,
  csrSubjectTooLong,
  csrSubjectType,
} from './subject';
import type {
  CsrCheckContext,
  CsrContentRule,
  CsrFinding,
  CsrInputRule,
  CsrRule,
  RuleContext,
} from './types';

export * from './types';
export { describeKey, describeSignature } from './keyPolicy';
export { extensionName } from './encoding';

/** Rules about the text and the DER, in the order the CA meets the problems. */
export const CSR_INPUT_RULES: readonly CsrInputRule[] = [csrEmpty, csrTooLarge, csrNotBase64, csrNotACsr];

/** Rules about a decoded CSR. */
export const CSR_CONTENT_RULES: readonly CsrContentRule[] = [
  csrVersion,
  csrUnsupportedKeyAlgorithm,
  csrUnsupportedSignature,
  csrBadSignature,
  csrSignatureUnchecked,
  csrUnsupportedKeySize,
  csrMissingSubjectField,
  csrCountryInvalid,
  csrCnNotFqdn,
  csrCnWildcardNotAllowed,
  csrCnWildcardRequired,
  csrIntranetFqdn,
  csrIntranetPublicIp,
  csrSubjectTooLong,
  csrSubjectType,
  csrSubjectIgnored,
  csrExtensionUnreadable,
  csrOrderFieldRequired,
  csrOrderFieldDiffers,
];

export const CSR_RULES: readonly CsrRule[] = [...CSR_INPUT_RULES, ...CSR_CONTENT_RULES];

export function resolveContext(context: CsrCheckContext): RuleContext {
  const catalogue = findCatalogue(context.api);
  const spec = catalogue?.csrRules;
  const prioritise = (context.prioritiseCSRValues ?? 'Y').trim().toUpperCase();
  const orderFieldIndex = new Map<string, { name: string; value: string }>();
  for (const [name, value] of Object.entries(context.orderFields ?? {})) {
    const key = name.toLowerCase();
    if (typeof value === 'string' && value.trim() !== '' && !orderFieldIndex.has(key)) {
      orderFieldIndex.set(key, { name, value });
    }
  }
  return {
    api: context.api,
    products: context.products,
    // The document policy is the document's that has a key rule; other APIs get today's practice.
    policy: spec?.documentKeyPolicy ? (context.policy ?? 'current') : 'current',
    orderFields: context.orderFields,
    orderFieldIndex,
    prioritiseCSRValues: prioritise === 'N' ? 'N' : 'Y',
    catalogue,
    rules: new Set(spec?.codes ?? []),
    quoteStatusCodes: spec?.quoteStatusCodes ?? false,
    documentKeyPolicy: spec?.documentKeyPolicy ?? false,
  };
}

/**
 * The findings of the rules that do not read the order, one entry per rule of CSR_RULES (in its
 * order), for one CSR under one API and key policy: what CsrCache keeps per CSR, so that a hundred
 * orders naming one CSR run those rules once.
 */
export type OrderFreeFindings = (CsrFinding[] | undefined)[];

/**
 * Every finding for the CSR under this order's API, product and fields. Never throws. With
 * `orderFree`, the rules without `readsOrder` take their findings from it (computing the missing
 * ones with the API and the key policy alone, so that what is kept cannot depend on one order).
 */
export function checkCsr(
  analysis: CsrAnalysis,
  context: CsrCheckContext,
  orderFree?: OrderFreeFindings,
): CsrFinding[] {
  const ctx = resolveContext(context);
  let freeCtx: RuleContext | undefined;
  const out: CsrFinding[] = [];
  const run = (index: number, rule: CsrRule, check: (c: RuleContext) => CsrFinding[]) => {
    if (!ctx.rules.has(rule.code)) return;
    if (!orderFree || rule.readsOrder) {
      out.push(...check(ctx));
      return;
    }
    let found = orderFree[index];
    if (!found) {
      freeCtx ??= resolveContext({ api: context.api, policy: context.policy });
      found = orderFree[index] = check(freeCtx);
    }
    out.push(...found);
  };
  CSR_INPUT_RULES.forEach((rule, i) => run(i, rule, (c) => rule.check(analysis, c)));
  if (analysis.kind === 'decoded') {
    const csr = analysis.csr;
    const first = CSR_INPUT_RULES.length;
    CSR_CONTENT_RULES.forEach((rule, i) => run(first + i, rule, (c) => rule.check(csr, c)));
  }
  return out;
}
