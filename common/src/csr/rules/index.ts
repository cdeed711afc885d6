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

/** Every finding for the CSR under this order's API, product and fields. Never throws. */
export function checkCsr(analysis: CsrAnalysis, context: CsrCheckContext): CsrFinding[] {
  const ctx = resolveContext(context);
  const out: CsrFinding[] = [];
  for (const rule of CSR_INPUT_RULES) if (ctx.rules.has(rule.code)) out.push(...rule.check(analysis, ctx));
  if (analysis.kind === 'decoded') {
    for (const rule of CSR_CONTENT_RULES) {
      if (ctx.rules.has(rule.code)) out.push(...rule.check(analysis.csr, ctx));
    }
  }
  return out;
}
