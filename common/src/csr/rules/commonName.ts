// Common Name rules for Comodo TLS products: "Common Name (MUST contain the Fully-Qualified Domain
// Name)", wildcards (-5, -6), and Intranet SSL's server name (-18, -19).
import { COMODO_INTRANET_PRODUCT, COMODO_WILDCARD_PRODUCTS } from '../../catalogue/comodo';
import { asciiForm, ipVersion, isFqdn, isInternalIp, wildcardCount } from '../hostnames';
import { OID } from '../oids';
import type { DecodedCsr, SubjectAttribute } from '../types';
import {
  attributeRef,
  quote,
  statusFor,
  vendorSays,
  type CsrContentRule,
  type CsrFinding,
  type RuleContext,
} from './types';

function commonNames(csr: DecodedCsr): SubjectAttribute[] {
  return csr.subject.filter((a) => a.oid === OID.commonName);
}

const isIntranet = (ctx: RuleContext) => ctx.products?.includes(COMODO_INTRANET_PRODUCT) ?? false;
const isWildcardProduct = (ctx: RuleContext) =>
  ctx.products?.some((p) => COMODO_WILDCARD_PRODUCTS.includes(p)) ?? false;

export const csrCnNotFqdn: CsrContentRule = {
  code: 'csr-cn-not-fqdn',
  readsOrder: true,
  description: 'The Common Name is not a fully-qualified domain name (products other than Intranet SSL).',
  check(csr, ctx) {
    if (isIntranet(ctx)) return [];
    return commonNames(csr)
      .filter((a) => !isFqdn(a.value, true) || a.value.endsWith('.'))
      .map((a): CsrFinding => {
        const ascii = asciiForm(a.value);
        const hint = ascii
          ? ` Write an internationalised name in its ASCII (punycode) form: ${ascii}.`
          : ipVersion(a.value)
            ? ' An IP address is not a domain name.'
            : fqdnHint(a.value);
        return {
          code: this.code,
          severity: 'error',
          message:
            `The Common Name ${quote(a.value)} is not a fully-qualified domain name (like www.example.com).${hint} ` +
            `The Comodo document: "Common Name (MUST contain the Fully-Qualified Domain Name)". ` +
            `For a server name or private IP address, order Intranet SSL (product 44).`,
          attribute: attributeRef(a),
        };
      });
  },
};

/** Why a name that looks like a domain is still not one a certificate can carry. */
function fqdnHint(name: string): string {
  const bare = name.replace(/\.$/, '');
  if (name.endsWith('.') && isFqdn(bare, true)) {
    // RFC 5280 4.2.1.6: DNS names in the "preferred name syntax" (RFC 1034 3.5), which has no
    // final dot; DNS's absolute form "www.example.com." is not a certificate name.
    return ` A certificate names a domain without the final dot (RFC 5280's "preferred name syntax"): write ${quote(bare)}.`;
  }
  // Baseline Requirements 1.6.1 "Wildcard Domain Name": "*." followed by an FQDN.
  if (wildcardCount(name) > 0) {
    return ' A wildcard is allowed only once, as the whole leftmost label: *.example.com.';
  }
  return '';
}

export const csrCnWildcardNotAllowed: CsrContentRule = {
  code: 'csr-cn-wildcard-not-allowed',
  readsOrder: true,
  statusCode: -5,
  description: 'A wildcard in the Common Name on a product that is not a wildcard product (35, 65).',
  check(csr, ctx) {
    if (!ctx.products?.length || isWildcardProduct(ctx)) return [];
    return commonNames(csr)
      .filter((a) => a.value.includes('*'))
      .map((a): CsrFinding => ({
        code: this.code,
        statusCode: statusFor(ctx, this.statusCode),
        severity: 'error',
        message:
          `The Common Name ${quote(a.value)} holds a wildcard, and product ${ctx.products?.join(',')} is not a ` +
          `wildcard product. Order PremiumSSL Wildcard (35) or GoldSSL Wildcard (65), or use a CSR for a ` +
          `single name.${vendorSays(ctx, this.statusCode)}`,
        attribute: attributeRef(a),
      }));
  },
};

export const csrCnWildcardRequired: CsrContentRule = {
  code: 'csr-cn-wildcard-required',
  readsOrder: true,
  statusCode: -6,
  description: 'A wildcard product (35, 65) whose Common Name does not hold exactly one wildcard.',
  check(csr, ctx) {
    if (!isWildcardProduct(ctx)) return [];
    const cns = commonNames(csr);
    return cns
      .filter((a) => wildcardCount(a.value) !== 1)
      .map((a): CsrFinding => {
        const n = wildcardCount(a.value);
        return {
          code: this.code,
          statusCode: statusFor(ctx, this.statusCode),
          severity: 'error',
          message:
            `The Common Name ${quote(a.value)} holds ${n === 0 ? 'no' : n} wildcard${n === 1 ? '' : 's'}; ` +
            `a wildcard product (35, 65) needs exactly one, as in *.example.com.${vendorSays(ctx, this.statusCode)}`,
          attribute: attributeRef(a),
        };
      });
  },
};

export const csrIntranetFqdn: CsrContentRule = {
  code: 'csr-intranet-fqdn',
  readsOrder: true,
  statusCode: -18,
  description: 'Intranet SSL (44) whose server name is a fully-qualified domain name.',
  check(csr, ctx) {
    if (!isIntranet(ctx)) return [];
    return commonNames(csr)
      .filter((a) => !ipVersion(a.value) && a.value.replace(/\.$/, '').includes('.'))
      .map((a): CsrFinding => ({
        code: this.code,
        statusCode: statusFor(ctx, this.statusCode),
        severity: 'error',
        message:
          `The Common Name ${quote(a.value)} is a fully-qualified domain name; Intranet SSL (44) is for a ` +
          `server name without dots (like server01) or a private IP address. For a public name, order a ` +
          `public product (24, 34, 7, ...).${vendorSays(ctx, this.statusCode)}`,
        attribute: attributeRef(a),
      }));
  },
};

export const csrIntranetPublicIp: CsrContentRule = {
  code: 'csr-intranet-public-ip',
  readsOrder: true,
  statusCode: -19,
  description: 'Intranet SSL (44) whose server name is an Internet-reachable IP address.',
  check(csr, ctx) {
    if (!isIntranet(ctx)) return [];
    return commonNames(csr)
      .filter((a) => ipVersion(a.value) !== undefined && !isInternalIp(a.value))
      .map((a): CsrFinding => ({
        code: this.code,
        statusCode: statusFor(ctx, this.statusCode),
        severity: 'error',
        message:
          `The Common Name ${quote(a.value)} is an Internet-reachable IP address. Intranet SSL (44) accepts ` +
          `private, shared, loopback and link-local addresses (10/8, 172.16/12, 192.168/16, 100.64/10, ` +
          `127/8, 169.254/16; fc00::/7, fe80::/10, ::1).${vendorSays(ctx, this.statusCode)}`,
        attribute: attributeRef(a),
      }));
  },
};
